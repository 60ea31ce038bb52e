/// A cursor over UTF-8 bytes for the small fixed formats we parse (timestamps).
struct ByteScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { index == bytes.count }

    /// Consumes `literal` if the remaining bytes start with it (only checks when `keepingIt`).
    mutating func take(_ literal: String, keepingIt: Bool = false) -> Bool {
        let expected = Array(literal.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            return false
        }
        if !keepingIt { index += expected.count }
        return true
    }

    mutating func digit() -> Int64? {
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
            return nil
        }
        defer { index += 1 }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    /// A run of `minDigits`…`maxDigits` decimal digits.
    mutating func number(minDigits: Int, maxDigits: Int) -> Int64? {
        let start = index
        var value: Int64 = 0
        var count = 0
        while count < maxDigits, let digit = digit() {
            value = value * 10 + digit
            count += 1
        }
        guard count >= minDigits else {
            index = start
            return nil
        }
        return value
    }
}
