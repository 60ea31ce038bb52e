/// One result row as text values, by position or column name. Built from copies, so it is
/// Sendable and outlives the query.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [String?]
    private let indexByName: [String: Int]

    /// `indexByName` maps each column name to its first position; rows of one result share it.
    init(columns: [String], indexByName: [String: Int], values: [String?]) {
        self.columns = columns
        self.indexByName = indexByName
        self.values = values
    }

    public init(columns: [String], values: [String?]) {
        self.init(columns: columns, indexByName: Row.index(columns), values: values)
    }

    static func index(_ columns: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name] == nil {
            index[name] = position
        }
        return index
    }

    /// The text of the value at `index`; nil for NULL or an index out of range.
    public subscript(_ index: Int) -> String? {
        values.indices.contains(index) ? values[index] : nil
    }

    /// The text of the named column; nil for NULL or a missing column.
    public subscript(_ column: String) -> String? {
        guard let position = indexByName[column] else { return nil }
        return values[position]
    }

    public func hasColumn(_ column: String) -> Bool {
        indexByName[column] != nil
    }

    /// The raw text; throws `.decoding` naming the column when it is NULL or missing.
    public func string(_ column: String) throws -> String {
        guard let position = indexByName[column] else {
            throw PostgresError(.decoding, "no column \"\(column)\" in the row (columns: \(columns.joined(separator: ", ")))")
        }
        guard let value = values[position] else {
            throw PostgresError(.decoding, "column \"\(column)\" is NULL")
        }
        return value
    }

    public func optionalString(_ column: String) -> String? {
        self[column]
    }
}
