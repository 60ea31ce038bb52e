/// Turns one complete head (request line plus header lines) into a `ParsedRequest`.
///
/// It runs once per request on a loop thread, so it walks the bytes in place: no splitting into
/// arrays, literals for the common method and version, and the path shared with the raw path
/// when there is nothing to decode.
enum RequestHeadParser {
    static func parse(
        requestLine: ArraySlice<UInt8>,
        headerSection: ArraySlice<UInt8>
    ) throws(HTTPParseError) -> ParsedRequest {
        let line = trimLineEnd(requestLine)
        guard let firstSpace = line.firstIndex(of: UInt8(ascii: " ")),
            let secondSpace = line[(firstSpace + 1)...].firstIndex(of: UInt8(ascii: " ")),
            !line[(secondSpace + 1)...].contains(UInt8(ascii: " "))
        else {
            throw .malformed("The request line must be 'METHOD target HTTP/1.1'.")
        }
        let methodBytes = line[..<firstSpace]
        let target = line[(firstSpace + 1)..<secondSpace]
        let versionBytes = line[(secondSpace + 1)...]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(isTokenByte) else {
            throw .malformed("The method is not a valid token.")
        }
        let version = try parseVersion(versionBytes)
        let (rawPathBytes, rawQueryBytes) = try splitTarget(target)
        let rawPath = String(decoding: rawPathBytes, as: UTF8.self)
        let path = rawPathBytes.allSatisfy(isPlainPathByte) ? rawPath : try PercentDecoding.decode(rawPathBytes)
        let query = rawQueryBytes.isEmpty ? [:] : try PercentDecoding.query(rawQueryBytes)
        let headers = try parseHeaders(headerSection)
        let (keepAlive, hasBody) = try RequestSemantics.of(headers, version: version)
        let request = Request(
            method: method(methodBytes),
            path: path,
            rawPath: rawPath,
            rawQuery: rawQueryBytes.isEmpty ? "" : String(decoding: rawQueryBytes, as: UTF8.self),
            query: query,
            headers: headers,
            version: version
        )
        return ParsedRequest(request: request, keepAlive: keepAlive, hasBody: hasBody)
    }

    /// The method as a string; the common ones without decoding.
    static func method(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.elementsEqual("GET".utf8) { return "GET" }
        if bytes.elementsEqual("HEAD".utf8) { return "HEAD" }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> String {
        guard bytes.count == 8, bytes.prefix(5).elementsEqual("HTTP/".utf8) else {
            throw .malformed("The protocol version is not of the form HTTP/1.1.")
        }
        let (major, dot, minor) = (bytes[bytes.startIndex + 5], bytes[bytes.startIndex + 6], bytes[bytes.startIndex + 7])
        guard dot == UInt8(ascii: "."), isDigit(major), isDigit(minor) else {
            throw .malformed("The protocol version is not of the form HTTP/1.1.")
        }
        guard major == UInt8(ascii: "1") else { throw .unsupportedVersion }
        return minor == UInt8(ascii: "0") ? "HTTP/1.0" : "HTTP/1.1"
    }

    /// Origin form (`/path?query`) or absolute form (`http://host/path?query`).
    static func splitTarget(
        _ target: ArraySlice<UInt8>
    ) throws(HTTPParseError) -> (path: ArraySlice<UInt8>, query: ArraySlice<UInt8>) {
        guard !target.isEmpty else { throw .malformed("The request target is empty.") }
        for byte in target where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "#") {
            throw .malformed("The request target contains a control character, space or '#'.")
        }
        var pathAndQuery = target
        if target.first != UInt8(ascii: "/") {
            let lowered = target.prefix(8).map(HTTPHeaders.lower)
            let scheme: Int
            if lowered.starts(with: Array("http://".utf8)) {
                scheme = 7
            } else if lowered.starts(with: Array("https://".utf8)) {
                scheme = 8
            } else {
                throw .malformed("The request target must start with '/'.")
            }
            let authority = target.dropFirst(scheme)
            guard let slash = authority.firstIndex(of: UInt8(ascii: "/")) else {
                return (path: ArraySlice("/".utf8), query: [])
            }
            pathAndQuery = target[slash...]
        }
        guard let mark = pathAndQuery.firstIndex(of: UInt8(ascii: "?")) else {
            return (path: pathAndQuery, query: [])
        }
        return (path: pathAndQuery[..<mark], query: pathAndQuery[(mark + 1)...])
    }

    static func parseHeaders(_ section: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        var lineStart = section.startIndex
        while lineStart < section.endIndex {
            let lineFeed = section[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? section.endIndex
            let line = trimLineEnd(section[lineStart..<lineFeed])
            lineStart = lineFeed + 1
            guard let first = line.first else { continue }
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                throw .malformed("Folded header lines are not accepted.")
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw .malformed("A header line has no ':'.")
            }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
                throw .malformed("A header name is not a valid token.")
            }
            var valueStart = colon + 1
            var valueEnd = line.endIndex
            while valueStart < valueEnd, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
            while valueEnd > valueStart, line[valueEnd - 1] == 0x20 || line[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            let value = line[valueStart..<valueEnd]
            for byte in value where (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                throw .malformed("A header value contains a control character.")
            }
            headers.add(
                name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }
        return headers
    }

    static func trimLineEnd(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        if line.last == UInt8(ascii: "\n") { line = line.dropLast() }
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return line
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// ASCII other than `%`: the decoded path is the raw path (controls were refused already).
    static func isPlainPathByte(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: "%")
    }

    /// RFC 9110 tchar.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126:  // !#$%&'*+-.^_`|~
            true
        default:
            false
        }
    }
}
