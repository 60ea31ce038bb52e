import Events

/// An agenda token's SHA-256 as four words: the cache's key. Hashing it for the dictionary takes
/// one word (the digest is uniformly random already), where the 64-character hex string took a
/// full SipHash pass per request; the hex form is made only for the database and the log.
struct TokenDigest: Hashable, Sendable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest of a token as given in a URL.
    init(token: String) {
        var token = token
        let digest = token.withUTF8 { SHA256.hash($0) }
        self.init(digest: digest)
    }

    /// From the 32 digest bytes (anything shorter is padded with zeros).
    init(digest: [UInt8]) {
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for offset in 0..<8 {
                let position = index * 8 + offset
                value = value << 8 | UInt64(position < digest.count ? digest[position] : 0)
            }
            return value
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// From the lowercase or uppercase hex the read model stores; nil when it is not 64 hex digits.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(digest: bytes)
    }

    /// Lowercase hex, as `AgendaToken.hash` writes it.
    var hex: String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(table[Int(word >> UInt64(shift) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func == (lhs: TokenDigest, rhs: TokenDigest) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
