import Events

/// The hash chain through a batch's events, continued from the head: each event's hash, 32
/// bytes after the previous one's, as `citylab_append_rows` (sql/v009) stores them.
struct BatchChain {
    private(set) var previous: [UInt8]
    private(set) var hashes: [UInt8] = []
    private let stamp: String
    private let meta: String
    private var canonical: [UInt8] = []

    /// `stamp` is the batch's instant as the hash spells it.
    init(previous: [UInt8], stamp: String, meta: String, count: Int) {
        self.previous = previous
        self.stamp = stamp
        self.meta = meta
        hashes.reserveCapacity(32 * count)
        canonical.reserveCapacity(1024)
    }

    mutating func add(position: Int64, stream: String, version: Int, type: String, schema: Int, data: String) {
        HashChain.canonicalBytes(
            into: &canonical, position: position, stream: stream, version: version, type: type, schema: schema, instant: stamp,
            data: data, meta: meta)
        previous = HashChain.link(previous: previous, canonical: canonical)
        hashes.append(contentsOf: previous)
    }
}
