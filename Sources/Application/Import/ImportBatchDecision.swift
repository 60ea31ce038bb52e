import Domain
import Events

/// One batch of an import decided by the real registration rules (`Attendee.decide`) against
/// the edition and the email claims as read: each row is accepted (two events), skipped (its
/// address is already registered in the edition) or rejected. Pure, given `newRegistration`,
/// which supplies each accepted row's fresh id and agenda token.
struct ImportBatchDecision: Sendable {
    private(set) var events: [PendingEvent] = []
    private(set) var accepted: [ImportedAttendee] = []
    private(set) var skipped = 0
    private(set) var rejected: [RejectedRow] = []

    init(
        _ candidates: ArraySlice<ImportPlan.Candidate>, edition: Conference.State, claims: [StreamName: EmailClaim.State],
        newRegistration: () -> (AttendeeID, token: String)
    ) {
        events.reserveCapacity(candidates.count * 2)
        for candidate in candidates {
            let claim = candidate.claim.flatMap { claims[$0] } ?? EmailClaim.initialState
            if claim.holder != nil {
                skipped += 1
                continue
            }
            let row = candidate.row
            let (id, token) = newRegistration()
            let command = Attendee.Register(
                id: id, name: row.name, email: row.email, role: row.role, organization: row.organization, city: row.city,
                tokenHash: AgendaToken.hash(token))
            do {
                events += try Attendee.decide(command, conference: edition, attendee: Attendee.initialState, email: claim)
                accepted.append(ImportedAttendee(line: row.line, id: id, email: candidate.email ?? row.email, token: token))
            } catch {
                rejected.append(RejectedRow(line: row.line, rule: error.rule, reason: error.message, hint: error.hint))
            }
        }
    }
}
