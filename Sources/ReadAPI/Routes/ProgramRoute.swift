import HTTP

/// `/program` (JSON unless the client prefers HTML), `/program.ics` and `/sessions/{id}`, all
/// from the program snapshot in memory. `?conference=ID` picks an edition other than the default.
enum ProgramRoute {
    enum Format {
        case calendar
    }

    static let cacheControl = "public, no-cache"

    static func program(_ request: Request, _ cache: DocumentCache, format: Format?) -> Response {
        let position = cache.position
        guard cache.isReady else { return loading(position) }
        let snapshot = cache.program
        guard let id = request.query["conference"] ?? snapshot.defaultEdition, let program = snapshot.editions[id] else {
            return Answer.problem(404, "No program is published for this edition yet.", position: position)
        }
        let version = "p\(program.position)." + Answer.fingerprint(Array(id.utf8))
        if format == .calendar {
            let representation = Representation(
                contentType: "text/calendar; charset=utf-8", body: ProgramCalendar.render(program), etag: Answer.etag(version, "i"),
                cacheControl: cacheControl, headers: [("Content-Disposition", "inline; filename=\"program.ics\"")])
            return Answer.ok(representation, for: request, position: position)
        }
        guard let preference = MediaPreference.choose(request.header("Accept"), default: .json) else {
            return Answer.problem(406, "The program is available as application/json or text/html.", position: position)
        }
        let representation =
            preference == .json
            ? Representation(
                contentType: "application/json", body: program.json, etag: Answer.etag(version, "j"), cacheControl: cacheControl)
            : Representation(
                contentType: "text/html; charset=utf-8", body: Array(ProgramPage.render(program).utf8), etag: Answer.etag(version, "h"),
                cacheControl: cacheControl, headers: PublicBase.htmlHeaders)
        return Answer.ok(representation, for: request, position: position, varyAccept: true)
    }

    static func session(_ id: String, _ request: Request, _ cache: DocumentCache) -> Response {
        let position = cache.position
        guard cache.isReady else { return loading(position) }
        guard let (program, session) = cache.program.session(id) else {
            return Answer.problem(404, "There is no session with this id.", position: position)
        }
        guard let preference = MediaPreference.choose(request.header("Accept"), default: .json) else {
            return Answer.problem(406, "Sessions are available as application/json or text/html.", position: position)
        }
        let version = "s\(session.lastChangedPosition)"
        let representation: Representation
        if preference == .json {
            guard let body = try? PublicJSON.encode(EditionProgram.SessionBody(edition: program.edition, session: session)) else {
                return Answer.problem(500, "The session could not be rendered.", position: position)
            }
            representation = Representation(
                contentType: "application/json", body: body, etag: Answer.etag(version, "j"), cacheControl: cacheControl)
        } else {
            representation = Representation(
                contentType: "text/html; charset=utf-8", body: Array(ProgramPage.render(session, in: program).utf8),
                etag: Answer.etag(version, "h"), cacheControl: cacheControl, headers: PublicBase.htmlHeaders)
        }
        return Answer.ok(representation, for: request, position: position, varyAccept: true)
    }

    static func loading(_ position: Int64) -> Response {
        Answer.problem(
            503, "The server is still loading the read models; try again in a moment.", position: position, headers: [("Retry-After", "1")])
    }
}
