/// Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN WITH (FORMAT binary)`), for
/// `Connection.copyIn`: the file header, then per row its field count and each field as a
/// length and the type's binary form, then the trailer. Nothing is escaped or spelled in
/// decimal, so the server reads each field by its length instead of scanning the text for
/// delimiters and backslashes.
///
/// The caller writes exactly the table's columns in the COPY's order, each in its column's
/// binary form: `int16`/`int32`/`int64` for smallint/integer/bigint, `text` for text (and for
/// jsonb with `jsonb`), `timestamp` for timestamptz, `bytes` for bytea.
public struct CopyBinaryWriter: Sendable {
    /// The bytes so far; `take()` hands them over.
    public private(set) var bytes: [UInt8] = []

    /// Starts with the header: the signature `PGCOPY\n\377\r\n\0`, no flags, no extension.
    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00])
        put(UInt32(0))
        put(UInt32(0))
    }

    /// A row of `fields` fields follows.
    public mutating func row(fields: Int) { put(UInt16(truncatingIfNeeded: fields)) }

    public mutating func null() { put(UInt32.max) }

    public mutating func int16(_ value: Int16) {
        put(UInt32(2))
        put(UInt16(bitPattern: value))
    }

    public mutating func int32(_ value: Int32) {
        put(UInt32(4))
        put(UInt32(bitPattern: value))
    }

    public mutating func int64(_ value: Int64) {
        put(UInt32(8))
        put(UInt64(bitPattern: value))
    }

    /// A timestamptz: microseconds since 2000-01-01 00:00 UTC.
    public mutating func timestamp(microsecondsSince2000 value: Int64) { int64(value) }

    /// A text value as its UTF-8 bytes.
    public mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { field(UnsafeRawBufferPointer($0)) }
    }

    /// A jsonb value: the format version (1), then the JSON text.
    public mutating func jsonb(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            put(UInt32(truncatingIfNeeded: utf8.count + 1))
            bytes.append(1)
            bytes.append(contentsOf: UnsafeRawBufferPointer(utf8))
        }
    }

    /// A bytea value, or any field already in its binary form.
    public mutating func bytes(_ value: [UInt8]) { value.withUnsafeBytes { field($0) } }

    /// Ends the data: no row may follow.
    public mutating func trailer() { put(UInt16.max) }

    /// The bytes so far, leaving the buffer empty (its capacity kept): send them as one chunk.
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func field(_ value: UnsafeRawBufferPointer) {
        put(UInt32(truncatingIfNeeded: value.count))
        bytes.append(contentsOf: value)
    }

    private mutating func put<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
