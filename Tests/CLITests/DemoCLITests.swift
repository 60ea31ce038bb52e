import Foundation
import XCTest

/// `citylab demo` as a newcomer runs it: the sample loaded, read models up, the server
/// answering the URLs it prints; a second run reuses the data.
final class DemoCLITests: XCTestCase {
    /// Starts the demo on a free port and returns it with the announcement it printed.
    func startDemo(_ cli: CLIHarness) throws -> (CLIHarness.Started, [String: Any]) {
        let started = try cli.start(["--json", "demo", "--port", "0"])
        let line = try XCTUnwrap(started.firstLine(), "the demo announced nothing on stdout")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
        return (started, object)
    }

    func testTheDemoServesTheSampleAndReusesItsData() throws {
        let cli = try CLIHarness.fresh()
        let (first, announced) = try startDemo(cli)
        let base = try XCTUnwrap(announced["url"] as? String)
        let port = try XCTUnwrap(Int(base.split(separator: ":").last ?? ""))
        let program = try httpGet(port: port, path: "/program")
        XCTAssertEqual(program.status, 200)
        XCTAssertTrue(program.body.contains("CityLab 2026"), String(program.body.prefix(300)))
        let agendas = try XCTUnwrap(announced["agendas"] as? [[String: Any]])
        XCTAssertEqual(agendas.count, 2, "two attendees' agendas to open")
        for agenda in agendas {
            for key in ["html", "json", "ics"] {
                let url = try XCTUnwrap(agenda[key] as? String)
                let path = String(url.dropFirst(base.count))
                let answer = try httpGet(port: port, path: path)
                XCTAssertEqual(answer.status, 200, "\(key): \(path)")
            }
            XCTAssertTrue((agenda["webcal"] as? String)?.hasPrefix("webcal://") == true)
        }
        let ics = try httpGet(port: port, path: String(try XCTUnwrap(agendas[0]["ics"] as? String).dropFirst(base.count)))
        XCTAssertTrue(ics.body.hasPrefix("BEGIN:VCALENDAR\r\n"), String(ics.body.prefix(80)))
        first.interrupt()
        let stopped = try first.wait()
        XCTAssertEqual(stopped.status, 0, stopped.stderr)
        let events = try cli.eventCount()
        XCTAssertGreaterThan(events, 5_000)
        XCTAssertEqual(try cli.run("audit", "verify").status, 0)

        let (second, again) = try startDemo(cli)
        XCTAssertEqual((again["sample"] as? [String: Any])?["events_appended"] as? Int, 0, "a second demo appends nothing")
        second.interrupt()
        _ = try second.wait()
        XCTAssertEqual(try cli.eventCount(), events)
    }

    func testABusyPortIsSaidWithAHint() throws {
        let cli = try CLIHarness.fresh()
        let (first, announced) = try startDemo(cli)
        let base = try XCTUnwrap(announced["url"] as? String)
        let port = try XCTUnwrap(base.split(separator: ":").last.map(String.init))
        let busy = try cli.run("demo", "--port", port)
        XCTAssertEqual(busy.status, 1, busy.stderr)
        XCTAssertTrue(busy.stderr.contains("already in use"), busy.stderr)
        XCTAssertTrue(busy.stderr.contains("--port"), busy.stderr)
        first.interrupt()
        _ = try first.wait()
    }
}
