import Events
import Postgres

/// A read model: its name, the version of its code, the tables it owns, and a fold from
/// pages of events to bulk SQL changes. Bump `version` when the fold changes what it
/// writes: the projector then rebuilds the tables from the log on its next catch-up.
public protocol Projection: Sendable {
    /// Stable name, used in checkpoints, locks and `projections rebuild NAME`.
    var name: String { get }
    var version: Int { get }
    /// Every table the fold writes (read models and private helpers), as the migrations create them.
    var tables: [String] { get }
    /// The event types the fold uses (`eventType` names); others are not even decoded.
    var eventTypes: Set<String> { get }
    /// A fold writing to `tables` (live or shadow names). `startsEmpty`: the tables are new
    /// and empty (a rebuild), so rows not seen yet need not be looked up.
    func makeFold(_ tables: TableNames, startsEmpty: Bool) -> any ProjectionFold
}

/// One run of a projection's fold: stages the changes of pages of events in memory (loading
/// the rows it needs in bulk) and writes them in bulk on `flush`.
public protocol ProjectionFold: AnyObject {
    /// Folds `events` (log order, all after the fold's position) into staged changes.
    func apply(_ events: [ProjectedEvent], _ connection: Connection) throws
    /// Folds the events of `events` at `indices` (ascending): how a rebuild's lanes hand each
    /// fold only its projection's types, without copying them out of the page.
    func apply(_ events: [ProjectedEvent], at indices: [Int], _ connection: Connection) throws
    /// Writes the staged changes. With `keepCache`, rows stay cached for the next page (only
    /// safe while nobody else writes these tables: a rebuild's shadow tables).
    func flush(_ connection: Connection, keepCache: Bool) throws
    /// Rows held in memory (a rebuild flushes and forgets them past a bound: flat memory).
    var cachedRows: Int { get }
}

extension ProjectionFold {
    public func apply(_ events: [ProjectedEvent], at indices: [Int], _ connection: Connection) throws {
        try apply(indices.map { events[$0] }, connection)
    }
}

/// A fold that folds one event at a time into stores it loads page by page, unless they hold
/// every row (a rebuild that started empty): then nothing is loaded, and a page handed over
/// by indices is walked in place instead of copied.
protocol RowHoldingFold: ProjectionFold {
    /// Every store holds every row of its table.
    var holdsEveryRow: Bool { get }
    /// Loads the rows `events` touch (only called while not `holdsEveryRow`).
    func load(_ events: [ProjectedEvent], _ connection: Connection) throws
    func apply(_ recorded: ProjectedEvent)
}

extension RowHoldingFold {
    func apply(_ events: [ProjectedEvent], _ connection: Connection) throws {
        if !holdsEveryRow { try load(events, connection) }
        for index in events.indices { apply(events[index]) }
    }

    func apply(_ events: [ProjectedEvent], at indices: [Int], _ connection: Connection) throws {
        guard holdsEveryRow else { return try apply(indices.map { events[$0] }, connection) }
        for index in indices { apply(events[index]) }
    }
}

/// An event as projections see it: where it sits in the log, when it was recorded, the payload.
public struct ProjectedEvent: Sendable {
    public let position: Int64
    /// `2026-10-14T13:00:05.123456Z`, as the hash chain spells it.
    public let instant: String
    public let event: any DomainEvent

    public init(position: Int64, instant: String, event: any DomainEvent) {
        self.position = position
        self.instant = instant
        self.event = event
    }
}

/// The actual name of each table: itself, or its shadow copy during a rebuild.
public struct TableNames: Sendable {
    public let suffix: String

    public static let live = TableNames(suffix: "")
    public static let shadow = TableNames(suffix: "_rebuild")

    public func callAsFunction(_ table: String) -> String { table + suffix }
}
