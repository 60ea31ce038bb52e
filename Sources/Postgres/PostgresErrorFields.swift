/// The names a server error points at (libpq's `PG_DIAG_SCHEMA_NAME`, `…TABLE_NAME`,
/// `…COLUMN_NAME`, `…DATATYPE_NAME`, `…CONSTRAINT_NAME`): identifiers, the same in every
/// `lc_messages`, which the server sends for integrity violations and for errors raised
/// with `USING SCHEMA/TABLE/COLUMN/DATATYPE/CONSTRAINT`.
public struct PostgresErrorFields: Sendable, Equatable {
    public var schema: String?
    public var table: String?
    public var column: String?
    public var dataType: String?
    public var constraint: String?

    public init(
        schema: String? = nil, table: String? = nil, column: String? = nil, dataType: String? = nil, constraint: String? = nil
    ) {
        self.schema = schema
        self.table = table
        self.column = column
        self.dataType = dataType
        self.constraint = constraint
    }

    /// The fields present, named as `debugDescription` spells them, in a fixed order.
    var named: [(String, String)] {
        [("schema", schema), ("table", table), ("column", column), ("dataType", dataType), ("constraint", constraint)]
            .compactMap { name, value in value.map { (name, $0) } }
    }
}
