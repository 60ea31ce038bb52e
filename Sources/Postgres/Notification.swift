/// A NOTIFY delivered to a connection that ran LISTEN on `channel`.
public struct Notification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    /// The server process that sent the NOTIFY.
    public let backendPID: Int32

    public init(channel: String, payload: String, backendPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.backendPID = backendPID
    }
}
