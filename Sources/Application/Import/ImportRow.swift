/// One data row of an import file, by column name, with the line it starts on.
public struct ImportRow: Equatable, Sendable {
    public let line: Int
    public let name: String
    public let email: String
    public let role: String
    public let organization: String?
    public let city: String?
    /// Why the record cannot be a row (a wrong number of fields); it is then rejected.
    public let problem: String?

    public init(
        line: Int, name: String, email: String, role: String, organization: String? = nil, city: String? = nil,
        problem: String? = nil
    ) {
        (self.line, self.name, self.email, self.role) = (line, name, email, role)
        (self.organization, self.city, self.problem) = (organization, city, problem)
    }
}
