import Foundation
import Postgres

/// Rebuilds read models from position 0 into shadow tables (`<table>_rebuild`), catches
/// them up, then swaps them in with one short transaction under the projections' catch-up
/// locks: a reader sees the old tables or the new ones, never an empty or partial one. A
/// crash leaves the old tables serving; the next rebuild drops the leftovers and starts clean.
public enum Rebuilder {
    /// Another process holds the rebuild lock of a projection.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public let projection: String
        public let pid: Int?
        public var description: String {
            "a rebuild of '\(projection)' is already running" + (pid.map { " (server process \($0))" } ?? "")
        }
    }

    /// Where a rebuild stands, for progress lines.
    public struct Progress: Sendable {
        public let done: Int64
        public let total: Int64
        public let seconds: Double
        public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }
        /// Seconds left at the current rate, nil before any rate is known.
        public var eta: Double? { rate > 0 ? Double(max(0, total - done)) / rate : nil }
    }

    public struct Outcome: Sendable {
        public let projections: [String]
        public let events: Int64
        public let position: Int64
        public let seconds: Double
        public var rate: Double { seconds > 0 ? Double(events) / seconds : 0 }
    }

    /// Rebuilds `projections` together (each page is read and decoded once for all of them).
    /// Throws `Busy` when another rebuild of one of them runs. `cacheLimit` bounds the rows a
    /// fold keeps in memory between pages.
    public static func rebuild(
        _ projections: [any Projection], _ connection: Connection, pageSize: Int = 5000, cacheLimit: Int = 200_000,
        progress: (Progress) -> Void = { _ in }
    ) throws -> Outcome {
        let started = Date()
        let names = projections.map(\.name)
        var locked: [String] = []
        defer { for key in locked { ProjectionLocks.unlockSession(key, connection) } }
        for name in names.sorted() {
            let key = ProjectionLocks.rebuildKey(name)
            guard try ProjectionLocks.trySessionLock(key, connection) else {
                throw Busy(projection: name, pid: ProjectionLocks.holder(key, connection))
            }
            locked.append(key)
        }
        let (outcome, leftovers) = try rebuildLocked(
            projections, connection, pageSize: pageSize, cacheLimit: cacheLimit, started: started, progress: progress)
        leftovers.release()
        return outcome
    }

    /// Waits until every finished rebuild's rows are freed (a benchmark's next round must not
    /// share the CPU with the last one's clean-up).
    public static func waitForFreedMemory() {
        RebuildLeftovers.inFlight.wait()
    }

    /// `rebuild` once its locks are held: the outcome, and the folds (every row) to free.
    private static func rebuildLocked(
        _ projections: [any Projection], _ connection: Connection, pageSize: Int, cacheLimit: Int, started: Date,
        progress: (Progress) -> Void
    ) throws -> (Outcome, RebuildLeftovers) {
        let names = projections.map(\.name)
        try ShadowTables.create(projections, connection)
        let folds = projections.map { $0.makeFold(.shadow, startsEmpty: true) }
        let types = projections.eventTypes
        var position: Int64 = 0
        var total = try EventPages.head(connection)
        var done: Int64 = 0
        func report(_ page: EventPage) {
            position = page.last ?? position
            done += Int64(page.count)
            total = max(total, position)
            progress(Progress(done: done, total: total, seconds: Date().timeIntervalSince(started)))
        }
        // Streamed while every fold holds all its rows (it needs no connection to fold then);
        // once one spills its cache, page by page, loading what it needs.
        // The shadow tables get their indexes once filled, or before a fold spills: from then on,
        // rows are written more than once and looked up by key.
        var indexed = false
        func index() throws {
            guard !indexed else { return }
            try ShadowTables.index(projections, connection)
            indexed = true
        }
        let lanes = FoldLanes(folds, types: projections.map(\.eventTypes))
        if try !stream(
            lanes, folds, connection, through: total, types: types, pageSize: pageSize, cacheLimit: cacheLimit, beforeSpill: index,
            report)
        {
            while true {
                let page = try EventPages.read(after: position, limit: pageSize, types: types, connection)
                guard page.last != nil else { break }
                try connection.transaction {
                    for fold in folds {
                        try fold.apply(page.events, connection)
                        if fold.cachedRows > cacheLimit { try fold.flush(connection, keepCache: false) }
                    }
                }
                report(page)
                if page.count < pageSize { break }
            }
        }
        if indexed {
            try connection.transaction { for fold in folds { try fold.flush(connection, keepCache: true) } }
        } else {
            // Everything is still in memory: the tables are written and indexed two at a time.
            try lanes.flushAndIndex(projections, connection)
        }
        position = try connection.transaction {
            for name in names.sorted() { try ProjectionLocks.transactionLock(ProjectionLocks.catchUpKey(name), connection) }
            while true {
                let tail = try EventPages.read(after: position, limit: pageSize, types: types, connection)
                guard let last = tail.last else { break }
                for fold in folds { try fold.apply(tail.events, connection) }
                done += Int64(tail.count)
                position = last
            }
            for fold in folds { try fold.flush(connection, keepCache: true) }
            try ShadowTables.swap(projections, connection)
            for projection in projections {
                try Checkpoints.reset(projection.name, version: projection.version, position: position, connection)
            }
            return position
        }
        let outcome = Outcome(projections: names, events: done, position: position, seconds: Date().timeIntervalSince(started))
        return (outcome, RebuildLeftovers(folds, lanes))
    }

    /// Folds (0, `through`] read by an `EventStream` (reading, decoding and folding at once);
    /// true when done, false when a fold spilled its cache (flushed here) and the rest must be
    /// read page by page: a fold that flushed without its cache loads rows on the connection.
    private static func stream(
        _ lanes: FoldLanes, _ folds: [any ProjectionFold], _ connection: Connection, through: Int64, types: Set<String>, pageSize: Int,
        cacheLimit: Int,
        beforeSpill: () throws -> Void, _ report: (EventPage) -> Void
    ) throws -> Bool {
        let stream = try EventStream(connection, after: 0, through: through, types: types, pageSize: pageSize)
        stream.start()
        defer { stream.stop() }
        // Folds that started empty and never spilled stage everything in memory: the
        // connection, busy with the stream, is not used, and they fold on two threads.
        while let page = try stream.next() {
            try lanes.apply(page.events, connection)
            report(page)
            if folds.contains(where: { $0.cachedRows > cacheLimit }) {
                stream.stop()
                try beforeSpill()
                try connection.transaction {
                    for fold in folds where fold.cachedRows > cacheLimit { try fold.flush(connection, keepCache: false) }
                }
                return false
            }
        }
        return true
    }
}
