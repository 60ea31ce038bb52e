/// Every event type citylab has ever written, and the upcasters between payload schemas.
/// Add a type here when you add its file; never remove one (old logs must decode forever).
public enum EventCatalog {
    public static let all: [any DomainEvent.Type] = registration + program + placement + staff

    static let registration: [any DomainEvent.Type] = [
        ConferenceOpened.self, AttendeeRegistered.self, EmailClaimed.self, EmailReleased.self,
    ]

    static let program: [any DomainEvent.Type] = [
        SessionScheduled.self, SessionRescheduled.self, SessionCapacityChanged.self, SessionCancelled.self,
        SeatTaken.self, Waitlisted.self, PromotedFromWaitlist.self, WaitlistSkipped.self, SeatReleased.self, WaitlistLeft.self,
        RoomBooked.self, RoomReleased.self,
        SeatHeld.self, WaitlistJoined.self, SessionLeft.self, SeatTimesChanged.self, AgendaOverlapFlagged.self,
        AttendeeCancelled.self, AttendeeCheckedIn.self, AgendaLinkReissued.self,
    ]

    static let placement: [any DomainEvent.Type] = [
        ScholarAdmitted.self, ScholarTrainingCompleted.self, ScholarPlacementProposed.self, ScholarPlacementEnded.self,
        OpeningCreated.self, OpeningSeatTaken.self, OpeningSeatReleased.self,
        PlacementProposed.self, PlacementApproved.self, PlacementConfirmed.self, PlacementWithdrawn.self,
        PlacementCompleted.self,
    ]

    static let staff: [any DomainEvent.Type] = [
        StaffAdded.self, StaffRoleGranted.self, StaffRoleRevoked.self, StaffDisabled.self,
    ]

    public static let upcasters: [EventRegistry.Upcaster] = []
}
