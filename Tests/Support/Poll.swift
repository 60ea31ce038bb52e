import Foundation

/// Checks `condition` every `every` until it is true; throws `PollTimeout` naming `what` once
/// `timeout` has passed. The way tests wait: never a bare sleep.
public func poll(
    timeout: Duration, every: Duration = .milliseconds(20), _ what: String, _ condition: () throws -> Bool
) throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var attempts = 0
    while true {
        attempts += 1
        if try condition() { return }
        if clock.now >= deadline { throw PollTimeout(what: what, timeout: timeout, attempts: attempts) }
        let (seconds, attoseconds) = min(every, deadline - clock.now).components
        Thread.sleep(forTimeInterval: max(0.001, Double(seconds) + Double(attoseconds) / 1e18))
    }
}
