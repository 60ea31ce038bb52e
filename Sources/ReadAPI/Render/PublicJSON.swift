import Foundation

/// The JSON spelling of every public document: snake_case keys, sorted, no escaped slashes;
/// the same state always gives the same bytes (ETags stay honest).
enum PublicJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
