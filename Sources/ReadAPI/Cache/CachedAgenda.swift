import Projections

/// One attendee's agenda as the server keeps it: the document, its JSON rendering and that
/// rendering's ETag (made once, off the loop threads) and the token hash it is found by. A class:
/// a lookup hands out one reference, not a copy of six fields.
final class CachedAgenda: Sendable {
    let attendee: String
    let tokenHash: String
    let digest: TokenDigest
    let document: AgendaDocument
    let json: [UInt8]
    let jsonETag: String

    /// The last event that changed the document: the ETag and the freshness rule.
    var position: Int64 { document.lastChangedPosition }

    init(attendee: String, tokenHash: String, document: AgendaDocument) throws {
        self.attendee = attendee
        guard let digest = TokenDigest(hex: tokenHash) else { throw MalformedTokenHash() }
        self.tokenHash = tokenHash
        self.digest = digest
        self.document = document
        self.json = try PublicJSON.encode(document)
        self.jsonETag = Answer.etag("a" + String(document.lastChangedPosition), "j")
    }
}

/// An agenda read by a worker, with the agendas projection's position in the same snapshot
/// (nil document: no agenda has this token hash).
struct LoadedAgenda: Sendable {
    let agenda: CachedAgenda?
    let snapshotPosition: Int64
}

/// A read-model row whose token hash is not 64 hex digits.
struct MalformedTokenHash: Error {}
