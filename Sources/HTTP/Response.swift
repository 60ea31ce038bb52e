/// An answer. The server adds Date, Content-Length, Connection and Server.
public struct Response: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` answer.
    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: Array(text.utf8))
    }

    /// An `application/json` answer with an already-encoded body.
    public static func json(_ bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "application/json")], body: bytes)
    }

    /// A `text/html; charset=utf-8` answer.
    public static func html(_ html: String, status: Int = 200) -> Response {
        Response(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Array(html.utf8))
    }

    /// An RFC 9457 `application/problem+json` answer:
    /// `{"type":"about:blank","title":…,"status":…,"detail":…}`.
    public static func problem(
        status: Int,
        title: String? = nil,
        detail: String,
        headers: [(String, String)] = []
    ) -> Response {
        let title = title ?? StatusReason.phrase(for: status)
        var json = "{\"type\":\"about:blank\",\"title\":"
        json += JSONString.quoted(title)
        json += ",\"status\":\(status),\"detail\":"
        json += JSONString.quoted(detail)
        json += "}"
        return Response(
            status: status,
            headers: [("Content-Type", "application/problem+json")] + headers,
            body: Array(json.utf8)
        )
    }

    /// The first value of a header the handler set, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { HTTPHeaders.namesMatch($0.0, name) }?.1
    }
}
