/// Writes a `Response` as HTTP/1.1 bytes, adding the headers the server owns.
///
/// It runs once per answer on a loop thread: the status line of common statuses is a constant,
/// the numbers are written as digits without making strings, and a header name is compared with
/// the server's own only when their lengths agree.
enum ResponseSerializer {
    /// Appends the answer to `out` and returns how many bytes were appended.
    /// `headOnly` (HEAD) keeps Content-Length but drops the body.
    @discardableResult
    static func write(
        _ response: Response,
        headOnly: Bool,
        keepAlive: Bool,
        date: [UInt8],
        into out: inout [UInt8]
    ) -> Int {
        let before = out.count
        let status = (100...999).contains(response.status) ? response.status : 500
        let bodyless = status < 200 || status == 204 || status == 304
        var headerBytes = 0
        for (name, value) in response.headers { headerBytes += name.utf8.count + value.utf8.count + 4 }
        out.reserveCapacity(out.count + 160 + headerBytes + (headOnly ? 0 : response.body.count))
        appendStatusLine(status, to: &out)
        var hasDate = false
        var hasServer = false
        for (name, value) in response.headers {
            let owned = ownedHeader(name)
            guard owned != .framing else { continue }
            let lineStart = out.count
            guard appendChecked(name, to: &out) else { continue }
            out.append(contentsOf: ": ".utf8)
            guard appendChecked(value, to: &out) else {
                out.removeSubrange(lineStart...)
                continue
            }
            out.append(contentsOf: "\r\n".utf8)
            if owned == .date { hasDate = true }
            if owned == .server { hasServer = true }
        }
        if !hasServer { out.append(contentsOf: "Server: citylab\r\n".utf8) }
        if !hasDate {
            out.append(contentsOf: "Date: ".utf8)
            out.append(contentsOf: date)
            out.append(contentsOf: "\r\n".utf8)
        }
        if !bodyless {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: (keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n").utf8)
        if !headOnly && !bodyless { out.append(contentsOf: response.body) }
        return out.count - before
    }

    private enum OwnedHeader {
        /// Content-Length, Connection, Transfer-Encoding: the server writes these itself.
        case framing
        case date, server, other
    }

    private static func ownedHeader(_ name: String) -> OwnedHeader {
        switch name.utf8.count {
        case 4: HTTPHeaders.namesMatch(name, "Date") ? .date : .other
        case 6: HTTPHeaders.namesMatch(name, "Server") ? .server : .other
        case 10: HTTPHeaders.namesMatch(name, "Connection") ? .framing : .other
        case 14: HTTPHeaders.namesMatch(name, "Content-Length") ? .framing : .other
        case 17: HTTPHeaders.namesMatch(name, "Transfer-Encoding") ? .framing : .other
        default: .other
        }
    }

    private static func appendStatusLine(_ status: Int, to out: inout [UInt8]) {
        switch status {
        case 200: out.append(contentsOf: "HTTP/1.1 200 OK\r\n".utf8)
        case 304: out.append(contentsOf: "HTTP/1.1 304 Not Modified\r\n".utf8)
        case 404: out.append(contentsOf: "HTTP/1.1 404 Not Found\r\n".utf8)
        default:
            out.append(contentsOf: "HTTP/1.1 ".utf8)
            appendDecimal(status, to: &out)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: StatusReason.phrase(for: status).utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
    }

    /// A non-negative number in decimal.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var value = max(0, value)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends `text` unless it holds CR, LF or NUL (a handler must not be able to split the
    /// head); false, with nothing appended, when it does.
    private static func appendChecked(_ text: String, to out: inout [UInt8]) -> Bool {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte == 13 || byte == 10 || byte == 0 { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if let copied { return copied }
        for byte in text.utf8 where byte == 13 || byte == 10 || byte == 0 { return false }
        out.append(contentsOf: text.utf8)
        return true
    }
}
