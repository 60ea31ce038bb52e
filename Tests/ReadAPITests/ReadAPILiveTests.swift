import Application
import Domain
import Foundation
import ReadAPI
import TestSupport
import XCTest

/// The routes over a real socket against a real database: formats, validators, 404s, 405s,
/// `?min_position`, no email anywhere, tokens never logged.
final class ReadAPILiveTests: XCTestCase {
    var fixture: ReadAPIFixture!

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
        try fixture.startServer()
    }

    override func tearDown() { fixture?.stop() }

    func json(_ response: WireClient.Response) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], response.text)
    }

    func testAgendaAsJSONHTMLAndCalendar() throws {
        let token = try XCTUnwrap(fixture.tokens["ana"])
        let head = try fixture.head()
        let byAccept = try fixture.get("/agenda/\(token)", [("Accept", "application/json")])
        let byPath = try fixture.get("/agenda/\(token).json")
        XCTAssertEqual(byAccept.status, 200)
        XCTAssertEqual(byAccept.body, byPath.body)
        XCTAssertEqual(byAccept.header("Content-Type"), "application/json")
        XCTAssertEqual(byAccept.header("Vary"), "Accept")
        XCTAssertEqual(byPath.header("Cache-Control"), "private, no-cache")
        XCTAssertEqual(byPath.header("X-Projection-Position"), String(head))
        let agenda = try json(byPath)
        let sessions = try XCTUnwrap(agenda["sessions"] as? [[String: Any]])
        XCTAssertEqual(sessions.map { $0["session"] as? String }, ["ses_care", "ses_data", "ses_dropped", "ses_night"])
        XCTAssertEqual(sessions.map { $0["status"] as? String }, ["seat", "seat", "cancelled", "seat"])
        XCTAssertEqual(sessions[1]["sequence"] as? Int, 1)
        XCTAssertEqual(sessions[1]["starts_local"] as? String, "2026-10-14T15:00")

        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        let html = try fixture.get("/agenda/\(token)", [("Accept", browser)])
        XCTAssertEqual(html.header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertEqual(try fixture.get("/agenda/\(token)").body, html.body, "HTML is the default for the bare link")
        XCTAssertEqual(html.header("Cache-Control"), "private, no-cache")
        for needle in [
            "webcal://127.0.0.1:\(fixture.port)/agenda/\(token).ics", "America/Bogota (UTC−05:00)", "Wednesday 14 October 2026",
            "10:00–11:00", "Sala Care", "badge seat", "Rescheduled:", "Cancelled:", "speaker ill", "Last updated",
            "Night walk &lt;script&gt;",
            "Care Blocks: a city&#39;s &quot;system&quot; of care", "23:30–Friday 16 October 2026 00:30",
        ] {
            XCTAssertTrue(html.text.contains(needle), "the agenda page lacks \(needle)")
        }
        XCTAssertFalse(html.text.contains("<script>"), "text must be escaped")
        XCTAssertFalse(html.text.lowercased().contains("<script"))

        let waitlisted = try fixture.get("/agenda/\(try XCTUnwrap(fixture.tokens["bo"]))")
        XCTAssertTrue(waitlisted.text.contains("Waitlist #1"), waitlisted.text)

        let calendar = try fixture.get("/agenda/\(token).ics")
        XCTAssertEqual(calendar.header("Content-Type"), "text/calendar; charset=utf-8")
        XCTAssertTrue(calendar.text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        for needle in [
            "UID:ses_data@citylab", "SEQUENCE:1", "STATUS:CANCELLED", "DTSTART:20261014T200000Z", "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        ] {
            XCTAssertTrue(calendar.text.contains(needle), "the calendar lacks \(needle)")
        }
        XCTAssertEqual(try fixture.get("/agenda/\(token).ics").body, calendar.body, "byte-stable for the same state")
        let bos = try fixture.get("/agenda/\(try XCTUnwrap(fixture.tokens["bo"])).ics").text
        XCTAssertTrue(bos.contains("STATUS:TENTATIVE"), bos)
    }

    /// A calendar's VEVENTs by UID: each one's properties (lines unfolded), name to value.
    func events(_ calendar: String) -> [String: [String: String]] {
        var events: [String: [String: String]] = [:]
        var current: [String: String]?
        for line in calendar.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let (name, value) = (String(line[..<colon]), String(line[line.index(after: colon)...]))
            if line == "BEGIN:VEVENT" {
                current = [:]
            } else if line == "END:VEVENT", let event = current {
                events[event["UID"] ?? ""] = event
                current = nil
            } else if current != nil {
                current?[name] = value
            }
        }
        return events
    }

    /// When the last event about `session` was recorded, as an iCalendar UTC DATE-TIME.
    func lastTouched(_ session: String) throws -> String {
        let rows = try fixture.connection.query(
            "SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS\"Z\"') AS stamp FROM events "
                + "WHERE data->>'session' = $1 ORDER BY position DESC LIMIT 1", [session])
        return try XCTUnwrap(rows.first?.string("stamp"), "no event about \(session)")
    }

    /// Calendar clients replace an event only when SEQUENCE grows and trust DTSTAMP: two
    /// reschedules are SEQUENCE:2, a cancellation bumps it too, DTSTAMP is the last change.
    func testCalendarsStampAndNumberEveryRevision() throws {
        _ = try ProgramCommands.reschedule(
            Session.Reschedule(session: fixture.session("data"), starts: "2026-10-14T16:30", ends: "2026-10-14T17:30"),
            runner: fixture.runner)
        let head = try fixture.head()
        let token = try XCTUnwrap(fixture.tokens["ana"])
        let agenda = try fixture.get("/agenda/\(token).ics?min_position=\(head)").text
        let program = try fixture.get("/program.ics?min_position=\(head)").text
        for (calendar, name, suffix) in [
            (agenda, "CityLab 2026 · Ana Gómez", "@citylab"), (program, "CityLab 2026 · Program", "@program.citylab"),
        ] {
            XCTAssertTrue(calendar.contains("\r\nPRODID:-//CityLab//citylab read API//EN\r\n"), calendar)
            XCTAssertTrue(calendar.contains("\r\nX-WR-CALNAME:\(name)\r\n"), calendar)
            let events = events(calendar)
            let data = try XCTUnwrap(events["ses_data" + suffix], calendar)
            XCTAssertEqual(data["SEQUENCE"], "2", "two reschedules")
            XCTAssertEqual(data["DTSTART"], "20261014T213000Z")
            XCTAssertEqual(data["DTSTAMP"], try lastTouched("ses_data"))
            let dropped = try XCTUnwrap(events["ses_dropped" + suffix], calendar)
            XCTAssertEqual(dropped["STATUS"], "CANCELLED")
            XCTAssertEqual(dropped["SEQUENCE"], "1", "the cancellation is a revision")
            XCTAssertEqual(dropped["DTSTAMP"], try lastTouched("ses_dropped"))
            let care = try XCTUnwrap(events["ses_care" + suffix], calendar)
            XCTAssertEqual(care["SEQUENCE"], "0")
            XCTAssertEqual(care["DTSTAMP"], try lastTouched("ses_care"))
            for (uid, event) in events { XCTAssertNotEqual(event["DTSTAMP"], "19700101T000000Z", uid) }
        }
    }

    func testUnknownAndRevokedTokensAreTheSame404() throws {
        let old = try fixture.reissue("ana")
        let fresh = try XCTUnwrap(fixture.tokens["ana"])
        let head = try fixture.head()
        XCTAssertEqual(try fixture.get("/agenda/\(fresh).json?min_position=\(head)").status, 200)
        for suffix in ["", ".json", ".ics"] {
            let revoked = try fixture.get("/agenda/\(old)\(suffix)")
            let unknown = try fixture.get("/agenda/\(AgendaToken.generate())\(suffix)")
            XCTAssertEqual(revoked.status, 404)
            XCTAssertEqual(unknown.status, 404)
            XCTAssertEqual(revoked.body, unknown.body)
            XCTAssertEqual(
                revoked.headers.filter { $0.0 != "Date" }.map { "\($0.0): \($0.1)" },
                unknown.headers.filter { $0.0 != "Date" }.map { "\($0.0): \($0.1)" })
            XCTAssertEqual(revoked.header("Content-Type"), "application/problem+json")
        }
    }

    func testETagsConditionalRequestsAndHEAD() throws {
        let token = try XCTUnwrap(fixture.tokens["ana"])
        for path in [
            "/agenda/\(token)", "/agenda/\(token).json", "/agenda/\(token).ics", "/program", "/program.ics", "/sessions/ses_care",
            "/openapi.json", "/health",
        ] {
            let first = try fixture.get(path)
            XCTAssertEqual(first.status, 200, path)
            let etag = try XCTUnwrap(first.header("ETag"), path)
            let again = try fixture.get(path, [("If-None-Match", etag)])
            XCTAssertEqual(again.status, 304, path)
            XCTAssertTrue(again.body.isEmpty)
            XCTAssertEqual(again.header("ETag"), etag)
            XCTAssertNotNil(again.header("X-Projection-Position"))
            let head = try fixture.get(path, method: "HEAD")
            XCTAssertEqual(head.status, 200, path)
            XCTAssertTrue(head.body.isEmpty, path)
            XCTAssertEqual(head.header("Content-Length"), String(first.body.count), path)
            XCTAssertEqual(try fixture.get(path, [("If-None-Match", "\"stale\"")]).status, 200, path)
        }
        let json = try fixture.get("/agenda/\(token).json")
        XCTAssertNotEqual(json.header("ETag"), try fixture.get("/agenda/\(token).ics").header("ETag"))
        try fixture.add("bo", "night")
        let later = try fixture.get(
            "/agenda/\(token).json?min_position=\(try fixture.head())", [("If-None-Match", try XCTUnwrap(json.header("ETag")))])
        XCTAssertEqual(later.status, 304, "Bo's enrollment does not change Ana's agenda")
        let program = try fixture.get("/program?min_position=\(try fixture.head())")
        XCTAssertNotEqual(program.header("ETag"), try fixture.get("/program").header("ETag").map { _ in "\"\"" })
    }

    func testMinPositionReadsYourWriteAndGivesUpAfterTwoSeconds() throws {
        let token = try XCTUnwrap(fixture.tokens["bo"])
        try fixture.add("bo", "data")
        let head = try fixture.head()
        let answer = try fixture.get("/agenda/\(token).json?min_position=\(head)")
        XCTAssertGreaterThanOrEqual(Int64(answer.header("X-Projection-Position") ?? "") ?? 0, head)
        XCTAssertTrue(answer.text.contains("ses_data"), answer.text)
        let started = Date()
        let late = try fixture.get("/program?min_position=\(head + 1000)")
        let waited = Date().timeIntervalSince(started)
        XCTAssertEqual(late.status, 200)
        XCTAssertEqual(late.header("X-Projection-Position"), String(head))
        XCTAssertGreaterThan(waited, 1.8)
        XCTAssertLessThan(waited, 4)
        XCTAssertEqual(try fixture.get("/program?min_position=abc").status, 400)
        XCTAssertEqual(try fixture.get("/program?min_position=-1").status, 400)
    }

    /// Each day reads in time order: the 09:00 plenary comes before the tracks that start later,
    /// whatever their names.
    func testTheProgramPageListsEachDaysTracksByTheirFirstStart() throws {
        try fixture.schedule(
            "plenary", "Opening plenary", "2026-10-14T09:00", "2026-10-14T10:00", capacity: 100, track: "Plenary", speakers: [])
        try fixture.schedule("walk", "Late walk", "2026-10-15T23:45", "2026-10-16T00:45", capacity: 5, track: "Arts", speakers: [])
        let page = try fixture.get("/program?min_position=\(try fixture.head())", [("Accept", "text/html")]).text
        let headings = page.components(separatedBy: "<h").dropFirst().compactMap { part -> String? in
            guard part.hasPrefix("2>") || part.hasPrefix("3>") else { return nil }
            return String(part.dropFirst(2).prefix { $0 != "<" })
        }
        XCTAssertEqual(
            headings, ["Wednesday 14 October 2026", "Plenary", "Care", "Data", "Thursday 15 October 2026", "Other sessions", "Arts"],
            page)
    }

    /// The address `serve` and `demo` print leads a browser to the program, query and all.
    func testTheBareAddressLeadsToTheProgram() throws {
        let root = try fixture.get("/")
        XCTAssertEqual(root.status, 303)
        XCTAssertEqual(root.header("Location"), "/program")
        XCTAssertNotNil(root.header("X-Projection-Position"))
        XCTAssertEqual(try fixture.get("/?conference=citylab-2026").header("Location"), "/program?conference=citylab-2026")
        XCTAssertEqual(try fixture.get("/", method: "DELETE").status, 405)
    }

    func testProgramSessionsErrorsAndNoEmailAnywhere() throws {
        let program = try fixture.get("/program")
        XCTAssertEqual(program.header("Content-Type"), "application/json")
        let sessions = try XCTUnwrap(try json(program)["sessions"] as? [[String: Any]])
        let care = try XCTUnwrap(sessions.first { $0["session"] as? String == "ses_care" })
        XCTAssertEqual(care["seats_left"] as? Int, 0)
        XCTAssertEqual(care["waitlist_length"] as? Int, 1)
        let page = try fixture.get("/program", [("Accept", "text/html")])
        for needle in ["Full · 1 waitlisted", "9 seats left", "<h3>Care</h3>", "<h3>Data</h3>", "Cancelled", "/sessions/ses_care"] {
            XCTAssertTrue(page.text.contains(needle), "the program page lacks \(needle)")
        }
        XCTAssertEqual(try fixture.get("/sessions/ses_care").status, 200)
        XCTAssertEqual(try fixture.get("/sessions/ses_care", [("Accept", "text/html")]).header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertEqual(try fixture.get("/sessions/ses_nothing").status, 404)
        XCTAssertEqual(try fixture.get("/program", [("Accept", "image/png")]).status, 406)
        XCTAssertEqual(try fixture.get("/program?conference=nope").status, 404)
        let post = try fixture.get("/program", method: "DELETE")
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.header("Allow"), "GET, HEAD")
        XCTAssertEqual(post.header("Content-Type"), "application/problem+json")
        XCTAssertNotNil(post.header("X-Projection-Position"))
        let missing = try fixture.get("/nothing/here")
        XCTAssertEqual(missing.status, 404)
        XCTAssertNotNil(missing.header("X-Projection-Position"))

        let tokens = fixture.tokens.values
        var bodies = ["/program", "/program.ics", "/sessions/ses_care", "/health", "/openapi.json"].compactMap { try? fixture.get($0).text }
        for token in tokens {
            bodies += ["", ".json", ".ics"].compactMap { try? fixture.get("/agenda/\(token)\($0)").text }
        }
        XCTAssertEqual(bodies.count, 5 + 3 * tokens.count)
        for body in bodies { XCTAssertFalse(body.contains("@example.org"), "an email leaked: \(body.prefix(200))") }

        let logged = fixture.accessLog.all
        XCTAssertFalse(logged.isEmpty)
        for line in logged {
            for token in tokens { XCTAssertFalse(line.contains(token), "a token reached the access log: \(line)") }
        }
        XCTAssertTrue(logged.contains { $0.hasPrefix("GET /agenda/….ics 200 ") }, logged.joined(separator: "\n"))
    }
}
