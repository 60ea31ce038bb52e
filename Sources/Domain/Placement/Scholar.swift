import Events
import Foundation

/// The scholar aggregate (stream `scholar-<sch_…>`): admission, training, and which
/// placement is active in each cohort (the boundary of "one active placement per cohort").
public enum Scholar: Decider {
    /// The `EmailClaim` scope of scholars' addresses (unique among scholars, case-insensitive).
    public static let emailScope = "scholars"

    /// The placement a scholar holds in a cohort while it is proposed, approved or confirmed.
    public struct ActivePlacement: Sendable, Equatable {
        public var placement: PlacementID
        public var opening: OpeningID
    }

    public struct State: Sendable, Equatable {
        public var admitted: ScholarAdmitted?
        /// ISO 8601 UTC, when training was completed; nil until then.
        public var trainingCompletedAt: String?
        /// Active placements by cohort (at most one per cohort).
        public var active: [Int: ActivePlacement] = [:]

        public var exists: Bool { admitted != nil }
        public var hasCompletedTraining: Bool { trainingCompletedAt != nil }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let admitted as ScholarAdmitted: state.admitted = admitted
        case let trained as ScholarTrainingCompleted: state.trainingCompletedAt = trained.completedAt
        case let proposed as ScholarPlacementProposed:
            state.active[proposed.cohort] = ActivePlacement(placement: proposed.placement, opening: proposed.opening)
        case let ended as ScholarPlacementEnded where state.active[ended.cohort]?.placement == ended.placement:
            state.active[ended.cohort] = nil
        default: break
        }
        return state
    }

    // MARK: scholar admit

    public struct Admit: Sendable {
        public var id: ScholarID, name: String, email: String, university: String
        /// The `--cohort` given, if any.
        public var cohort: Int?
        /// The cohort when none is given (the caller's current year: the domain has no clock).
        public var defaultCohort: Int
        public init(id: ScholarID, name: String, email: String, university: String, cohort: Int?, defaultCohort: Int) {
            (self.id, self.name, self.email, self.university) = (id, name, email, university)
            (self.cohort, self.defaultCohort) = (cohort, defaultCohort)
        }
    }

    /// Reads the scholar's stream (the id must be new) and the address's claim in `emailScope`;
    /// writes `ScholarAdmitted` and `EmailClaimed`.
    public static func decide(_ command: Admit, scholar: State, email claim: EmailClaim.State) throws(Rejection) -> [PendingEvent] {
        guard !scholar.exists else {
            throw Rejection("duplicate-id", "\(command.id) already exists", hint: "choose another --id, or leave --id out")
        }
        let name = try Validate.nonEmpty(command.name, "name")
        let email = try Validate.email(command.email)
        let university = try Validate.nonEmpty(command.university, "university")
        let cohort = try Cohort.validate(command.cohort ?? command.defaultCohort)
        if let holder = claim.holder {
            throw Rejection(
                "email-taken", "\(email) is already the address of scholar \(holder)",
                hint: "name that scholar by \(email) or \(holder); admit someone else with another address")
        }
        return [
            PendingEvent(
                .scholar(command.id),
                ScholarAdmitted(scholar: command.id, name: name, email: email, university: university, cohort: cohort)),
            PendingEvent(
                .emailClaim(scope: emailScope, email: email),
                EmailClaimed(scope: emailScope, email: email, holder: command.id.rawValue)),
        ]
    }

    // MARK: scholar complete-training

    public struct CompleteTraining: Sendable {
        public var scholar: ScholarID
        /// When it is recorded as completed (the caller's clock).
        public var now: Date
        public init(scholar: ScholarID, now: Date) { (self.scholar, self.now) = (scholar, now) }
    }

    /// Reads and writes the scholar's stream. Refused if unknown or already completed.
    public static func decide(_ command: CompleteTraining, _ state: State) throws(Rejection) -> [PendingEvent] {
        guard state.exists else { throw unknown(command.scholar) }
        if let when = state.trainingCompletedAt {
            throw Rejection(
                "training-already-completed", "scholar \(command.scholar) already completed training at \(when)",
                hint: "nothing to do; the scholar can confirm an approved placement")
        }
        let completed = ScholarTrainingCompleted(scholar: command.scholar, completedAt: command.now.formatted(.iso8601))
        return [PendingEvent(.scholar(command.scholar), completed)]
    }

    static func unknown(_ id: ScholarID) -> Rejection {
        Rejection("unknown-scholar", "no scholar \(id)", hint: "check the id or email, or admit one with 'citylab scholar admit'")
    }
}
