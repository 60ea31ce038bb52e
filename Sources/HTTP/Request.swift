/// One parsed request head. Requests with bodies never reach a handler.
public struct Request: Sendable {
    /// The method token as sent, e.g. "GET" (methods are case-sensitive).
    public let method: String
    /// The percent-decoded path, without the query.
    public let path: String
    /// The request target's path exactly as sent (still percent-encoded, no query).
    public let rawPath: String
    /// The raw query string after "?", or "" when there is none.
    public let rawQuery: String
    /// Decoded query parameters; when a name repeats, the first value wins.
    public let query: [String: String]
    public let headers: HTTPHeaders
    /// "HTTP/1.1" or "HTTP/1.0".
    public let version: String

    public init(
        method: String,
        path: String,
        rawPath: String? = nil,
        rawQuery: String = "",
        query: [String: String] = [:],
        headers: HTTPHeaders = HTTPHeaders(),
        version: String = "HTTP/1.1"
    ) {
        self.method = method
        self.path = path
        self.rawPath = rawPath ?? path
        self.rawQuery = rawQuery
        self.query = query
        self.headers = headers
        self.version = version
    }

    /// The first value of a header, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name]
    }
}
