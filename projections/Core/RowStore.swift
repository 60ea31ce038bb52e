import Foundation
import Postgres

/// A table's rows by key, as Codable values: loaded on demand in one query per batch of keys,
/// changed in memory, written back in bulk (one DELETE and one COPY of the rows' own lines,
/// `RowCopyWritable`). Rows are read back by their properties' names in snake_case.
final class RowStore<Row: RowCopyWritable> {
    let table: String
    private let keyColumns: [String]
    private let keyParts: (Row) -> [String]
    /// Each known key's slot: rows known to be present (value) or absent (nil), with their keys
    /// and whether they changed since the last flush (one hash lookup per change, no set of keys).
    private var slots: [String: Int] = [:]
    private var rows: [Cell?] = []
    private var keys: [String] = []
    private var isDirty: [Bool] = []
    /// Whether each slot's row was written by an earlier flush (only tracked while `isComplete`:
    /// a row never written needs no DELETE).
    private var isWritten: [Bool] = []
    private var dirty: [Int] = []
    private var purges: [(column: String, value: String)] = []
    /// A row in its slot, changed in place through `rows[slot]?.change`: no copy of it is made.
    private struct Cell: Sendable {
        var row: Row
        mutating func change(_ change: (inout Row) -> Void) { change(&row) }
    }

    /// True while every row of the table is cached (a rebuild's new, empty table): nothing to load.
    private(set) var isComplete: Bool

    init(table: String, keys: [String], startsEmpty: Bool, _ keyParts: @escaping (Row) -> [String]) {
        self.table = table
        self.keyColumns = keys
        self.keyParts = keyParts
        self.isComplete = startsEmpty
    }

    var count: Int { slots.count }

    static func key(_ parts: [String]) -> String { parts.count == 1 ? parts[0] : parts.joined(separator: "\u{1F}") }

    func key(of row: Row) -> String { Self.key(keyParts(row)) }

    /// Loads the rows of single-column `keys` not cached yet.
    func load<S: Sequence>(_ keys: S, _ connection: Connection) throws where S.Element == String {
        guard !isComplete else { return }
        let missing = Array(Set(keys.filter { slots[$0] == nil }))
        guard !missing.isEmpty else { return }
        let sql = "SELECT coalesce(json_agg(t), '[]')::text AS rows FROM \(table) t WHERE \(keyColumns[0]) = ANY($1)"
        let text = try connection.query(sql, [missing]).rows.first?.string("rows") ?? "[]"
        for key in missing { _ = slot(key) }
        for row in try RowCoding.decoder.decode([Row].self, from: Data(text.utf8)) { rows[slot(key(of: row))] = Cell(row: row) }
    }

    /// The slot of `key`, made (absent, clean) if unknown: one hash lookup either way (the
    /// dictionary's in-place default subscript finds the key or makes its entry).
    private func slot(_ key: String) -> Int {
        let slot = Self.claim(&slots[key, default: -1], rows.count)
        guard slot == rows.count else { return slot }
        rows.append(nil)
        keys.append(key)
        isDirty.append(false)
        isWritten.append(false)
        return slot
    }

    /// `slot`, or `next` (stored in it) when it is new (-1).
    private static func claim(_ slot: inout Int, _ next: Int) -> Int {
        if slot < 0 { slot = next }
        return slot
    }

    private func markDirty(_ slot: Int) {
        guard !isDirty[slot] else { return }
        isDirty[slot] = true
        dirty.append(slot)
    }

    subscript(_ key: String) -> Row? {
        get { slots[key].flatMap { rows[$0]?.row } }
        set {
            let slot = slot(key)
            rows[slot] = newValue.map { Cell(row: $0) }
            markDirty(slot)
        }
    }

    func put(_ row: Row) { self[key(of: row)] = row }

    /// Changes a cached row in place (its arrays are not copied); false when the row is absent.
    @discardableResult
    func update(_ key: String, _ change: (inout Row) -> Void) -> Bool {
        guard let slot = slots[key], rows[slot]?.change(change) != nil else { return false }
        markDirty(slot)
        return true
    }

    /// Changes every row changed since the last flush, in place.
    func updateChanged(_ change: (inout Row) -> Void) {
        for slot in dirty {
            rows[slot]?.change(change)
        }
    }

    /// Deletes every row whose `column` equals `value`, cached or not (`matches` tells cached ones).
    func purge(_ column: String, _ value: String, matches: (Row) -> Bool) {
        purges.append((column, value))
        for slot in rows.indices { if let cell = rows[slot], matches(cell.row) { rows[slot] = nil } }
    }

    func flush(_ connection: Connection, keepCache: Bool) throws {
        for (column, values) in Dictionary(grouping: purges, by: \.column) {
            try connection.execute("DELETE FROM \(table) WHERE \(column) = ANY($1)", [values.map(\.value)])
        }
        purges = []
        if !dirty.isEmpty {
            try delete(dirty, connection)
            try insert(dirty, connection)
            for slot in dirty { isDirty[slot] = false }
            dirty = []
        }
        if !keepCache {
            slots = [:]
            rows = []
            keys = []
            isDirty = []
            isWritten = []
            isComplete = false
        }
    }

    /// Deletes the stored rows of `slots` before they are written again.
    private func delete(_ slots: [Int], _ connection: Connection) throws {
        if isComplete {
            // Only rows flushed before can exist; a row never written needs no delete.
            let written = slots.filter { isWritten[$0] }.map { keys[$0] }
            for slot in slots { isWritten[slot] = true }
            guard !written.isEmpty else { return }
            try deleteRows(written, connection)
        } else {
            try deleteRows(slots.map { keys[$0] }, connection)
        }
    }

    /// Writes the rows of `slots` (absent ones skipped) with one COPY, encoded a batch at a time
    /// on a thread of their own while the server takes the previous batches (`RowCopyPipeline`).
    private func insert(_ slots: [Int], _ connection: Connection) throws {
        // The rows are read where they lie (the array is shared, not copied row by row).
        let rows = self.rows
        _ = try connection.copyIn("COPY \(table) (\(Row.copyColumns.joined(separator: ", "))) FROM STDIN") { send in
            try RowCopyPipeline.send(rows, slots, row: { $0?.row }, send)
        }
    }

    private func deleteRows(_ keys: [String], _ connection: Connection) throws {
        let parts = keys.map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
        let arrays = keyColumns.indices.map { "$\($0 + 1)::text[]" }.joined(separator: ", ")
        let aliases = keyColumns.indices.map { "c\($0)" }.joined(separator: ", ")
        let match = keyColumns.enumerated().map { "t.\($0.element) = d.c\($0.offset)" }.joined(separator: " AND ")
        let params: [any PostgresBindable] = keyColumns.indices.map { index in parts.map { $0.count > index ? $0[index] : "" } }
        try connection.execute("DELETE FROM \(table) t USING unnest(\(arrays)) AS d(\(aliases)) WHERE \(match)", params)
    }
}

/// The JSON spelling of rows and documents: snake_case keys, dates as ISO 8601.
public enum RowCoding {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
