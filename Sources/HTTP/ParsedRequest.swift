/// A complete head and what the connection must do with it.
struct ParsedRequest: Sendable {
    let request: Request
    /// Whether the connection may stay open after the answer (HTTP/1.0 and 1.1 rules).
    let keepAlive: Bool
    /// A body was announced (Content-Length > 0 or Transfer-Encoding); such requests are refused.
    let hasBody: Bool
}
