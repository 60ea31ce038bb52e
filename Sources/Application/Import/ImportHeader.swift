import Foundation

/// The header line of an import file: which column holds which field. Names are matched
/// case-insensitively and in any order; `name`, `email` and `role` are required,
/// `organization` and `city` optional, anything else is refused (exit 2).
public struct ImportHeader: Equatable, Sendable {
    public static let required = ["name", "email", "role"]
    public static let optional = ["organization", "city"]
    static let example = "name,email,role,organization,city"

    /// Column index of each known field.
    public let columns: [String: Int]
    public let count: Int

    /// Reads the header from the first record of `file` (its name, for messages).
    public init(_ record: CSVRecord, file: String) throws(AppError) {
        let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let known = Set(Self.required + Self.optional)
        if !names.contains(where: known.contains) {
            throw AppError.usage(
                "\(file) has no header line: line \(record.line) must name the columns",
                hint: "start the file with the line \(Self.example) (organization and city are optional)")
        }
        let unknown = names.filter { !known.contains($0) }
        if !unknown.isEmpty {
            let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
            throw AppError.usage(
                "\(file): unknown column\(unknown.count == 1 ? "" : "s") \(list) in the header (line \(record.line))",
                hint: "the columns are \(Self.example); remove or rename the others")
        }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if columns[name] != nil {
                throw AppError.usage("\(file): the column '\(name)' appears twice in the header", hint: "keep one '\(name)' column")
            }
            columns[name] = index
        }
        let missing = Self.required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw AppError.usage(
                "\(file): the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))",
                hint: "the columns are \(Self.example); name, email and role are required")
        }
        self.columns = columns
        self.count = names.count
    }

    /// The record as a row, each field on one line (line breaks and tabs become a space, see
    /// `ImportFieldText`); one with a wrong number of fields becomes a row with a `problem`.
    public func row(_ record: CSVRecord) -> ImportRow {
        guard record.fields.count == count else {
            return ImportRow(
                line: record.line, name: "", email: "", role: "",
                problem: "\(record.fields.count) field\(record.fields.count == 1 ? "" : "s") where the header has \(count)")
        }
        func value(_ name: String) -> String? { columns[name].map { ImportFieldText.oneLine(record.fields[$0]) } }
        return ImportRow(
            line: record.line, name: value("name") ?? "", email: value("email") ?? "", role: value("role") ?? "",
            organization: value("organization"), city: value("city"))
    }
}
