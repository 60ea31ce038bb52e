import Events
import Foundation

extension Instant {
    /// A payload's instant (whole seconds) as `2026-10-14T13:00:00Z`.
    static func seconds(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
