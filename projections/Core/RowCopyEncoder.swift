/// Writes a row's top-level fields straight into its COPY columns: strings and numbers as they
/// are, nested values as JSON (`RowJSONEncoder`), COPY-escaped, absent or null fields `\N`, keys
/// that are no column ignored: the line `RowCopyText` would cut out of the row's JSON, without
/// writing and reading back the JSON of the whole row.
///
/// For plain Codable structs. A row whose `encode(to:)` asks for anything else (a nested
/// container at the top, a super encoder) sets `isUnsupported`: `RowCopyText` then takes the
/// JSON way for it.
final class RowCopyEncoder {
    private let columns: [String: Int]
    private let count: Int
    /// Each column's COPY text, when set in this row.
    private var values: [[UInt8]]
    private var isSet: [Bool]
    /// Each key's column (nil: no column), by the key's Swift name.
    private var keyColumns: [String: Int?] = [:]
    /// Nested values, spelled as JSON first.
    private let json = RowJSONEncoder(capacity: 1024)
    private(set) var isUnsupported = false

    init(columns: [String: Int], count: Int) {
        (self.columns, self.count) = (columns, count)
        values = Array(repeating: [], count: count)
        isSet = Array(repeating: false, count: count)
    }

    /// Appends the COPY line of `row` to `out`; false (and nothing appended) when unsupported.
    func append<Row: Encodable>(_ row: Row, to out: inout [UInt8]) throws -> Bool {
        for index in 0..<count where isSet[index] {
            isSet[index] = false
            values[index].removeAll(keepingCapacity: true)
        }
        isUnsupported = false
        try row.encode(to: self)
        guard !isUnsupported else { return false }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: "\t")) }
            if isSet[index] { out.append(contentsOf: values[index]) } else { out.append(contentsOf: #"\N"#.utf8) }
        }
        out.append(UInt8(ascii: "\n"))
        return true
    }

    /// The column of `key`, if any.
    func column(_ key: some CodingKey) -> Int? {
        let name = key.stringValue
        if let known = keyColumns[name] { return known }
        let column = columns[RowJSONEncoder.snakeCase(name)]
        keyColumns[name] = column
        return column
    }

    /// Sets a column to the COPY text `write` appends (null: `\N`, by not setting it).
    func set(_ key: some CodingKey, _ write: (inout [UInt8]) throws -> Void) rethrows {
        guard let column = column(key) else { return }
        values[column].removeAll(keepingCapacity: true)
        try write(&values[column])
        isSet[column] = true
    }

    func setNull(_ key: some CodingKey) {
        guard let column = column(key) else { return }
        values[column].removeAll(keepingCapacity: true)
        isSet[column] = false
    }

    func setString(_ key: some CodingKey, _ string: String) {
        set(key) { RowCopyText.escape(string.utf8, into: &$0) }
    }

    func setNumber(_ key: some CodingKey, _ text: String) {
        set(key) { $0.append(contentsOf: text.utf8) }
    }

    /// Any other value: spelled as JSON, then a string's text, a number or boolean as written,
    /// an array or object as JSON text, null as `\N` — as `json_populate_recordset` reads it.
    func setValue<T: Encodable>(_ key: some CodingKey, _ value: T) throws {
        guard column(key) != nil else { return }
        json.removeAll()
        try json.write(value)
        let bytes = json.bytes
        guard let first = bytes.first, !(bytes.count == 4 && bytes.elementsEqual("null".utf8)) else { return setNull(key) }
        try set(key) { out in
            switch first {
            case UInt8(ascii: "\""): try RowCopyText.unescape(bytes, 1, bytes.count - 1, into: &out)
            case UInt8(ascii: "{"), UInt8(ascii: "["): RowCopyText.escape(bytes[...], into: &out)
            default: out.append(contentsOf: bytes)
            }
        }
    }

    func setDouble(_ key: some CodingKey, _ value: Double) throws {
        guard column(key) != nil else { return }
        json.removeAll()
        try json.writeDouble(value)
        let bytes = json.bytes
        set(key) { $0.append(contentsOf: bytes) }
    }

    /// Something a plain row does not do: the row goes the JSON way.
    func unsupported() { isUnsupported = true }
}

extension RowCopyEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RowCopyFields<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        unsupported()
        return RowJSONEncoder().unkeyedContainer()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        unsupported()
        return RowJSONEncoder().singleValueContainer()
    }
}

/// The top-level fields of a row, each to its column.
struct RowCopyFields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: RowCopyEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.setNull(key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.setNumber(key, value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { encoder.setString(key, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encoder.setDouble(key, value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encoder.setDouble(key, Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { encoder.setNumber(key, String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.setValue(key, value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.unsupported()
        return RowJSONEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.unsupported()
        return RowJSONEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.unsupported()
        return RowJSONEncoder()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.unsupported()
        return RowJSONEncoder()
    }
}
