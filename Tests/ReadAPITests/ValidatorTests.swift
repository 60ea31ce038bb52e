import Foundation
import XCTest

/// Our calendars and OpenAPI document, judged by independent parsers (Python's vobject, strict,
/// and icalendar; openapi-spec-validator and jsonschema for the real JSON answers).
final class ValidatorTests: XCTestCase {
    var fixture: ReadAPIFixture!

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
        try fixture.startServer()
    }

    override func tearDown() { fixture?.stop() }

    /// The venv's python, or a failure that says how to get it (never a silent skip).
    func python() throws -> String {
        guard let path = ProcessInfo.processInfo.environment["CITYLAB_ICAL_PYTHON"], !path.isEmpty else {
            XCTFail(
                "CITYLAB_ICAL_PYTHON is not set: run script/test, or export CITYLAB_ICAL_PYTHON=$(bash -c '. script/lib/ensure-deps.sh; . script/lib/validators.sh; ensure_validators')"
            )
            throw WireError("no validator python")
        }
        return path
    }

    func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func save(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "readapi-\(getpid())-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testCalendarsParseStrictly() throws {
        var files: [String] = []
        for (key, token) in fixture.tokens { files.append(try save(try fixture.get("/agenda/\(token).ics").body, "\(key).ics")) }
        files.append(try save(try fixture.get("/program.ics").body, "program.ics"))
        let (status, output) = try run(ValidatorScripts.calendars, files)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("program.ics: 4 events ok"), output)
    }

    func testOpenAPIIsValidAndMatchesRealAnswers() throws {
        let token = try XCTUnwrap(fixture.tokens["ana"])
        let answers: [(String, String)] = [
            ("Agenda", "/agenda/\(token).json"), ("Agenda", "/agenda/\(try XCTUnwrap(fixture.tokens["bo"])).json"),
            ("Program", "/program"), ("SessionDocument", "/sessions/ses_data"), ("Health", "/health"),
            ("Problem", "/agenda/\(String(repeating: "0", count: 32))"), ("Problem", "/sessions/nope"),
            ("Problem", "/program?min_position=x"),
        ]
        var arguments = [try save(try fixture.get("/openapi.json").body, "openapi.json")]
        for (index, (schema, path)) in answers.enumerated() {
            arguments += [schema, try save(try fixture.get(path).body, "answer-\(index).json")]
        }
        let (status, output) = try run(ValidatorScripts.openAPI, arguments)
        XCTAssertEqual(status, 0, output)
    }
}
