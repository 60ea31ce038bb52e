import Events
import HTTP

/// `/agenda/{token}` (HTML or JSON by `Accept`), `.json` and `.ics`. The token is looked up by
/// its SHA-256 only (what the log keeps, as `AgendaToken.hash`); an unknown token and a revoked
/// one take the same path and get the same 404.
struct AgendaRoute: Sendable {
    enum Format: Sendable {
        case negotiated, json, calendar
    }

    let cache: DocumentCache
    let loader: ColdLoader

    static let notFoundDetail = "There is no agenda at this link. Check the link, or ask the organizers to send you a new one."

    func answer(token: String, format: Format, _ request: Request, _ responder: Responder) {
        let chosen: Format
        if format == .negotiated {
            guard let preference = MediaPreference.choose(request.header("Accept"), default: .html) else {
                return responder.send(
                    Answer.problem(406, "This agenda is available as text/html or application/json.", position: cache.position))
            }
            chosen = preference == .json ? .json : .negotiated
        } else {
            chosen = format
        }
        let digest = TokenDigest(token: token)
        let (lookup, position) = cache.agenda(digest)
        switch lookup {
        case .hit(let agenda):
            responder.send(render(agenda, token: token, format: chosen, varyAccept: format == .negotiated, request, position: position))
        case .absent:
            responder.send(notFound(position))
        case .unknown:
            let cache = self.cache
            let queued = loader.load(tokenHash: digest.hex) { result in
                let position = cache.position
                switch result {
                case .success(let loaded):
                    guard let agenda = loaded.agenda else { return responder.send(notFound(position)) }
                    let served = max(position, loaded.snapshotPosition)
                    responder.send(
                        render(agenda, token: token, format: chosen, varyAccept: format == .negotiated, request, position: served))
                case .failure:
                    responder.send(
                        Answer.problem(
                            503, "The agenda cannot be read right now; try again shortly.", position: position,
                            headers: [("Retry-After", "2")]))
                }
            }
            if !queued {
                responder.send(
                    Answer.problem(503, "The server is busy; try again shortly.", position: position, headers: [("Retry-After", "1")])
                )
            }
        }
    }

    /// The same bytes for every unknown or revoked token.
    func notFound(_ position: Int64) -> Response {
        Answer.problem(404, Self.notFoundDetail, position: position, headers: [("Referrer-Policy", "no-referrer")])
    }

    private func render(
        _ agenda: CachedAgenda, token: String, format: Format, varyAccept: Bool, _ request: Request, position: Int64
    ) -> Response {
        let version = String(agenda.position)
        let representation: Representation
        switch format {
        case .json:
            representation = Representation(
                contentType: "application/json", body: agenda.json, etag: agenda.jsonETag, cacheControl: Self.cacheControl)
        case .calendar:
            representation = Representation(
                contentType: "text/calendar; charset=utf-8", body: AgendaCalendar.render(agenda.document),
                etag: Answer.etag("a" + version, "i"),
                cacheControl: Self.cacheControl, headers: [("Content-Disposition", "inline; filename=\"agenda.ics\"")])
        case .negotiated:
            let base = PublicBase(request)
            let segment = token.addingPercentEncodingForPath
            let links = AgendaPage.Links(
                webcal: "webcal://\(base.host)/agenda/\(segment).ics", ics: "\(base.origin)/agenda/\(segment).ics",
                json: "\(base.origin)/agenda/\(segment).json")
            representation = Representation(
                contentType: "text/html; charset=utf-8", body: Array(AgendaPage.render(agenda.document, links: links).utf8),
                etag: Answer.etag("a" + version, "h" + Answer.fingerprint(Array(base.origin.utf8))), cacheControl: Self.cacheControl,
                headers: PublicBase.htmlHeaders)
        }
        return Answer.ok(representation, for: request, position: position, varyAccept: varyAccept)
    }

    /// Agendas are personal: browsers may keep them, shared caches may not, and every use revalidates.
    static let cacheControl = "private, no-cache"
}
