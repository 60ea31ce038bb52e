/// The one request a connection is answering; what the answer and the log need to know.
struct InFlightRequest {
    let sequence: UInt64
    let method: String
    let rawPath: String
    let keepAlive: Bool
    let isHead: Bool
    /// Monotonic nanoseconds when the head was complete.
    let startedAt: UInt64
    let responder: Responder?
}
