/// Turns one complete head (request line plus header lines) into a `ParsedRequest`.
enum RequestHeadParser {
  static func parse(
    requestLine: ArraySlice<UInt8>,
    headerSection: ArraySlice<UInt8>
  ) throws(HTTPParseError) -> ParsedRequest {
    let line = trimLineEnd(requestLine)
    let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      throw .malformed("The request line must be 'METHOD target HTTP/1.1'.")
    }
    let (methodBytes, target, versionBytes) = (parts[0], parts[1], parts[2])
    guard !methodBytes.isEmpty, methodBytes.allSatisfy(isTokenByte) else {
      throw .malformed("The method is not a valid token.")
    }
    let version = try parseVersion(versionBytes)
    let (rawPath, rawQuery) = try splitTarget(target)
    let path = try PercentDecoding.decode(rawPath)
    let query = try PercentDecoding.query(rawQuery)
    let headers = try parseHeaders(headerSection)
    let (keepAlive, hasBody) = try semantics(headers: headers, version: version)
    let request = Request(
      method: String(decoding: methodBytes, as: UTF8.self),
      path: path,
      rawPath: String(decoding: rawPath, as: UTF8.self),
      rawQuery: String(decoding: rawQuery, as: UTF8.self),
      query: query,
      headers: headers,
      version: version
    )
    return ParsedRequest(request: request, keepAlive: keepAlive, hasBody: hasBody)
  }

  static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> String {
    let text = Array(bytes)
    guard text.count == 8, text.starts(with: Array("HTTP/".utf8)), text[6] == UInt8(ascii: "."),
      isDigit(text[5]), isDigit(text[7])
    else { throw .malformed("The protocol version is not of the form HTTP/1.1.") }
    guard text[5] == UInt8(ascii: "1") else { throw .unsupportedVersion }
    return text[7] == UInt8(ascii: "0") ? "HTTP/1.0" : "HTTP/1.1"
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
    for rawLine in section.split(separator: UInt8(ascii: "\n")) {
      let line = trimLineEnd(rawLine)
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
      var value = line[(colon + 1)...]
      while let byte = value.first, byte == 0x20 || byte == 0x09 { value = value.dropFirst() }
      while let byte = value.last, byte == 0x20 || byte == 0x09 { value = value.dropLast() }
      for byte in value where (byte < 0x20 && byte != 0x09) || byte == 0x7F {
        throw .malformed("A header value contains a control character.")
      }
      headers.add(
        name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }
    return headers
  }

  /// Keep-alive per version and `Connection`; whether a body was announced.
  static func semantics(headers: HTTPHeaders, version: String) throws(HTTPParseError) -> (
    Bool, Bool
  ) {
    let hosts = headers.values("Host")
    if hosts.count > 1 { throw .malformed("More than one Host header.") }
    if version == "HTTP/1.1" && hosts.isEmpty {
      throw .malformed("HTTP/1.1 requests need a Host header.")
    }
    var contentLength: UInt64?
    for value in headers.values("Content-Length") {
      for item in value.split(separator: ",", omittingEmptySubsequences: false) {
        let trimmed = item.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy(isDigit), let length = UInt64(trimmed)
        else {
          throw .malformed("Content-Length is not a number.")
        }
        if let contentLength, contentLength != length {
          throw .malformed("Conflicting Content-Length values.")
        }
        contentLength = length
      }
    }
    let hasTransferEncoding = !headers.values("Transfer-Encoding").isEmpty
    if hasTransferEncoding && contentLength != nil {
      throw .malformed("Both Transfer-Encoding and Content-Length were sent.")
    }
    var close = false
    var keepAlive = false
    for value in headers.values("Connection") {
      for item in value.split(separator: ",") {
        let token = item.trimmingSpaces.lowercased()
        if token == "close" { close = true }
        if token == "keep-alive" { keepAlive = true }
      }
    }
    let persistent = version == "HTTP/1.1" ? !close : (keepAlive && !close)
    return (persistent, hasTransferEncoding || (contentLength ?? 0) > 0)
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
