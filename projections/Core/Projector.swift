import Events
import Postgres

/// Keeps the read models caught up with the log. Each page is one transaction: the
/// projections' changes and their checkpoints commit together, under each projection's
/// advisory lock, so a crash loses nothing and repeats nothing, and two projectors never
/// fold the same page. Each projection folds in its own savepoint: one that fails (an event it
/// cannot read, a fold error) stops alone, with its `last_error`, and the others go on.
/// Anyone may call it: `projections run`, `serve`, every CLI write.
public enum Projector {
    /// Every projection of citylab, in the order status lists them.
    public static let all: [any Projection] = [
        AttendeesProjection(), ProgramProjection(), AgendasProjection(), PlacementsProjection(),
    ]

    public static let pageSize = 1000

    /// Projections that could not catch up (the others did): name → what went wrong, as
    /// recorded in their `last_error`.
    public struct CatchUpFailed: Error, CustomStringConvertible, Sendable {
        public let failures: [String: String]
        public var description: String {
            failures.keys.sorted().map { "projection '\($0)' is stuck: \(failures[$0] ?? "")" }.joined(separator: "; ")
        }
    }

    /// The projection called `name`, or nil.
    public static func named(_ name: String) -> (any Projection)? { all.first { $0.name == name } }

    /// Brings every projection up to the head of the log; one cheap query when nothing is
    /// behind. A projection whose code version changed is rebuilt first (skipped while
    /// another process rebuilds it). Throws `CatchUpFailed` naming those that failed (each
    /// recorded as its `last_error`) after the others caught up.
    public static func catchUpAll(_ connection: Connection) throws {
        try catchUp(all, connection)
    }

    /// Catches `projections` up; returns the number of events folded.
    @discardableResult
    public static func catchUp(_ projections: [any Projection], _ connection: Connection, pageSize: Int = pageSize) throws -> Int {
        let head = try EventPages.head(connection)
        var checkpoints = try Checkpoints.read(projections, connection)
        var failures: [String: String] = [:]
        let stale = projections.filter { checkpoints[$0.name]?.version != $0.version }
        if !stale.isEmpty {
            for projection in stale {
                do {
                    _ = try Rebuilder.rebuild([projection], connection)
                } catch is Rebuilder.Busy {
                    continue
                } catch {
                    guard connection.isOpen, !connection.isInTransaction else { throw error }
                    failures[projection.name] = "its rebuild failed: \(error)"
                    Checkpoints.recordError([projection.name], "its rebuild failed: \(error)", connection)
                }
            }
            checkpoints = try Checkpoints.read(projections, connection)
        }
        let current = projections.filter { checkpoints[$0.name]?.version == $0.version }
        let settled = current.filter { checkpoints[$0.name].map { $0.position >= head && $0.lastError != nil } ?? false }
        if !settled.isEmpty { try Checkpoints.clearErrors(settled.map(\.name), connection) }
        var pending = current.filter { (checkpoints[$0.name]?.position ?? head) < head }.sorted { $0.name < $1.name }
        var folded = 0
        while !pending.isEmpty {
            let outcome = try page(pending, connection, pageSize: pageSize)
            folded += outcome.count
            failures.merge(outcome.failures) { $1 }
            pending.removeAll { outcome.failures[$0.name] != nil }
            if outcome.count == 0 { break }
        }
        if !failures.isEmpty { throw CatchUpFailed(failures: failures) }
        return folded
    }

    /// One page for the projections, in one transaction: the events read (0 when all are at
    /// the head) and the projections that failed on it.
    private static func page(
        _ projections: [any Projection], _ connection: Connection, pageSize: Int
    ) throws -> (count: Int, failures: [String: String]) {
        do {
            return try connection.transaction {
                for projection in projections {
                    try ProjectionLocks.transactionLock(ProjectionLocks.catchUpKey(projection.name), connection)
                }
                let checkpoints = try Checkpoints.read(projections, connection)
                let current = projections.filter { checkpoints[$0.name]?.version == $0.version }
                guard let from = current.compactMap({ checkpoints[$0.name]?.position }).min() else { return (0, [:]) }
                let page = try EventPages.read(after: from, limit: pageSize, types: current.eventTypes, tolerant: true, connection)
                guard let last = page.last else { return (0, [:]) }
                var reached: [Int64: [String]] = [:]
                var failures: [String: String] = [:]
                for projection in current {
                    let position = checkpoints[projection.name]?.position ?? 0
                    guard position < last else { continue }
                    // An event of its types that cannot be read stops it just before that event.
                    let unreadable = page.failures.first { $0.position > position && projection.eventTypes.contains($0.type) }
                    let through = unreadable.map { $0.position - 1 } ?? last
                    let mine = page.events.filter {
                        $0.position > position && $0.position <= through && projection.eventTypes.contains(type(of: $0.event).eventType)
                    }
                    do {
                        try fold(projection, mine, connection)
                        if through > position { reached[through, default: []].append(projection.name) }
                        if let unreadable { failures[projection.name] = unreadable.description }
                    } catch {
                        failures[projection.name] = "\(error)"
                    }
                }
                for (position, names) in reached { try Checkpoints.advance(names, to: position, connection) }
                for (name, message) in failures { try Checkpoints.fail([name], message, connection) }
                return (page.count, failures)
            }
        } catch {
            Checkpoints.recordError(projections.map(\.name), "\(error)", connection)
            throw error
        }
    }

    /// Folds `events` into one projection inside a savepoint: a failure undoes its changes only.
    private static func fold(_ projection: any Projection, _ events: [ProjectedEvent], _ connection: Connection) throws {
        guard !events.isEmpty else { return }
        try connection.execute("SAVEPOINT citylab_fold")
        do {
            let fold = projection.makeFold(.live, startsEmpty: false)
            try fold.apply(events, connection)
            try fold.flush(connection, keepCache: false)
            try connection.execute("RELEASE SAVEPOINT citylab_fold")
        } catch {
            // A lost connection cannot roll back: that fails the whole page, as it should.
            try connection.execute("ROLLBACK TO SAVEPOINT citylab_fold")
            throw error
        }
    }
}
