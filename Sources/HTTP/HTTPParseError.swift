/// Why a request head was refused. Each case picks its own status; the connection closes after the answer.
enum HTTPParseError: Error, Equatable, Sendable {
    /// The request line exceeds the configured limit (414).
    case requestLineTooLong(limit: Int)
    /// The header section exceeds the configured limit (431).
    case headersTooLarge(limit: Int)
    /// The head breaks HTTP/1.1 syntax (400); the reason is safe to show.
    case malformed(String)
    /// The target has a bad percent-encoding, a NUL, or invalid UTF-8 (400).
    case badEncoding(String)
    /// Not HTTP/1.x (505).
    case unsupportedVersion

    var status: Int {
        switch self {
        case .requestLineTooLong: 414
        case .headersTooLarge: 431
        case .malformed, .badEncoding: 400
        case .unsupportedVersion: 505
        }
    }

    var detail: String {
        switch self {
        case .requestLineTooLong(let limit): "The request line is longer than \(limit) bytes."
        case .headersTooLarge(let limit): "The header section is larger than \(limit) bytes."
        case .malformed(let reason): reason
        case .badEncoding(let reason): reason
        case .unsupportedVersion: "Only HTTP/1.0 and HTTP/1.1 are supported."
        }
    }

    var response: Response {
        .problem(status: status, detail: detail)
    }
}
