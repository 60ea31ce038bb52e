import Domain
import Events

/// The pure first pass over an import file: each row's address and email-claim stream,
/// and the rows refused before any state is read (a wrong number of fields, or an address
/// that an earlier line of the same file already has).
struct ImportPlan {
    /// A row that goes on to be decided against the log.
    struct Candidate: Sendable {
        let row: ImportRow
        /// The lower-cased address, nil when it is not valid (the decider then refuses the row).
        let email: String?
        let claim: StreamName?
    }

    private(set) var candidates: [Candidate] = []
    private(set) var rejected: [RejectedRow] = []

    init(_ rows: [ImportRow], conference: ConferenceID) {
        let scope = Attendee.emailScope(conference)
        var firstLine: [String: Int] = [:]
        for row in rows {
            if let problem = row.problem {
                rejected.append(
                    RejectedRow(
                        line: row.line, rule: "malformed-row", reason: problem,
                        hint: "quote fields that contain commas; every line needs one value per header column"))
                continue
            }
            let email = try? Validate.email(row.email)
            if let email {
                if let earlier = firstLine[email] {
                    rejected.append(
                        RejectedRow(
                            line: row.line, rule: "duplicate-in-file", reason: "\(email) is already on line \(earlier) of this file",
                            hint: "keep one line per attendee"))
                    continue
                }
                firstLine[email] = row.line
            }
            candidates.append(Candidate(row: row, email: email, claim: email.map { .emailClaim(scope: scope, email: $0) }))
        }
    }
}
