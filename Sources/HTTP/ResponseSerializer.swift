/// Writes a `Response` as HTTP/1.1 bytes, adding the headers the server owns.
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
    out.reserveCapacity(out.count + 160 + response.body.count)
    append("HTTP/1.1 \(status) \(StatusReason.phrase(for: status))\r\n", to: &out)
    var hasDate = false
    var hasServer = false
    for (name, value) in response.headers {
      if HTTPHeaders.namesMatch(name, "Content-Length")
        || HTTPHeaders.namesMatch(name, "Connection")
        || HTTPHeaders.namesMatch(name, "Transfer-Encoding")
      {
        continue
      }
      guard isSafe(name), isSafe(value) else { continue }
      if HTTPHeaders.namesMatch(name, "Date") { hasDate = true }
      if HTTPHeaders.namesMatch(name, "Server") { hasServer = true }
      append(name, to: &out)
      append(": ", to: &out)
      append(value, to: &out)
      append("\r\n", to: &out)
    }
    if !hasServer { append("Server: citylab\r\n", to: &out) }
    if !hasDate {
      append("Date: ", to: &out)
      out.append(contentsOf: date)
      append("\r\n", to: &out)
    }
    if !bodyless { append("Content-Length: \(response.body.count)\r\n", to: &out) }
    append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n", to: &out)
    if !headOnly && !bodyless { out.append(contentsOf: response.body) }
    return out.count - before
  }

  private static func append(_ text: String, to out: inout [UInt8]) {
    out.append(contentsOf: text.utf8)
  }

  /// No CR, LF or NUL: a handler must not be able to split the head.
  private static func isSafe(_ text: String) -> Bool {
    !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
  }
}
