import Events
import Foundation

// The scholar commands over a `StreamReader`: each reads exactly the streams its decision
// and its appends need. Read failures propagate; refusals are `Rejection`s.
extension Scholar {
    public static func decide(_ command: Admit, _ streams: some StreamReader) throws -> [PendingEvent] {
        let scholar = try streams.state(Scholar.self, .scholar(command.id))
        let email = try Validate.email(command.email)
        let claim = try streams.state(EmailClaim.self, .emailClaim(scope: emailScope, email: email))
        return try decide(command, scholar: scholar, email: claim)
    }

    public static func decide(_ command: CompleteTraining, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(Scholar.self, .scholar(command.scholar)))
    }

    /// A scholar named by id (`sch_…`) or by email (any case), or `unknown-scholar`.
    public static func resolve(_ reference: String, _ streams: some StreamReader) throws -> ScholarID {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let id = ScholarID(text) {
            guard try streams.state(Scholar.self, .scholar(id)).exists else { throw unknown(id) }
            return id
        }
        if text.contains("@"), let email = try? Validate.email(text),
            let holder = try streams.state(EmailClaim.self, .emailClaim(scope: emailScope, email: email)).holder,
            let id = ScholarID(holder)
        {
            return id
        }
        throw Rejection(
            "unknown-scholar", "no scholar '\(reference)'",
            hint: "name a scholar by id (sch_…) or by the email they were admitted with")
    }
}
