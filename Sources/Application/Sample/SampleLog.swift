import Domain
import EventStore
import Events

/// The sample loader's view of the log: streams read once — in bulk where the loader knows
/// their names — and kept with their versions, then updated with what each step appends, so
/// a load of thousands of decisions reads the database a handful of times. If anyone else
/// wrote meanwhile, the next append conflicts (it expects the versions kept here); the
/// loader then forgets everything and decides that step again on fresh reads.
final class SampleLog {
    let store: EventStore
    private var known: [StreamName: (events: [any DomainEvent], version: Int)] = [:]

    init(store: EventStore) { self.store = store }

    /// Reads the streams not known yet, a few thousand names per query.
    func prefetch(_ names: [StreamName]) throws {
        let missing = Array(Set(names.filter { known[$0] == nil })).sorted()
        for start in stride(from: 0, to: missing.count, by: 2_000) {
            let streams = try store.readStreams(Array(missing[start..<min(start + 2_000, missing.count)]))
            for (name, stream) in streams {
                known[name] = (try stream.events.map { try $0.decoded() }, stream.version)
            }
        }
    }

    /// A stream's events and version, read from the database on first use.
    func stream(_ name: StreamName) throws -> (events: [any DomainEvent], version: Int) {
        if let stream = known[name] { return stream }
        let (recorded, version) = try store.readStream(name)
        let stream = (events: try recorded.map { try $0.decoded() }, version: version)
        known[name] = stream
        return stream
    }

    /// A step committed: its streams now hold what it read plus what it appended.
    func committed(_ reader: SampleStepReader) {
        var appended: [StreamName: Int] = [:]
        for pending in reader.events { appended[pending.stream, default: 0] += 1 }
        for (name, events) in reader.streamsAfter {
            known[name] = (events, (reader.versions[name] ?? 0) + (appended[name] ?? 0))
        }
    }

    /// Someone else wrote: nothing kept can be trusted.
    func forget() { known = [:] }
}
