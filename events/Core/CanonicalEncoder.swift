import Foundation

/// The one canonical JSON encoder (events/README.md: keys sorted by their UTF-8 bytes, no white
/// space, integers in plain decimal, minimal string escapes, instants as ISO 8601 UTC): every
/// payload, metadata, stored result and `JSONValue` is spelled by it, into one byte buffer with
/// no object per value. A value's members are written where they fall, each key before its
/// value; when the value's `encode(to:)` returns, its members are put in key order in place and
/// the braces, colons and commas written. Arrays and single values are written straight
/// through; a `JSONValue` is walked directly (`CanonicalEncoder+JSONValue.swift`).
///
/// What we encode are plain Codable values, so that is all it takes. A shape that could
/// interleave two containers (nested containers, super encoders, a container used while
/// another value is open, one value asking for two kinds of container), a key given twice or
/// a key that needs escaping is refused with `EncodingError.invalidValue` naming it, never
/// spelled another way: `CanonicalPayloadTests` walks every event type through here, and the
/// tests hold the bytes to Foundation's JSONEncoder (`CanonicalJSON.encodeSlowly`).
final class CanonicalEncoder {
    /// A shape this encoder refuses (see above).
    static func refusal(_ what: String) -> EncodingError {
        EncodingError.invalidValue("", EncodingError.Context(codingPath: [], debugDescription: "canonical JSON cannot encode \(what)"))
    }

    struct Member {
        /// The quoted key starts here; its value at `valueStart`, ending at the next member or the frame's end.
        let keyStart: Int
        let valueStart: Int
    }

    enum Kind {
        case pending
        case object(firstMember: Int)
        case array(count: Int)
        case single(written: Bool)
    }

    struct Frame {
        var kind: Kind
        let start: Int
    }

    // One encoding is one thread's synchronous call chain: the runtime's exclusivity checks on
    // these (a quarter of the time) guard against nothing.
    @exclusivity(unchecked) var out = CanonicalWriter(capacity: 512)
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var members: [Member] = []
    @exclusivity(unchecked) var scratch: [UInt8] = []
    /// An object's members while it is closed (objects close one at a time, innermost first).
    @exclusivity(unchecked) var spans: [Span] = []

    /// Containers nested in an open container, and super encoders: each writes into an encoder of
    /// its own, whose bytes are put in place when the container it sits in closes (so a nested
    /// container may be written to in any order with its parent, as `JSONEncoder` allows).
    @exclusivity(unchecked) var children: [Child] = []
    /// A container asked for where it cannot be written in place: `close` throws, naming it.
    @exclusivity(unchecked) var unsupported: String?
    /// Whether a key that needs escaping was written: objects then sort by the keys' unescaped
    /// bytes instead of comparing quoted keys directly.
    @exclusivity(unchecked) var escapedKeys = false

    /// A nested encoder, to be spliced in at `offset` when the frame at `depth` closes; `member`
    /// is its member's index in an object (-1 in an array).
    struct Child {
        let depth: Int, member: Int, offset: Int
        let encoder: CanonicalEncoder
    }

    /// Offsets into `scratch`: the quoted key, then its value.
    struct Span {
        let keyStart: Int, valueStart: Int, valueEnd: Int
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = CanonicalEncoder()
        encoder.frames.reserveCapacity(8)
        encoder.members.reserveCapacity(32)
        try encoder.value(value)
        return encoder.out.text
    }

