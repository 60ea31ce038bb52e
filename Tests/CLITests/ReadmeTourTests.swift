import Foundation
import TestSupport
import XCTest

/// Every command in the README, run in order against a fresh database, the way a newcomer
/// copies them: the demo running (as `script/demo` starts it), then the tour's commands in one
/// shell (so `$approved_at` carries over), then the checks a reader would make by eye: Ana on
/// the waitlist, then seated; her agenda link, page and calendar; the audit as of the past moment.
///
/// Stand-ins, and why: `script/demo` builds and then execs `citylab demo`, so the test starts
/// `citylab demo` itself (building inside `swift test` would wait on the build lock); `script/test`
/// is what runs this test (checked to be there); `docker compose up` needs an engine, so the
/// file it runs is validated with `docker-compose config` (ComposeFileTests). The README's
/// example database URL is replaced by the test's database; anything else is run as written.
final class ReadmeTourTests: XCTestCase {
    static let exampleURL = "postgresql://citylab:citylab@localhost:5432/citylab"
    static let runnable = ["citylab", "export", "printf", "sleep"]

    func testEveryCommandInTheREADMERunsInOrder() throws {
        let readme = try ReadmeCommands.load()
        let commands = readme.commands.map(ReadmeCommands.bare)
        XCTAssertGreaterThan(commands.count, 30, "the tour lost its commands: \(commands)")
        XCTAssertEqual(commands.prefix(3), ["script/demo", "script/test", "script/demo"])
        for script in ["script/demo", "script/test"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: ComposeFileTests.repository.appendingPathComponent(script).path))
        }
        XCTAssertTrue(commands.contains("docker compose up --build"))
        let tour = commands.filter { !["script/demo", "script/test", "docker compose up --build"].contains($0) }
        for command in tour {
            let word = String(command.split(separator: " ").first ?? "")
            XCTAssertTrue(Self.runnable.contains(word), "a README command this test does not know how to run: \(command)")
        }

        let cli = try CLIHarness.fresh()
        let demo = try cli.start(["--json", "demo", "--port", "0"])
        defer {
            demo.interrupt()
            _ = try? demo.wait()
        }
        let line = try XCTUnwrap(demo.firstLine(), "the demo announced nothing")
        let announced = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let base = try XCTUnwrap(announced["url"] as? String)
        let port = try XCTUnwrap(Int(base.split(separator: ":").last ?? ""))

        let outputs = try runInOneShell(tour, cli: cli, publicURL: base)
        func output(_ prefix: String) throws -> String {
            let index = try XCTUnwrap(tour.firstIndex { $0.hasPrefix(prefix) }, "the README no longer runs \(prefix)")
            return outputs[index] ?? ""
        }
        XCTAssertTrue(try output("citylab agenda add ana@example.org").contains("waitlist at position 1"))
        XCTAssertTrue(try output("citylab agenda drop luis@example.org").contains("moved up from the waitlist"))
        let asOf = try output("citylab audit placements --scholar valentina@example.edu --as-of")
        XCTAssertTrue(asOf.contains("PlacementApproved") && !asOf.contains("PlacementConfirmed"), asOf)
        XCTAssertTrue(try output("citylab audit verify").contains("The log is intact"))
        // The sample's summer at the position the README names: approved by staff, one withdrawn
        // by its host, nobody confirmed yet.
        let summer = try output("citylab audit placements --city \"Salt Lake City\" --position")
        for needle in ["Marcus Bell (Summer Scholars director)", "PlacementWithdrawn", "Dana Kimball (Salt Lake City Mayor's Office)"] {
            XCTAssertTrue(summer.contains(needle), "the README's sample position does not show \(needle): \(summer)")
        }
        XCTAssertFalse(summer.contains("PlacementConfirmed"), summer)

        // Step 4: the link registration printed, its page, JSON and calendar.
        let registered = try output("citylab attendee register --name \"Ana Gómez\"")
        let link = try XCTUnwrap(registered.split(separator: " ").first { $0.hasPrefix(base + "/agenda/") }, registered)
        let path = String(link.dropFirst(base.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        let page = try httpGet(port: port, path: path, headers: ["Accept: text/html"])
        XCTAssertEqual(page.status, 200)
        for needle in ["Ana Gómez", "Care Blocks: a walk through Manzana del Cuidado", "badge seat", "\(path).ics\"", "href=\"webcal://"] {
            XCTAssertTrue(page.body.contains(needle), "Ana's agenda page lacks \(needle)")
        }
        XCTAssertTrue(try httpGet(port: port, path: path + ".ics").body.contains("BEGIN:VEVENT"))
        XCTAssertEqual(try httpGet(port: port, path: path + ".json").status, 200)
        XCTAssertEqual(readme.paths, ["/health", "/openapi.json", "/program", "/program.ics"], "routes the README names")
        for route in readme.paths {
            XCTAssertEqual(try httpGet(port: port, path: route).status, 200, route)
        }
    }

    /// Runs the commands in one bash, each preceded by a marker, stopping at the first failure;
    /// returns each command's output (stdout and stderr) by index.
    private func runInOneShell(_ commands: [String], cli: CLIHarness, publicURL: String) throws -> [Int: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var script = "exec 2>&1\ncd \(directory.path)\n"
        for (index, command) in commands.enumerated() {
            let line = command.replacingOccurrences(of: Self.exampleURL, with: "'\(cli.databaseURL)'")
            script += "printf '\\n@@@ \(index)\\n'\n\(line)\nstatus=$?\n"
            script += "if [ $status -ne 0 ]; then printf '\\n@@@ failed with exit status %d\\n' $status; exit 1; fi\n"
        }
        var environment = cli.environmentForRun()
        environment["CITYLAB_PUBLIC_URL"] = publicURL
        environment["PATH"] = CLIHarness.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let child = try ChildProcess.spawn("/bin/bash", ["--noprofile", "--norc", "-c", script], environment: environment)
        let exit = child.wait(timeout: .seconds(300))
        if let hang = exit.hang { throw CLITestError("the README tour hung: \(hang)") }
        var outputs: [Int: String] = [:]
        for chunk in exit.stdout.components(separatedBy: "\n@@@ ").dropFirst() {
            let head = chunk.prefix { $0 != "\n" }
            if let index = Int(head) { outputs[index] = String(chunk.dropFirst(head.count)) }
        }
        if exit.status != 0 {
            let failed = outputs.keys.max() ?? 0
            XCTFail("README command failed: \(commands[failed])\n\(outputs[failed] ?? exit.stdout.suffix(2000).description)")
            throw CLITestError("the README tour stopped at command \(failed)")
        }
        return outputs
    }
}
