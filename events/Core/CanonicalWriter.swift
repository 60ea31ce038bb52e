/// Canonical JSON text as UTF-8 bytes (events/README.md): what `CanonicalJSON` and
/// `CanonicalEncoder` write into. Bytes, not String appends: every append spells its payloads.
struct CanonicalWriter {
    /// Internal, not private: the stream encoder reorders an object's members in place.
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Text that needs no escaping: numbers, `true`, `null`, punctuation.
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// A string literal: `"` and `\` escaped, control characters as `\b \f \n \r \t` or
    /// `\u00xx` (lowercase hex), everything else copied. Every escaped character is ASCII, so
    /// escaping byte by byte is safe in UTF-8.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(Self.quote)
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == Self.quote || byte == Self.backslash else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
            bytes.append(Self.quote)
        }
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(Self.backslash)
        switch byte {
        case Self.quote, Self.backslash: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
}
