import Foundation
import HTTP

/// One representation of a document, ready to send: body, type, validator and caching rules.
struct Representation: Sendable {
    var contentType: String
    var body: [UInt8]
    /// Quoted strong validator, e.g. `"r1-a42-j"`.
    var etag: String
    var cacheControl: String
    var headers: [(String, String)] = []

    init(contentType: String, body: [UInt8], etag: String, cacheControl: String, headers: [(String, String)] = []) {
        (self.contentType, self.body, self.etag, self.cacheControl, self.headers) = (contentType, body, etag, cacheControl, headers)
    }
}

/// Builds the answers every route shares: 200 or 304 by `If-None-Match`, and problems.
enum Answer {
    /// Changes whenever a renderer changes what it writes for the same state (then every old ETag is stale).
    static let renderVersion = "r2"

    static func etag(_ parts: String...) -> String {
        "\"" + ([renderVersion] + parts).joined(separator: "-") + "\""
    }

    static func ok(_ representation: Representation, for request: Request, position: Int64, varyAccept: Bool = false) -> Response {
        let notModified = matches(request.header("If-None-Match"), representation.etag)
        var headers: [(String, String)] = []
        headers.reserveCapacity(6 + representation.headers.count)
        if !notModified { headers.append(("Content-Type", representation.contentType)) }
        headers.append(("ETag", representation.etag))
        headers.append(("Cache-Control", representation.cacheControl))
        headers.append(("X-Projection-Position", String(position)))
        headers.append(("X-Content-Type-Options", "nosniff"))
        if varyAccept { headers.append(("Vary", "Accept")) }
        if notModified { return Response(status: 304, headers: headers) }
        headers.append(contentsOf: representation.headers)
        return Response(status: 200, headers: headers, body: representation.body)
    }

    static func problem(_ status: Int, _ detail: String, position: Int64, headers: [(String, String)] = []) -> Response {
        .problem(
            status: status, detail: detail,
            headers: [("X-Projection-Position", String(position)), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
                + headers)
    }

    /// RFC 9110 §13.1.2: weak comparison; `*` matches any current representation.
    static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        let target = etag.hasPrefix("W/") ? etag.dropFirst(2) : Substring(etag)
        for candidate in header.split(separator: ",") {
            var tag = candidate.trimmingCharacters(in: .whitespaces)[...]
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == target { return true }
        }
        return false
    }

    /// FNV-1a, 64 bits, hex: a validator for bodies that have no position (health, OpenAPI).
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