    /// Writes one value: the common leaves directly, anything else through its `encode(to:)`.
    func value<T: Encodable>(_ value: T) throws {
        if T.self == String.self, let text = value as? String {
            out.string(text)
        } else if T.self == Int.self, let number = value as? Int {
            out.raw(String(number))
        } else if T.self == Date.self, let date = value as? Date {
            out.string(CanonicalDate.format(date))
        } else if T.self == JSONValue.self, let json = value as? JSONValue {
            out.json(json)
        } else if T.self == Double.self || T.self == Float.self || T.self == Decimal.self {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "canonical JSON holds no fractions"))
        } else {
            let depth = frames.count
            frames.append(Frame(kind: .pending, start: out.bytes.count))
            try value.encode(to: CanonicalEncoding(stream: self, depth: depth))
            try close(depth)
        }
    }

    private func close(_ depth: Int) throws {
        if let unsupported { throw Self.refusal(unsupported) }
        guard depth == frames.count - 1 else {
            throw Self.refusal("a container used after another value was opened")
        }
        if let child = children.last, child.depth == depth { try splice(depth) }
        guard let frame = frames.popLast() else { throw Self.refusal("a container used after another value was opened") }
        switch frame.kind {
        case .pending, .single(written: false):
            throw EncodingError.invalidValue("", EncodingError.Context(codingPath: [], debugDescription: "a value encoded nothing"))
        case .single(written: true):
            break
        case .array:
            out.byte(UInt8(ascii: "]"))
        case .object(let first):
            try closeObject(from: first, start: frame.start)
        }
    }

    /// The members since `first`, as written (key, value, key, value…), rewritten in key order
    /// with the punctuation. A key given twice keeps its last value, as `JSONEncoder` does.
    private func closeObject(from first: Int, start: Int) throws {
        let end = out.bytes.count
        spans.removeAll(keepingCapacity: true)
        for index in first..<members.count {
            let member = members[index]
            let valueEnd = index + 1 < members.count ? members[index + 1].keyStart : end
            spans.append(Span(keyStart: member.keyStart - start, valueStart: member.valueStart - start, valueEnd: valueEnd - start))
        }
        members.removeSubrange(first...)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: out.bytes[start..<end])
        if escapedKeys { sortByUnescapedKeys() } else { sortByQuotedKeys() }
        out.bytes.removeSubrange(start...)
        out.byte(UInt8(ascii: "{"))
        var written = 0
        for (index, span) in spans.enumerated() where index + 1 == spans.count || !sameKey(span, spans[index + 1]) {
            if written > 0 { out.byte(UInt8(ascii: ",")) }
            written += 1
            out.bytes.append(contentsOf: scratch[span.keyStart..<span.valueStart])
            out.byte(UInt8(ascii: ":"))
            out.bytes.append(contentsOf: scratch[span.valueStart..<span.valueEnd])
        }
        out.byte(UInt8(ascii: "}"))
    }

    /// Whether two members have one key: their quoted keys are the same bytes (escaping is
    /// one-to-one, so this holds for escaped keys too).
    private func sameKey(_ a: Span, _ b: Span) -> Bool {
        a.valueStart - a.keyStart == b.valueStart - b.keyStart
            && scratch[a.keyStart..<a.valueStart].elementsEqual(scratch[b.keyStart..<b.valueStart])
    }

    /// Sorts `spans` by key, equal keys in the order written. Quoted keys compare as the keys
    /// do when none is escaped or holds a byte below the closing quote's (`key` sets
    /// `escapedKeys` otherwise).
    private func sortByQuotedKeys() {
        scratch.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            func order(_ a: Span, _ b: Span) -> Int32 {
                let (lengthA, lengthB) = (a.valueStart - a.keyStart, b.valueStart - b.keyStart)
                let common = memcmp(base + a.keyStart, base + b.keyStart, min(lengthA, lengthB))
                return common != 0 ? common : Int32(lengthA - lengthB)
            }
            spans.sort {
                let compared = order($0, $1)
                return compared != 0 ? compared < 0 : $0.keyStart < $1.keyStart
            }
        }
    }

    /// The same, by each key's bytes with its quotes and escapes undone.
    private func sortByUnescapedKeys() {
        let keys = Dictionary(
            uniqueKeysWithValues: spans.map { ($0.keyStart, Self.unescaped(scratch[$0.keyStart + 1..<$0.valueStart - 1])) })
        func key(_ span: Span) -> [UInt8] { keys[span.keyStart] ?? [] }
        spans.sort {
            let (a, b) = (key($0), key($1))
            return a == b ? $0.keyStart < $1.keyStart : a.lexicographicallyPrecedes(b)
        }
    }

    /// A string's bytes from between its quotes as `CanonicalWriter.string` escaped them.
    static func unescaped(_ quoted: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = quoted.startIndex
        while index < quoted.endIndex {
            let byte = quoted[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < quoted.endIndex else {
                bytes.append(byte)
                continue
            }
            let escape = quoted[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                let hex = quoted[index..<min(index + 4, quoted.endIndex)]
                bytes.append(UInt8(String(decoding: hex, as: UTF8.self), radix: 16) ?? 0)
                index = hex.endIndex
            default: bytes.append(escape)
            }
        }
        return bytes
    }

    /// Puts the finished nested encoders of the frame at `depth` in place, last first (so the
    /// earlier offsets still hold), moving the members written after each.
    private func splice(_ depth: Int) throws {
        while let child = children.last, child.depth == depth {
            children.removeLast()
            try child.encoder.close(0)
            let bytes = child.encoder.out.bytes
            out.bytes.insert(contentsOf: bytes, at: child.offset)
            if child.member >= 0 {
                for index in (child.member + 1)..<members.count {
                    members[index] = Member(
                        keyStart: members[index].keyStart + bytes.count, valueStart: members[index].valueStart + bytes.count)
                }
            }
        }
    }
}
