import Events
import HTTP

/// The public routes (CONTRACT "HTTP read endpoint") over the cache. Every answer leaves with
/// `X-Projection-Position`; handlers answer from memory on the loop thread, or later through
/// their `Responder` (a cold agenda read by a worker, a request parked by `?min_position`).
struct ReadRoutes: Sendable {
    let cache: DocumentCache
    let loader: ColdLoader
    let waiters: PositionWaiters
    /// How long `?min_position=n` may wait.
    static let maxWait = Duration.seconds(2)

    var router: Router {
        var router = Router()
        // The address the server and the demo print: a browser opening it finds the program.
        router.get("/") { request, _, responder in
            let query = request.rawQuery.isEmpty ? "" : "?" + request.rawQuery
            responder.send(Response(status: 303, headers: [("Location", "/program" + query), ("Cache-Control", "no-cache")]))
        }
        router.get("/health") { request, _, responder in responder.send(HealthRoute.answer(request, cache)) }
        router.get("/log/head") { request, _, responder in responder.send(LogHeadRoute.answer(request, cache)) }
        router.get("/openapi.json") { request, _, responder in
            responder.send(Answer.ok(OpenAPIDocument.representation, for: request, position: cache.position))
        }
        router.get("/program") { request, _, responder in
            whenCaughtUp(request, responder) { responder.send(ProgramRoute.program(request, cache, format: nil)) }
        }
        router.get("/program.ics") { request, _, responder in
            whenCaughtUp(request, responder) { responder.send(ProgramRoute.program(request, cache, format: .calendar)) }
        }
        router.get("/sessions/{id}") { request, parameters, responder in
            let id = parameters["id"] ?? ""
            whenCaughtUp(request, responder) { responder.send(ProgramRoute.session(id, request, cache)) }
        }
        for (pattern, format) in [
            ("/agenda/{token}", AgendaRoute.Format.negotiated), ("/agenda/{token}.json", .json), ("/agenda/{token}.ics", .calendar),
        ] {
            router.get(pattern, secret: ["token"]) { request, parameters, responder in
                let token = parameters["token"] ?? ""
                let route = AgendaRoute(cache: cache, loader: loader)
                whenCaughtUp(request, responder) { route.answer(token: token, format: format, request, responder) }
            }
        }
        return router
    }

    /// The server's handler: the router, with the position header added to answers that lack it
    /// (404 and 405 from the router itself) and the log path kept free of tokens.
    var handler: Handler {
        let router = self.router
        let cache = self.cache
        return { request, responder in
            if request.method == "GET" || request.method == "HEAD", let (token, format, logPath) = AgendaPath.match(request.rawPath) {
                responder.logPath = logPath
                let route = AgendaRoute(cache: cache, loader: loader)
                if request.query.isEmpty { return route.answer(token: token, format: format, request, responder) }
                return whenCaughtUp(request, responder) { route.answer(token: token, format: format, request, responder) }
            }
            let inner = Responder(onSend: { response in
                var response = response
                if response.header("X-Projection-Position") == nil {
                    response.headers.append(("X-Projection-Position", String(cache.position)))
                }
                if response.header("X-Content-Type-Options") == nil { response.headers.append(("X-Content-Type-Options", "nosniff")) }
                responder.send(response)
            })
            router.route(request, inner)
            // The loop thread runs this handler, so it cannot write a later answer (and log its
            // path) before this line: the path is always set in time.
            responder.logPath = inner.logPath ?? Self.redacted(request.rawPath)
        }
    }

    /// Paths no route matched may still carry a token (`/agenda/TOKEN/x`): never log one.
    static func redacted(_ rawPath: String) -> String {
        if rawPath.hasPrefix("/agenda/") { return "/agenda/…" }
        return rawPath.count > 200 ? String(rawPath.prefix(200)) + "…" : rawPath
    }

    /// Runs `answer` now, or once the projections reach `?min_position=n` (at most `maxWait`,
    /// then with what there is; `X-Projection-Position` tells the client where it stands).
    private func whenCaughtUp(_ request: Request, _ responder: Responder, _ answer: @escaping @Sendable () -> Void) {
        guard let raw = request.query["min_position"] else { return answer() }
        guard let wanted = Int64(raw), wanted >= 0 else {
            return responder.send(
                Answer.problem(
                    400, "min_position must be a whole number, 0 or more (a position from X-Projection-Position).", position: cache.position
                ))
        }
        if cache.position >= wanted { return answer() }
        waiters.park(until: wanted, timeout: Self.maxWait, answer: answer)
    }
}
