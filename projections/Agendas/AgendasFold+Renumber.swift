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
    /// moved it up, if not yet written into its entry.
    var holders: [String]
    var stamps: [Stamp?]
}

extension AgendasFold {
    /// The waitlist of `session` is now `waitlist` after a departure from place `from` (0-based):
    /// everyone from there on moved up one place at `recorded`.
    func movedUp(_ session: String, from: Int, waitlist: [String], _ recorded: ProjectedEvent) {
        guard from < waitlist.count else { return }
        let stamp = PendingPlaces.Stamp(position: recorded.position, instant: recorded.instant)
        assert(pendingPlaces[session].map { $0.holders == waitlist } ?? true, "pending places out of step with the waitlist")
        pendingPlaces[session, default: PendingPlaces(holders: waitlist, stamps: Array(repeating: nil, count: waitlist.count))]
            .stamps.replaceSubrange(from..<waitlist.count, with: repeatElement(Optional(stamp), count: waitlist.count - from))
    }

    /// `attendee` joined the end of the waitlist of `session`.
    func joinedWaitlist(_ session: String, _ attendee: String) {
        guard pendingPlaces[session] != nil else { return }
        pendingPlaces[session]?.holders.append(attendee)
        pendingPlaces[session]?.stamps.append(nil)
    }

    /// `attendee` left the waitlist of `session` (every place they held): what was noted for
    /// them is moot, the same event rewrites their entry.
    func leftWaitlist(_ session: String, _ attendee: String) {
        guard let pending = pendingPlaces[session], pending.holders.contains(attendee) else { return }
        var kept = PendingPlaces(holders: [], stamps: [])
        kept.holders.reserveCapacity(pending.holders.count)
        kept.stamps.reserveCapacity(pending.holders.count)
        for (holder, stamp) in zip(pending.holders, pending.stamps) where holder != attendee {
            kept.holders.append(holder)
            kept.stamps.append(stamp)
        }
        pendingPlaces[session] = kept
    }

    /// Writes the places noted for `attendee` in `session` into their entry.
    func writePlaces(_ session: String, _ attendee: String) {
        guard let pending = pendingPlaces[session] else { return }
        var places: [(place: Int, stamp: PendingPlaces.Stamp)] = []
        for (index, holder) in pending.holders.enumerated() where holder == attendee {
            if let stamp = pending.stamps[index] { places.append((index, stamp)) }
        }
        // The latest counts (for someone on the list twice, the later place of the two).
        guard let last = places.max(by: { ($0.stamp.position, $0.place) < ($1.stamp.position, $1.place) }) else { return }
        write(attendee, session, place: last.place, last.stamp)
        for (index, _) in places { pendingPlaces[session]?.stamps[index] = nil }
        if pendingPlaces[session]?.stamps.contains(where: { $0 != nil }) == false { pendingPlaces[session] = nil }
    }

    /// Writes every place noted in `session`.
    func writePlaces(_ session: String) {
        guard let pending = pendingPlaces.removeValue(forKey: session) else { return }
        // Oldest first, as they happened (for someone on the list twice, the later place wins).
        var places: [(place: Int, stamp: PendingPlaces.Stamp)] = []
        for (index, stamp) in pending.stamps.enumerated() { if let stamp { places.append((index, stamp)) } }
        places.sort { ($0.stamp.position, $0.place) < ($1.stamp.position, $1.place) }
        for (place, stamp) in places { write(pending.holders[place], session, place: place, stamp) }
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
            AgendaSkips.prune(&row.document)
            if stamp.position > row.document.lastChangedPosition {
                row.document.lastChangedPosition = stamp.position
                row.document.lastChangedAt = stamp.instant
            }
            row.lastChangedPosition = max(row.lastChangedPosition, stamp.position)
        }
    }
}
