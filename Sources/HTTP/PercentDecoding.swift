/// Percent-decoding of request targets, refusing anything ambiguous.
enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space when `plusIsSpace`); the result must be
    /// valid UTF-8 without NUL. Throws `.badEncoding` otherwise.
    static func decode<C: Collection>(_ bytes: C, plusIsSpace: Bool = false) throws(HTTPParseError)
        -> String
    where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex else { throw .badEncoding("A '%' escape is cut short.") }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex, let high = hexValue(bytes[first]),
                    let low = hexValue(bytes[second])
                else { throw .badEncoding("A '%' escape is not followed by two hex digits.") }
                out.append(high << 4 | low)
                index = bytes.index(after: second)
                continue
            }
            out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
        if out.contains(0) { throw .badEncoding("The target contains a NUL byte.") }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw .badEncoding("The target is not valid UTF-8 once decoded.")
        }
        return text
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Parses `a=1&b=two+words`; the first value of a repeated name wins.
    static func query<C: Collection>(_ bytes: C) throws(HTTPParseError) -> [String: String]
    where C.Element == UInt8, C.SubSequence: Collection<UInt8> {
        var result: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(
                separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? try decode(parts[1], plusIsSpace: true) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }
}
