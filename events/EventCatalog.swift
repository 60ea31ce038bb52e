/// Every event type citylab has ever written, and the upcasters between payload schemas.
/// Add a type here when you add its file; never remove one (old logs must decode forever).
public enum EventCatalog {
    public static let all: [any DomainEvent.Type] = registration + placement

    static let registration: [any DomainEvent.Type] = [
        ConferenceOpened.self, AttendeeRegistered.self, EmailClaimed.self, EmailReleased.self,
    ]

    static let placement: [any DomainEvent.Type] = [
        ScholarAdmitted.self, ScholarTrainingCompleted.self, ScholarPlacementProposed.self, ScholarPlacementEnded.self,
        OpeningCreated.self, OpeningSeatTaken.self, OpeningSeatReleased.self,
        PlacementProposed.self, PlacementApproved.self, PlacementConfirmed.self, PlacementWithdrawn.self,
        PlacementCompleted.self,
    ]

    public static let upcasters: [EventRegistry.Upcaster] = []
}
