import Foundation
import XCTest

/// Files `attendee import` refuses as a whole: exit 2 (or 1 for a missing edition), one
/// clear error on stderr, nothing on stdout but the JSON error object, nothing written.
final class ImportBadInputCLITests: XCTestCase {
    var cli: CLIHarness!
    var files: ImportFixture!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        files = try ImportFixture()
    }

    override func tearDown() { files?.remove() }

    private func assertRefused(
        _ arguments: [String], status: Int32 = 2, error: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = try cli.eventCount()
        let run = try cli.run(arguments: ["attendee", "import"] + arguments)
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("error: \(error)"), run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains("\nhint: "), run.stderr, file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        XCTAssertEqual(try cli.eventCount(), before, "nothing written", file: file, line: line)
        let json = try cli.run(arguments: ["--json", "attendee", "import"] + arguments)
        XCTAssertEqual(json.status, status, file: file, line: line)
        XCTAssertNotNil(try json.json()["error"], file: file, line: line)
    }

    func testFilesThatCannotBeImportedExit2() throws {
        try cli.openEdition()
        let good = ImportFixture.rows(3)
        let cases: [(String, String, String)] = [
            ("empty.csv", "", "empty.csv is empty"),
            ("blank.csv", "\u{FEFF}\r\n\r\n", "blank.csv is empty"),
            ("noheader.csv", good, "noheader.csv has no header line: line 1 must name the columns"),
            ("unknown.csv", "name,email,role,phone\r\n", "unknown.csv: unknown column 'phone' in the header (line 1)"),
            ("lacks.csv", "name,email\r\n", "lacks.csv: the header lacks the column role"),
            (
                "quote.csv", ImportFixture.header + good + "\"Open,o@x.org,mayor,,\r\nBo,bo@x.org,mayor,,\r\n",
                "quote.csv: line 5: a quoted field is never closed"
            ),
            (
                "closed.csv", ImportFixture.header + good + "\"Open,o@x.org,mayor,,\r\n" + good,
                "closed.csv: line 6: text after a closing quote"
            ),
            (
                "stray.csv", ImportFixture.header + "Ana \"A\" G,a@x.org,mayor,,\r\n",
                "stray.csv: line 2: a quote inside a field that is not quoted"
            ),
        ]
        for (name, text, error) in cases {
            let path = try files.file(name, text)
            try assertRefused([path], error: "\(path)\(error.dropFirst(name.count))")
        }
        let latin1 = try files.file(
            "latin1.csv", bytes: Array(ImportFixture.header.utf8) + Array("G".utf8) + [0xF3] + Array("mez,g@x.org,mayor,,\n".utf8))
        try assertRefused([latin1], error: "\(latin1): line 2: the text is not valid UTF-8")
    }

    func testUnreadableFilesExit2() throws {
        try cli.openEdition()
        let missing = files.path("missing.csv")
        try assertRefused([missing], error: "cannot read \(missing): no such file")
        try assertRefused([files.directory.path], error: "cannot read \(files.directory.path): it is a directory")
    }

    func testAFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        try cli.openEdition()
        let path = files.path("huge.csv")
        // 50 MB without writing 50 MB: a sparse file; only its size is looked at.
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(ImportFixture.header.utf8)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()
        try assertRefused([path], error: "\(path) is 50.0 MB; the limit is 20.0 MB")
        let run = try cli.run("attendee", "import", path)
        XCTAssertTrue(run.stderr.contains("split it into smaller files"), run.stderr)
    }

    func testAnExistingLinksFileIsNeverOverwritten() throws {
        try cli.openEdition()
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(2))
        let links = try files.file("links.csv", "precious\n")
        try assertRefused([path, "--links", links], error: "cannot create the links file \(links): File exists")
        XCTAssertEqual(try String(contentsOfFile: links, encoding: .utf8), "precious\n")
    }

    func testNoEditionOrAnUnknownOneIsRefused() throws {
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(2))
        try assertRefused([path], status: 1, error: "no edition is open yet")
        try cli.openEdition()
        try assertRefused([path, "--conference", "citylab-1999"], status: 1, error: "there is no edition citylab-1999")
    }

    func testHelpDocumentsTheFileAndTheExitCodes() throws {
        let run = try cli.run("attendee", "import", "--help")
        XCTAssertEqual(run.status, 0)
        for text in ["name, email and role are required", "20 MB and 100,000 rows", "--links", "Exit codes", "<file>"] {
            XCTAssertTrue(run.stdout.contains(text), "help lacks '\(text)': \(run.stdout)")
        }
        let missing = try cli.run("attendee", "import")
        XCTAssertEqual(missing.status, 2)
    }
}
