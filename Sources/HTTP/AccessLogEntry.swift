/// One line of the access log, handed to `Configuration.accessLog` on the loop thread.
public struct AccessLogEntry: Sendable {
    /// The method, or "-" when the head could not be parsed.
    public let method: String
    /// The raw path without the query, with secret route parameters redacted; "-" when unparsable.
    public let path: String
    public let status: Int
    /// Bytes written for the answer (status line, headers and body).
    public let bytes: Int
    /// From the complete head to the answer being queued for writing.
    public let microseconds: Int

    public init(method: String, path: String, status: Int, bytes: Int, microseconds: Int) {
        self.method = method
        self.path = path
        self.status = status
        self.bytes = bytes
        self.microseconds = microseconds
    }

    /// `GET /agenda/… 200 1234B 87us`
    public var line: String {
        var out: [UInt8] = []
        out.reserveCapacity(method.utf8.count + path.utf8.count + 32)
        out.append(contentsOf: method.utf8)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: path.utf8)
        out.append(UInt8(ascii: " "))
        ResponseSerializer.appendDecimal(status, to: &out)
        out.append(UInt8(ascii: " "))
        ResponseSerializer.appendDecimal(bytes, to: &out)
        out.append(contentsOf: "B ".utf8)
        ResponseSerializer.appendDecimal(microseconds, to: &out)
        out.append(contentsOf: "us".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
