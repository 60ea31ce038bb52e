import Arguments
import XCTest

extension XCTestCase {
    /// Parses `line` with the fixture parser and expects a command to run.
    func run(_ line: [String], file: StaticString = #filePath, lineNumber: UInt = #line) throws
        -> ParsedCommand
    {
        switch try Fixture.parser.parse(line) {
        case .run(let command):
            return command
        case .help(let text, let isExplicit):
            XCTFail(
                "expected a command, got help (explicit: \(isExplicit)):\n\(text)", file: file,
                line: lineNumber)
            throw XCTSkip("no command")
        }
    }

    /// Parses `line` and returns the usage error it must raise.
    func failure(_ line: [String], file: StaticString = #filePath, lineNumber: UInt = #line)
        -> ArgumentsError?
    {
        do {
            let outcome = try Fixture.parser.parse(line)
            XCTFail("expected an error, got \(outcome)", file: file, line: lineNumber)
            return nil
        } catch {
            return error
        }
    }
}
