import HTTP

/// The origin links in pages point at, from the request's `Host` (and `X-Forwarded-Proto` behind a
/// TLS proxy); a Host that is not a plain host[:port] falls back to the loopback address.
struct PublicBase {
    let scheme: String
    let host: String

    init(_ request: Request) {
        let given = request.header("Host") ?? ""
        let allowed = given.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x2D || byte == 0x3A
                || byte == 0x5B || byte == 0x5D
        }
        host = !given.isEmpty && given.utf8.count <= 255 && allowed ? given : "127.0.0.1"
        scheme = request.header("X-Forwarded-Proto")?.lowercased() == "https" ? "https" : "http"
    }

    var origin: String { "\(scheme)://\(host)" }

    /// No script, no frames, no referrer (agenda URLs hold a secret).
    static let htmlHeaders = [
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'none'; frame-ancestors 'none'"
        ),
        ("Referrer-Policy", "no-referrer"),
    ]
}
