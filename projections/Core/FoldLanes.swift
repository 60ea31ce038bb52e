import Dispatch
import Events
import Postgres
import Synchronization

/// Folds each page of a rebuild with its folds on two threads at once. A rebuild's folds share
/// nothing: each stages rows of its own tables in memory. They are dealt into two lanes
/// balanced by the time each has taken so far (the slowest first, each to the lighter lane),
/// so one heavy fold gets a thread to itself and the others share the second.
///
/// Each fold is handed only the events of the types its projection folds (as catch-up hands
/// them), by their indices in the page: the others would cost it a failed cast for every case
/// of its switch.
///
/// Only for folds that do not use the connection: folds of a rebuild that started empty and
/// hold all their rows (`Rebuilder` streams then, and the connection belongs to the reader).
final class FoldLanes {
    /// A fold handed to the other thread: it is used by one lane at a time, and only until
    /// `concurrentPerform` returns (the `@unchecked Sendable` below rests on that).
    private struct Lane: @unchecked Sendable {
        let indices: [Int]
        let folds: [any ProjectionFold]
        let connection: Connection
    }

    private let folds: [any ProjectionFold]
    /// Nanoseconds each fold has spent so far.
    private var spent: [UInt64]
    /// Each event type's number, and for each fold whether it takes the type of each number.
    private let kinds: [ObjectIdentifier: Int]
    private let takes: [[Bool]]

    /// `folds` of projections that fold `types` (each fold's, in the same order).
    init(_ folds: [any ProjectionFold], types: [Set<String>]) {
        self.folds = folds
        self.spent = Array(repeating: 0, count: folds.count)
        let catalog = EventCatalog.all
        kinds = Dictionary(catalog.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { first, _ in first })
        takes = types.map { names in catalog.map { names.contains($0.eventType) } }
    }

    /// Folds `events` with every fold; throws the first error of a lane (after both lanes ran).
    func apply(_ events: [ProjectedEvent], _ connection: Connection) throws {
        let lanes = deal().map { indices in Lane(indices: indices, folds: indices.map { folds[$0] }, connection: connection) }
        // A type outside the catalog (none should be) goes to every fold, which ignores it.
        let kinds = events.map { self.kinds[ObjectIdentifier(type(of: $0.event))] ?? -1 }
        let takes = self.takes
        let results = Mutex<[Int: Result<[UInt64], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: lanes.count) { number in
            let lane = lanes[number]
            let outcome = Result { () throws -> [UInt64] in
                try zip(lane.indices, lane.folds).map { index, fold in
                    let start = DispatchTime.now().uptimeNanoseconds
                    let wanted = takes[index]
                    // Their indices, not copies: a copy retains the instant and the payload's box,
                    // which both lanes and the reader touch at once.
                    var mine: [Int] = []
                    mine.reserveCapacity(events.count)
                    for position in events.indices where kinds[position] < 0 || wanted[kinds[position]] {
                        mine.append(position)
                    }
                    try fold.apply(events, at: mine, lane.connection)
                    return DispatchTime.now().uptimeNanoseconds - start
                }
            }
            results.withLock { $0[number] = outcome }
        }
        let times = results.withLock { $0 }
        for number in lanes.indices {
            guard let outcome = times[number] else { continue }
            for (index, time) in zip(lanes[number].indices, try outcome.get()) { spent[index] += time }
        }
    }

    /// A lane of the final flush: its folds, their projections, its own connection (see `Lane`).
    private struct FlushLane: @unchecked Sendable {
        let folds: [any ProjectionFold]
        let projections: [any Projection]
        let connection: Connection
    }

    /// Writes every fold's rows (keeping them cached) and builds its tables' keys and indexes, one
    /// lane on `connection` and the other beside it on a sibling connection: the server stores
    /// and indexes two tables at once. `projections` are the folds' own, in the same order. On
    /// `connection` alone when there is one lane or no sibling can be had.
    func flushAndIndex(_ projections: [any Projection], _ connection: Connection) throws {
        let lanes = deal()
        // No sibling (no free connection slot, say): the same work, one table after the other.
        guard lanes.count > 1, let sibling = try? connection.sibling() else {
            try connection.transaction { for fold in folds { try fold.flush(connection, keepCache: true) } }
            try ShadowTables.index(projections, connection)
            return
        }
        defer { sibling.close() }
        let work = lanes.enumerated().map { number, indices in
            FlushLane(
                folds: indices.map { folds[$0] }, projections: indices.map { projections[$0] },
                connection: number == 0 ? connection : sibling)
        }
        let errors = Mutex<[any Error]>([])
        DispatchQueue.concurrentPerform(iterations: work.count) { number in
            let lane = work[number]
            do {
                try lane.connection.transaction { for fold in lane.folds { try fold.flush(lane.connection, keepCache: true) } }
                try ShadowTables.index(lane.projections, lane.connection)
            } catch {
                errors.withLock { $0.append(error) }
            }
        }
        if let error = errors.withLock({ $0.first }) { throw error }
    }

    /// Fold indices in two lanes (one when there is a single fold), longest-processing-time first.
    private func deal() -> [[Int]] {
        guard folds.count > 1 else { return [Array(folds.indices)] }
        var lanes: [[Int]] = [[], []]
        var load: [UInt64] = [0, 0]
        for index in folds.indices.sorted(by: { (spent[$0], $1) > (spent[$1], $0) }) {
            let lane = load[0] <= load[1] ? 0 : 1
            lanes[lane].append(index)
            load[lane] += spent[index]
        }
        return lanes.filter { !$0.isEmpty }
    }
}
