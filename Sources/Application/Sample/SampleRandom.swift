/// The sample's own pseudo-random numbers: SplitMix64, seeded from the sample's seed and a
/// label, so each part of the story (names, ids, tokens, agendas) draws from its own stream
/// and the same seed always gives the same sample. Never for secrets: every value it makes
/// is reproducible by anyone who knows the seed.
struct SampleRandom {
    private var state: UInt64

    /// A stream for one purpose: `label` (e.g. "cast") is mixed into the seed with FNV-1a.
    init(seed: UInt64, label: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound` (bound ≥ 1); the modulo bias is negligible for our bounds.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }

    mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn in proportion to `weights` (all ≥ 0, at least one > 0).
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var target = below(total)
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// Fisher–Yates, with this stream's numbers.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
        return items
    }

    /// An id suffix in the alphabet of generated ids (`RandomID.alphabet`).
    mutating func suffix(length: Int = 8) -> String {
        String((0..<length).map { _ in RandomID.alphabet[below(RandomID.alphabet.count)] })
    }

    /// `count` bytes as lowercase hex (an agenda token is 16 bytes, like `AgendaToken.generate`).
    mutating func hex(bytes count: Int) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for _ in 0..<count {
            let byte = Int(next() & 0xff)
            text.append(digits[byte >> 4])
            text.append(digits[byte & 0xf])
        }
        return text
    }
}
