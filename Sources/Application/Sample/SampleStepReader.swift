import Domain
import Events

/// The reader of one sample step (many decisions, one append): streams come from the
/// `SampleLog` with the version each had, and every decision's events are kept as if already
/// appended, so the next decision of the step decides on the up-to-date state — the same
/// idea as `DecisionBatch`, across decisions. The append expects every stream read unchanged.
final class SampleStepReader: StreamReader {
    private let log: SampleLog
    /// The version of each stream when the step first read it.
    private(set) var versions: [StreamName: Int] = [:]
    private var current: [StreamName: [any DomainEvent]] = [:]
    private(set) var events: [PendingEvent] = []

    init(log: SampleLog) { self.log = log }

    func read(_ stream: StreamName) throws -> [any DomainEvent] {
        if let events = current[stream] { return events }
        let loaded = try log.stream(stream)
        current[stream] = loaded.events
        versions[stream] = loaded.version
        return loaded.events
    }

    /// Keeps one decision's events: later decisions of the step see them.
    func keep(_ decided: [PendingEvent]) throws {
        for pending in decided {
            _ = try read(pending.stream)
            current[pending.stream, default: []].append(pending.event)
        }
        events += decided
    }

    /// Every stream the step read, with its events after the step (for the log's cache).
    var streamsAfter: [StreamName: [any DomainEvent]] { current }
}
