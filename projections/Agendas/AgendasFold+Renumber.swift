/// Waitlist places, written late. When someone leaves a waitlist, everyone after them moves up
/// one place, and each of their agenda entries says so (its `waitlist_position` and when it last
/// changed, and the document's last change). Rewriting all those documents at every departure
/// was most of a rebuild's agenda work: a long waitlist moves up dozens of times, and each
/// document lies elsewhere in memory. So the fold notes, per session, the event that last moved
/// each place up, and writes a place into its entry only when something else is about to touch
/// that entry (`writePlaces(_:_:)`), or the session's entries (`writePlaces(_:)`), and at flush
/// (`writeAllPlaces`).
///
/// The documents end the same as if each renumbering were written at once: a holder's place only
/// changes when someone before them leaves (which notes it again), nothing but a departure,
/// a reschedule, a cancellation or a new schedule of the session changes its waitlist (the
/// last three write the session's places first), what a place changes decides no other change
/// (skipped flags, overlaps), and a document keeps the latest of the stamps written into it.
struct PendingPlaces {
    /// An event that moved a place up.
    struct Stamp {
        let position: Int64
        let instant: String
    }

    /// The session's waitlist, kept in step with it, and for each place the last event that
    /// moved it up, if not yet written into its entry: an index into `moves` (-1: none), so a
    /// departure marks the places after it without retaining its instant once per place.
    private(set) var holders: [String]
    private var stamps: [Int]
    /// The events that moved places up, in order.
    private var moves: [Stamp] = []
    /// How many places are noted.
    private var noted = 0

    init(waitlist: [String]) {
        holders = waitlist
        stamps = Array(repeating: -1, count: waitlist.count)
    }

    var isEmpty: Bool { noted == 0 }

    /// Everyone from place `from` (0-based) on moved up at `stamp`.
    mutating func movedUp(from: Int, _ stamp: Stamp) {
        let move = moves.count
        moves.append(stamp)
        for index in from..<stamps.count {
            if stamps[index] < 0 { noted += 1 }
            stamps[index] = move
        }
    }

    mutating func joined(_ attendee: String) {
        holders.append(attendee)
        stamps.append(-1)
    }

    /// `attendee` left: every place they held goes, with what was noted for them.
    mutating func left(_ attendee: String) {
        var kept = 0
        for index in holders.indices {
            if holders[index] == attendee {
                if stamps[index] >= 0 { noted -= 1 }
                continue
            }
            if kept != index {
                holders.swapAt(kept, index)
                stamps.swapAt(kept, index)
            }
            kept += 1
        }
        holders.removeSubrange(kept...)
        stamps.removeSubrange(kept...)
    }

    /// The latest place noted for `attendee` (for someone on the list twice, the later of two
    /// noted at once), forgetting every place noted for them; nil when none is.
    mutating func take(_ attendee: String) -> (place: Int, stamp: Stamp)? {
        var latest: (place: Int, stamp: Stamp)?
        for index in holders.indices where holders[index] == attendee {
            guard stamps[index] >= 0 else { continue }
            let stamp = moves[stamps[index]]
            if latest.map({ stamp.position >= $0.stamp.position }) ?? true { latest = (index, stamp) }
            stamps[index] = -1
            noted -= 1
        }
        return latest
    }

    /// Every place noted, oldest first (as they happened).
    var all: [(place: Int, stamp: Stamp)] {
        var places: [(place: Int, stamp: Stamp)] = []
        for (index, move) in stamps.enumerated() where move >= 0 { places.append((index, moves[move])) }
        return places.sorted { ($0.stamp.position, $0.place) < ($1.stamp.position, $1.place) }
    }
}

extension AgendasFold {
    /// The waitlist of `session` is now `waitlist` after a departure from place `from` (0-based):
    /// everyone from there on moved up one place at `recorded`.
    func movedUp(_ session: String, from: Int, waitlist: [String], _ recorded: ProjectedEvent) {
        guard from < waitlist.count else { return }
        assert(pendingPlaces[session].map { $0.holders == waitlist } ?? true, "pending places out of step with the waitlist")
        pendingPlaces[session, default: PendingPlaces(waitlist: waitlist)]
            .movedUp(from: from, PendingPlaces.Stamp(position: recorded.position, instant: recorded.instant))
    }

    /// `attendee` joined the end of the waitlist of `session`.
    func joinedWaitlist(_ session: String, _ attendee: String) {
        pendingPlaces[session]?.joined(attendee)
    }

    /// `attendee` left the waitlist of `session` (every place they held): what was noted for
    /// them is moot, the same event rewrites their entry.
    func leftWaitlist(_ session: String, _ attendee: String) {
        pendingPlaces[session]?.left(attendee)
    }

    /// Writes the place noted for `attendee` in `session` into their entry.
    func writePlaces(_ session: String, _ attendee: String) {
        guard let (place, stamp) = pendingPlaces[session]?.take(attendee) else { return }
        write(attendee, session, place: place, stamp)
        if pendingPlaces[session]?.isEmpty == true { pendingPlaces[session] = nil }
    }

    /// Writes every place noted in `session`.
    func writePlaces(_ session: String) {
        guard let pending = pendingPlaces.removeValue(forKey: session) else { return }
        for (place, stamp) in pending.all { write(pending.holders[place], session, place: place, stamp) }
    }

    /// Writes every place noted (before a flush).
    func writeAllPlaces() {
        for session in Array(pendingPlaces.keys) { writePlaces(session) }
    }

    /// Writes `place` (0-based) of `attendee` into their entry of `session`, as `modifyEntry`
    /// would have at `stamp`; the document keeps the latest of its stamps.
    private func write(_ attendee: String, _ session: String, place: Int, _ stamp: PendingPlaces.Stamp) {
        agendas.update(attendee) { row in
            if let index = row.document.sessions.firstIndex(where: { $0.session == session }) {
                row.document.sessions[index].waitlistPosition = place + 1
                row.document.sessions[index].lastChangedPosition = stamp.position
                row.document.sessions[index].lastChangedAt = stamp.instant
            }
            pruneSkips(attendee, &row.document)
            if stamp.position > row.document.lastChangedPosition {
                row.document.lastChangedPosition = stamp.position
                row.document.lastChangedAt = stamp.instant
            }
            row.lastChangedPosition = max(row.lastChangedPosition, stamp.position)
        }
    }
}
