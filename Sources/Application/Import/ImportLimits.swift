/// How big one import may be. Bigger files are refused before they are read in full
/// (exit 2, with a hint to split them): an import decides every row before it writes.
public struct ImportLimits: Sendable {
    public var maxBytes: Int
    public var maxRows: Int

    /// 20 MiB and 100,000 data rows.
    public static let standard = ImportLimits(maxBytes: 20 * 1_048_576, maxRows: 100_000)

    public init(maxBytes: Int, maxRows: Int) {
        self.maxBytes = maxBytes
        self.maxRows = maxRows
    }

    static let splitHint = "split it into smaller files, each starting with the header line, and import them one after another"
}
