import Foundation
import Postgres

extension Projector {
    /// The channel `citylab_append` notifies with the new head position.
    public static let channel = "citylab_events"

    /// Runs the projector in the foreground until `shouldStop()` is true: catches every
    /// projection up, then waits for a NOTIFY on `citylab_events` or `poll` (the fallback when a
    /// notification is lost). A failure (a lost connection, a page that cannot fold) is logged
    /// and retried with a growing pause on a fresh connection: it never silently stops.
    public static func run(
        connect: () throws -> Connection, poll: Duration = .seconds(1), shouldStop: () -> Bool, log: (String) -> Void
    ) {
        var connection: Connection?
        var failures = 0
        while !shouldStop() {
            do {
                let live: Connection
                if let connection, connection.isOpen {
                    live = connection
                } else {
                    connection?.close()
                    live = try connect()
                    try live.listen(channel)
                    connection = live
                    if failures > 0 { log("projector: reconnected, listening on \(channel)") }
                }
                try catchUpAll(live)
                failures = 0
                _ = try live.waitForNotification(timeout: poll)
            } catch {
                failures += 1
                log("projector: \(error); retrying")
                if let open = connection, !open.isOpen {
                    open.close()
                    connection = nil
                }
                pause(seconds: min(5, 0.1 * Double(1 << min(failures, 6))), shouldStop)
            }
        }
        connection?.close()
    }

    /// Sleeps in short slices so a stop request is honoured quickly.
    private static func pause(seconds: Double, _ shouldStop: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while !shouldStop(), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }
}
