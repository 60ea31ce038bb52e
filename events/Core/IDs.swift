// The typed ids of citylab. Each owns its prefix; see TypedID.

public struct AttendeeID: TypedID {
    public static let prefix = "att_"
    public static let noun = "attendee"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

public struct SessionID: TypedID {
    public static let prefix = "ses_"
    public static let noun = "session"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

public struct ScholarID: TypedID {
    public static let prefix = "sch_"
    public static let noun = "scholar"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

public struct OpeningID: TypedID {
    public static let prefix = "opn_"
    public static let noun = "opening"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

public struct PlacementID: TypedID {
    public static let prefix = "plc_"
    public static let noun = "placement"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}
