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
    "\(method) \(path) \(status) \(bytes)B \(microseconds)us"
  }
}
