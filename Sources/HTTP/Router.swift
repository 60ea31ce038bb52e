/// Handles a matched route: the request, its placeholder values, and the responder.
public typealias RouteHandler = @Sendable (Request, RouteParameters, Responder) -> Void

/// Maps method and path pattern to handlers. Unknown paths get a 404 problem; a known
/// path with another method gets 405 with `Allow`. A GET route also answers HEAD.
public struct Router: Sendable {
    private struct Route: Sendable {
        let pattern: RoutePattern
        var handlers: [String: RouteHandler]
    }

    private var routes: [Route] = []

    public init() {}

    /// Registers `handler` for `method` on `pattern` (`/agenda/{token}.ics`). Placeholders
    /// named in `secret` are logged as `…`.
    public mutating func add(
        _ method: String,
        _ pattern: String,
        secret: Set<String> = [],
        handler: @escaping RouteHandler
    ) {
        let compiled = RoutePattern(pattern, secret: secret)
        if let index = routes.firstIndex(where: { $0.pattern.text == pattern }) {
            routes[index].handlers[method] = handler
        } else {
            routes.append(Route(pattern: compiled, handlers: [method: handler]))
        }
    }

    public mutating func get(
        _ pattern: String, secret: Set<String> = [], handler: @escaping RouteHandler
    ) {
        add("GET", pattern, secret: secret, handler: handler)
    }

    /// The router as a server handler.
    public var handler: Handler {
        let router = self
        return { request, responder in router.route(request, responder) }
    }

    /// Finds the most specific matching pattern and runs its handler for the method.
    public func route(_ request: Request, _ responder: Responder) {
        var best: (route: Route, parameters: RouteParameters, logPath: String)?
        for route in routes {
            guard let (parameters, logPath) = route.pattern.match(rawPath: request.rawPath) else {
                continue
            }
            if let current = best,
                !current.route.pattern.specificity.lexicographicallyPrecedes(route.pattern.specificity)
            {
                continue
            }
            best = (route, parameters, logPath)
        }
        guard let (route, parameters, logPath) = best else {
            responder.send(.problem(status: 404, detail: "There is nothing at this path."))
            return
        }
        responder.logPath = logPath
        let handler =
            route.handlers[request.method] ?? (request.method == "HEAD" ? route.handlers["GET"] : nil)
        guard let handler else {
            responder.send(
                .problem(
                    status: 405,
                    detail: "The method \(request.method) is not allowed here.",
                    headers: [("Allow", Self.allow(route.handlers.keys))]
                ))
            return
        }
        handler(request, parameters, responder)
    }

    /// `Allow` value: the registered methods, with HEAD implied by GET.
    private static func allow(_ methods: Dictionary<String, RouteHandler>.Keys) -> String {
        var set = Set(methods)
        if set.contains("GET") { set.insert("HEAD") }
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        let known = order.filter(set.contains)
        let others = set.subtracting(order).sorted()
        return (known + others).joined(separator: ", ")
    }
}
