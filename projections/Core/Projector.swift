import Postgres

/// Keeps the read models caught up with the log. Each page is one transaction: the
/// projections' changes and their checkpoints commit together, under each projection's
/// advisory lock, so a crash loses nothing and repeats nothing, and two projectors never
/// fold the same page. Anyone may call it: `projections run`, `serve`, every CLI write.
public enum Projector {
    /// Every projection of citylab, in the order status lists them.
    public static let all: [any Projection] = [
        AttendeesProjection(), ProgramProjection(), AgendasProjection(), PlacementsProjection(),
    ]

    public static let pageSize = 1000

    /// The projection called `name`, or nil.
    public static func named(_ name: String) -> (any Projection)? { all.first { $0.name == name } }

    /// Brings every projection up to the head of the log; one cheap query when nothing is
    /// behind. A projection whose code version changed is rebuilt first (skipped while
    /// another process rebuilds it). Throws the first failure, recorded as `last_error`.
    public static func catchUpAll(_ connection: Connection) throws {
        try catchUp(all, connection)
    }

    /// Catches `projections` up; returns the number of events folded.
    @discardableResult
    public static func catchUp(_ projections: [any Projection], _ connection: Connection, pageSize: Int = pageSize) throws -> Int {
        let head = try EventPages.head(connection)
        var checkpoints = try Checkpoints.read(projections, connection)
        let stale = projections.filter { checkpoints[$0.name]?.version != $0.version }
        if !stale.isEmpty {
            for projection in stale {
                do {
                    _ = try Rebuilder.rebuild([projection], connection)
                } catch is Rebuilder.Busy {
                    continue
                }
            }
            checkpoints = try Checkpoints.read(projections, connection)
        }
        let behind = projections.filter { projection in
            guard let checkpoint = checkpoints[projection.name] else { return false }
            return checkpoint.version == projection.version && checkpoint.position < head
        }
        guard !behind.isEmpty else { return 0 }
        var folded = 0
        while true {
            let count = try page(behind.sorted { $0.name < $1.name }, connection, pageSize: pageSize)
            folded += count
            if count == 0 { return folded }
        }
    }

    /// One page for the projections, in one transaction; 0 when all are at the head.
    private static func page(_ projections: [any Projection], _ connection: Connection, pageSize: Int) throws -> Int {
        do {
            return try connection.transaction {
                for projection in projections {
                    try ProjectionLocks.transactionLock(ProjectionLocks.catchUpKey(projection.name), connection)
                }
                let checkpoints = try Checkpoints.read(projections, connection)
                let current = projections.filter { checkpoints[$0.name]?.version == $0.version }
                guard let from = current.compactMap({ checkpoints[$0.name]?.position }).min() else { return 0 }
                let page = try EventPages.read(after: from, limit: pageSize, types: current.eventTypes, connection)
                guard let last = page.last else { return 0 }
                let events = page.events
                var advanced: [String] = []
                for projection in current {
                    let position = checkpoints[projection.name]?.position ?? 0
                    guard position < last else { continue }
                    let mine = position == from ? events : events.filter { $0.position > position }
                    advanced.append(projection.name)
                    guard !mine.isEmpty else { continue }
                    let fold = projection.makeFold(.live, startsEmpty: false)
                    try fold.apply(mine, connection)
                    try fold.flush(connection, keepCache: false)
                }
                try Checkpoints.advance(advanced, to: last, connection)
                return page.count
            }
        } catch {
            Checkpoints.recordError(projections.map(\.name), "\(error)", connection)
            throw error
        }
    }
}
