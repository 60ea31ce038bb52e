import HTTP
import Synchronization

/// What the test application's handlers record, shared with the test.
final class Recorded: Sendable {
    let parked = Mutex<[Responder]>([])
    let log = Mutex<[AccessLogEntry]>([])
}
