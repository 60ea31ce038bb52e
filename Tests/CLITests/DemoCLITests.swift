import Foundation
import TestSupport
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

    /// The "Try next" commands as a newcomer sees them (no --json, stdout a pipe, citylab not on
    /// PATH), copied into a shell one after another: each runs and does what its comment says.
    func testThePrintedNextStepsRunAsPrinted() throws {
        var cli = try CLIHarness.fresh()
        cli.environment["PATH"] = "/usr/bin:/bin"
        let demo = try cli.start(["demo", "--port", "0"])
        defer {
            demo.interrupt()
            _ = try? demo.wait()
        }
        var printed: [String] = []
        while let line = demo.firstLine() {
            printed.append(line)
            if line.hasPrefix("Ctrl-C stops the server") { break }
        }
        let start = try XCTUnwrap(printed.firstIndex { $0.hasPrefix("Try next") }, printed.joined(separator: "\n"))
        let commands = printed[(start + 1)...].prefix { $0.hasPrefix("  ") }.map { line in
            (line.range(of: "  # ").map { String(line[..<$0.lowerBound]) } ?? line).trimmingCharacters(in: .whitespaces)
        }
        XCTAssertEqual(commands.count, 6, printed.joined(separator: "\n"))
        XCTAssertTrue(commands.first?.hasPrefix("export PATH=\"") == true, "citylab is not on PATH: the steps must put it there")

        var script = "exec 2>&1\n"
        for (index, command) in commands.enumerated() {
            script += "printf '\\n@@@ \(index)\\n'\n\(command) || { printf '\\n@@@ failed %d\\n' $?; exit 1; }\n"
        }
        let shell = try ChildProcess.spawn("/bin/bash", ["--noprofile", "--norc", "-c", script], environment: cli.environmentForRun())
        let exit = shell.wait(timeout: .seconds(120))
        XCTAssertNil(exit.hang)
        XCTAssertEqual(exit.status, 0, exit.stdout)
        var outputs: [String: String] = [:]
        for chunk in exit.stdout.components(separatedBy: "\n@@@ ").dropFirst() {
            let head = chunk.prefix { $0 != "\n" }
            if let index = Int(head) { outputs[commands[index]] = String(chunk.dropFirst(head.count)) }
        }
        XCTAssertEqual(outputs.count, commands.count, exit.stdout)
        let atPosition = try XCTUnwrap(outputs.first { $0.key.contains("--position") }?.value)
        for needle in ["PlacementApproved", "Marcus Bell (Summer Scholars director)", "PlacementWithdrawn"] {
            XCTAssertTrue(atPosition.contains(needle), "the audit at the printed position lacks \(needle): \(atPosition)")
        }
        XCTAssertFalse(atPosition.contains("PlacementConfirmed"), "the printed position is past the first confirmation")
        let history = try XCTUnwrap(outputs.first { $0.key.contains("--city") }?.value)
        XCTAssertTrue(history.contains("Dana Kimball (Salt Lake City Mayor's Office)"), history)
        XCTAssertTrue(history.contains("Grace Whitfield (scholar)"), history)
        XCTAssertTrue(outputs["citylab audit verify"]?.contains("The log is intact") == true, outputs["citylab audit verify"] ?? "")
        XCTAssertTrue(outputs["citylab session list"]?.contains("ses_") == true, outputs["citylab session list"] ?? "")
    }
}
