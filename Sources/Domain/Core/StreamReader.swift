import Events

/// A read-only view of the log for one decision. Deciders that span streams chosen at run
/// time (the sessions an attendee holds, whoever is next on a waitlist) read through it.
/// The application's implementation loads lazily and records each stream's version, so the
/// append expects exactly what was read; tests use `InMemoryStreams`.
public protocol StreamReader {
    func read(_ stream: StreamName) throws -> [any DomainEvent]
}

extension StreamReader {
    public func state<D: Decider>(_ decider: D.Type, _ stream: StreamName) throws -> D.State {
        D.fold(try read(stream))
    }
}

/// Streams held in memory: for tests and for generating sample histories.
public struct InMemoryStreams: StreamReader, Sendable {
    public private(set) var streams: [StreamName: [any DomainEvent]] = [:]

    public init(_ streams: [StreamName: [any DomainEvent]] = [:]) { self.streams = streams }

    public func read(_ stream: StreamName) throws -> [any DomainEvent] { streams[stream] ?? [] }

    public mutating func append(_ events: [PendingEvent]) {
        for pending in events { streams[pending.stream, default: []].append(pending.event) }
    }
}
