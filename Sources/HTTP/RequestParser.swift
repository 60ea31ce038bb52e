import Glibc

/// An incremental HTTP/1.x request-head parser: feed it bytes as they arrive, then ask
/// for the next complete head. Pure (no I/O), so it is tested on its own.
///
/// It finds line ends as bytes come in (never rescanning), enforces the request-line
/// and header-section limits before a head is complete, and once it fails it stays
/// failed: the connection answers the error and closes.
struct RequestParser {
    enum Event: Sendable {
        case request(ParsedRequest)
        case needMoreData
        case failure(HTTPParseError)
    }

    let maxRequestLine: Int
    let maxHeaderBytes: Int

    private var buffer: [UInt8] = []
    /// Where the current (unconsumed) head begins.
    private var start = 0
    /// Bytes before this index have been searched for line feeds.
    private var scan = 0
    /// Where the line being read begins.
    private var lineStart = 0
    /// The index just past the request line's LF, once it has arrived.
    private var requestLineEnd: Int?
    private var failed: HTTPParseError?

    init(maxRequestLine: Int = 8192, maxHeaderBytes: Int = 8192) {
        self.maxRequestLine = maxRequestLine
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// Bytes received but not yet consumed as a complete head.
    var bufferedByteCount: Int { buffer.count - start }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete head, `.needMoreData`, or the failure that ends the connection.
    mutating func next() -> Event {
        if let failed { return .failure(failed) }
        while scan < buffer.count {
            guard let lineFeed = nextLineFeed() else {
                scan = buffer.count
                break
            }
            scan = lineFeed + 1
            var lineEnd = lineFeed
            if lineEnd > lineStart && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            guard let requestLineEnd else {
                if lineEnd == lineStart {
                    // RFC 9112 §2.2: ignore empty lines before the request line.
                    start = scan
                    lineStart = scan
                    continue
                }
                if lineEnd - lineStart > maxRequestLine {
                    return fail(.requestLineTooLong(limit: maxRequestLine))
                }
                self.requestLineEnd = scan
                lineStart = scan
                continue
            }
            if lineEnd == lineStart {
                let requestLine = buffer[start..<requestLineEnd]
                let headerSection = buffer[requestLineEnd..<lineStart]
                start = scan
                lineStart = scan
                self.requestLineEnd = nil
                do {
                    return .request(
                        try RequestHeadParser.parse(requestLine: requestLine, headerSection: headerSection))
                } catch {
                    return fail(error)
                }
            }
            if scan - requestLineEnd > maxHeaderBytes {
                return fail(.headersTooLarge(limit: maxHeaderBytes))
            }
            lineStart = scan
        }
        if let requestLineEnd {
            if buffer.count - requestLineEnd > maxHeaderBytes + 2 {
                return fail(.headersTooLarge(limit: maxHeaderBytes))
            }
        } else if buffer.count - lineStart > maxRequestLine + 1 {
            return fail(.requestLineTooLong(limit: maxRequestLine))
        }
        return .needMoreData
    }

    /// The index of the first LF at or after `scan` (memchr: heads are scanned byte by byte otherwise).
    private func nextLineFeed() -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, scan < bytes.count,
                let found = memchr(base + scan, Int32(UInt8(ascii: "\n")), bytes.count - scan)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func fail(_ error: HTTPParseError) -> Event {
        failed = error
        return .failure(error)
    }

    /// Drops consumed bytes so the buffer does not grow across keep-alive requests.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if start >= 4096 {
            buffer.removeFirst(start)
        } else {
            return
        }
        scan -= start
        lineStart -= start
        if let end = requestLineEnd { requestLineEnd = end - start }
        start = 0
    }
}
