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
            ("Program", "/program"), ("SessionDocument", "/sessions/ses_data"), ("Health", "/health"), ("LogHead", "/log/head"),
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

    /// Every status a route answers is declared for its path (not left to `default`), and every
    /// answer's X-Projection-Position, ETag, Retry-After and Allow headers are declared on it.
    func testEveryObservedStatusAndHeaderIsDeclared() throws {
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try fixture.get("/openapi.json").body)) as? [String: Any])
        let paths = try XCTUnwrap(document["paths"] as? [String: Any])
        let components = try XCTUnwrap(document["components"] as? [String: Any])
        let ana = try XCTUnwrap(fixture.tokens["ana"])
        let unknown = String(repeating: "0", count: 32)
        let routes: [(template: String, path: String, missing: String)] = [
            ("/health", "/health", ""), ("/log/head", "/log/head", ""), ("/openapi.json", "/openapi.json", ""),
            ("/program", "/program", "/program?conference=nope"),
            ("/program.ics", "/program.ics", "/program.ics?conference=nope"), ("/sessions/{id}", "/sessions/ses_data", "/sessions/nope"),
            ("/agenda/{token}", "/agenda/\(ana)", "/agenda/\(unknown)"),
            ("/agenda/{token}.json", "/agenda/\(ana).json", "/agenda/\(unknown).json"),
            ("/agenda/{token}.ics", "/agenda/\(ana).ics", "/agenda/\(unknown).ics"),
        ]
        var observed: [(String, WireClient.Response)] = []
        for route in routes {
            let ok = try fixture.get(route.path)
            observed.append((route.template, ok))
            observed.append(
                (route.template, try fixture.get(route.path, [("If-None-Match", try XCTUnwrap(ok.header("ETag"), route.path))])))
            observed.append((route.template, try fixture.get(route.path, method: "DELETE")))
            observed.append((route.template, try fixture.get(route.path, [("Accept", "image/png")])))
            if !route.missing.isEmpty {
                observed.append((route.template, try fixture.get(route.missing)))
                observed.append((route.template, try fixture.get(route.path + "?min_position=x")))
            }
        }
        XCTAssertEqual(
            Set(observed.map(\.1.status)), [200, 304, 400, 404, 405, 406], "the requests above should reach every status a route makes")
        for (template, answer) in observed {
            let context = "\(template) answered \(answer.status)"
            XCTAssertNotNil(answer.header("X-Projection-Position"), context)
            let operation = try XCTUnwrap((paths[template] as? [String: Any])?["get"] as? [String: Any], "\(template) is not declared")
            let responses = try XCTUnwrap(operation["responses"] as? [String: Any])
            guard let declared = responses[String(answer.status)] as? [String: Any] else {
                XCTFail("\(context), which its OpenAPI entry does not declare")
                continue
            }
            let resolved = try resolve(declared, in: components)
            let headers = Set(((resolved["headers"] as? [String: Any]) ?? [:]).keys.map { $0.lowercased() })
            for name in ["X-Projection-Position", "ETag", "Retry-After", "Allow"] where answer.header(name) != nil {
                XCTAssertTrue(headers.contains(name.lowercased()), "\(context) with \(name), which is not declared on that answer")
            }
        }
        for (template, item) in paths {
            let responses = try XCTUnwrap(((item as? [String: Any])?["get"] as? [String: Any])?["responses"] as? [String: Any])
            XCTAssertNotNil(responses["default"], "\(template) declares no default answer for the server's own refusals")
            for (status, response) in responses {
                let headers = try resolve(try XCTUnwrap(response as? [String: Any]), in: components)["headers"] as? [String: Any]
                XCTAssertNotNil(headers?["X-Projection-Position"], "\(template) \(status) does not declare X-Projection-Position")
            }
        }
    }

    /// A response object, or the one its `$ref` (`#/components/responses/Name`) names.
    func resolve(_ response: [String: Any], in components: [String: Any]) throws -> [String: Any] {
        guard let reference = response["$ref"] as? String else { return response }
        let name = try XCTUnwrap(reference.split(separator: "/").last.map(String.init))
        return try XCTUnwrap((components["responses"] as? [String: Any])?[name] as? [String: Any], "\(reference) is not defined")
    }
}
