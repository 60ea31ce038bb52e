import Synchronization

/// The documents the server answers from: agendas by token hash, every edition's program, the
/// health figures, and the projection position they reflect. Loop threads only read it (one
/// short lock each); the refresher and the cold-load workers write it.
final class DocumentCache: Sendable {
    enum AgendaLookup {
        case hit(CachedAgenda)
        /// Every agenda is in memory and none has this hash: 404 without asking the database.
        case absent
        /// Not in memory and memory is not complete: a worker must look.
        case unknown
    }

    private struct State {
        var agendas: [TokenDigest: CachedAgenda] = [:]
        var digestByAttendee: [String: TokenDigest] = [:]
        var isComplete = false
        /// -1 until the first refresh.
        var agendasPosition: Int64 = -1
        var programPosition: Int64 = -1
        var program = ProgramSnapshot()
        var health = HealthState()
    }

    /// Most agendas kept in memory.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The agenda with this token digest, and the position answers carry (one lock for both).
    func agenda(_ digest: TokenDigest) -> (lookup: AgendaLookup, position: Int64) {
        state.withLock { state in
            let position = Self.position(state)
            if let entry = state.agendas[digest] { return (.hit(entry), position) }
            return (state.isComplete ? .absent : .unknown, position)
        }
    }

    private static func position(_ state: State) -> Int64 {
        max(0, min(state.agendasPosition, state.programPosition))
    }

    /// Whether the first refresh has happened (the program is known).
    var isReady: Bool { state.withLock { $0.programPosition >= 0 } }

    /// The position every served document reflects at least (`X-Projection-Position`).
    var position: Int64 { state.withLock { Self.position($0) } }

    var program: ProgramSnapshot { state.withLock { $0.program } }

    var health: HealthState { state.withLock { $0.health } }

    /// Where the cache stands, for the next refresh's queries.
    var positions: (agendas: Int64, program: Int64) { state.withLock { ($0.agendasPosition, $0.programPosition) } }

    var agendaCount: Int { state.withLock { $0.agendas.count } }

    /// Applies a refresh read in one snapshot.
    func apply(_ refresh: Refresh) {
        state.withLock { state in
            state.health = HealthState(
                isDatabaseUp: true, projections: refresh.checkpoints, head: refresh.head, headHash: refresh.headHash)
            if refresh.isOverCapacity {
                state.isComplete = false
            } else if refresh.isFullAgendaLoad {
                state.agendas.removeAll(keepingCapacity: true)
                state.digestByAttendee.removeAll(keepingCapacity: true)
                state.isComplete = true
            }
            for entry in refresh.agendas ?? [] { Self.put(entry, into: &state, capacity: capacity, isNew: state.isComplete) }
            state.agendasPosition = max(state.agendasPosition, refresh.agendasPosition)
            if let program = refresh.program {
                state.program = program
                state.programPosition = max(state.programPosition, refresh.programPosition)
            }
        }
    }

    /// Keeps an agenda a worker read, unless the refresher may have passed over a change to it
    /// since that snapshot (then the next request asks again).
    func keep(_ loaded: LoadedAgenda) {
        guard let entry = loaded.agenda else { return }
        state.withLock { state in
            guard loaded.snapshotPosition >= state.agendasPosition else { return }
            Self.put(entry, into: &state, capacity: capacity, isNew: true)
        }
    }

    func markDatabaseDown() {
        state.withLock { $0.health.isDatabaseUp = false }
    }

    /// Replaces the attendee's entry (re-keyed when the link was reissued) unless it is older;
    /// adds a new one when there is room, else memory stops being complete.
    private static func put(_ entry: CachedAgenda, into state: inout State, capacity: Int, isNew: Bool) {
        if let oldDigest = state.digestByAttendee[entry.attendee] {
            if let old = state.agendas[oldDigest], old.position > entry.position { return }
            state.agendas[oldDigest] = nil
        } else {
            guard isNew else { return }
            guard state.agendas.count < capacity else {
                state.isComplete = false
                return
            }
        }
        state.agendas[entry.digest] = entry
        state.digestByAttendee[entry.attendee] = entry.digest
    }
}
