/// A Summer Scholar was admitted to a cohort (the summer's year). `email` is lower-cased and
/// also claimed in the `scholars` scope, so a scholar can be named by email.
public struct ScholarAdmitted: DomainEvent, Equatable {
    public static let eventType = "ScholarAdmitted"
    public let scholar: ScholarID
    public let name: String
    public let email: String
    public let university: String
    public let cohort: Int

    public init(scholar: ScholarID, name: String, email: String, university: String, cohort: Int) {
        self.scholar = scholar
        self.name = name
        self.email = email
        self.university = university
        self.cohort = cohort
    }
}
