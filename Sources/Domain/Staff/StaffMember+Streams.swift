import Events

// The staff commands over a `StreamReader`: each reads and writes the login's own stream.
extension StaffMember {
    public static func decide(_ command: Add, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(StaffMember.self, .staff(command.login)))
    }

    public static func decide(_ command: Grant, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(StaffMember.self, .staff(command.login)))
    }

    public static func decide(_ command: Revoke, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(StaffMember.self, .staff(command.login)))
    }

    public static func decide(_ command: Disable, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(StaffMember.self, .staff(command.login)))
    }
}
