import Domain
import Events
import Foundation

extension AgendasFold {
    func apply(_ recorded: ProjectedEvent) {
        // The most frequent first: each case is a cast tried in turn.
        switch recorded.event {
        case let waitlisted as Waitlisted:
            var position = 0
            changeSession(waitlisted.session) {
                $0.waitlist.append(waitlisted.attendee.rawValue)
                position = $0.waitlist.count
            }
            joinedWaitlist(waitlisted.session.rawValue, waitlisted.attendee.rawValue)
            enter(waitlisted.attendee, waitlisted.session, status: .waitlisted, position: position, recorded)
        case let released as SeatReleased:
            changeSession(released.session) {
                $0.seats.removeAll { $0 == released.attendee.rawValue }
                $0.setJoined(released.attendee.rawValue, nil)
            }
            remove(released.attendee, released.session, recorded)
        case let registered as AttendeeRegistered: register(registered, recorded)
        case let taken as SeatTaken:
            changeSession(taken.session) { $0.seats.append(taken.attendee.rawValue) }
            enter(taken.attendee, taken.session, status: .seat, position: nil, recorded)
        case let promoted as PromotedFromWaitlist:
            leaveWaitlist(promoted.session, promoted.attendee, recorded)
            changeSession(promoted.session) { $0.seats.append(promoted.attendee.rawValue) }
            modifyEntry(promoted.attendee.rawValue, promoted.session.rawValue, recorded) { entry, _ in
                entry.status = .seat
                entry.waitlistPosition = nil
                entry.flags.removeAll { $0.kind == .skipped }
            }
        case let checkedIn as AttendeeCheckedIn:
            modify(checkedIn.attendee.rawValue, recorded) { $0.document.status = .checkedIn }
        case let left as WaitlistLeft:
            leaveWaitlist(left.session, left.attendee, recorded)
            changeSession(left.session) { $0.setJoined(left.attendee.rawValue, nil) }
            remove(left.attendee, left.session, recorded)
        case let opened as ConferenceOpened:
            let edition = AgendaDocument.Edition(
                id: opened.conference.rawValue, name: opened.name, city: opened.city, timeZone: opened.timeZone)
            editions.put(AgendaEditionRow(conference: opened.conference.rawValue, state: edition))
        case let cancelled as AttendeeCancelled:
            modify(cancelled.attendee.rawValue, recorded) { $0.document.status = .cancelled }
        case let reissued as AgendaLinkReissued:
            modify(reissued.attendee.rawValue, recorded) { $0.tokenHash = reissued.tokenHash }
        case let s as SessionScheduled:
            writePlaces(s.session.rawValue)
            let state = AgendaSessionRow.State(
                conference: s.conference.rawValue, title: s.title, room: s.room, track: s.track, speakers: s.speakers,
                starts: Instant.seconds(s.starts), ends: Instant.seconds(s.ends), isCancelled: false, sequence: 0, seats: [], waitlist: [],
                history: [], joined: [])
            sessions.put(AgendaSessionRow(session: s.session.rawValue, state: state))
        case let moved as SessionRescheduled: reschedule(moved, recorded)
        case let cancelled as SessionCancelled: cancel(cancelled, recorded)
        case let skipped as WaitlistSkipped:
            let other = sessions[skipped.clashesWith.rawValue]?.state.title ?? skipped.clashesWith.rawValue
            skippedOnce.insert(skipped.attendee.rawValue)
            modifyEntry(skipped.attendee.rawValue, skipped.session.rawValue, recorded) { entry, _ in
                entry.flags.removeAll { $0.kind == .skipped }
                entry.flags.append(
                    AgendaDocument.Flag(
                        kind: .skipped, message: "skipped on the waitlist while it clashes with '\(other)'",
                        session: skipped.clashesWith.rawValue))
            }
        default: break
        }
    }

    private func register(_ registered: AttendeeRegistered, _ recorded: ProjectedEvent) {
        let conference = registered.conference.rawValue
        let edition =
            editions[conference]?.state ?? AgendaDocument.Edition(id: conference, name: conference, city: "", timeZone: "UTC")
        let document = AgendaDocument(
            attendee: registered.attendee.rawValue, name: registered.name, status: .registered, edition: edition, sessions: [],
            lastChangedPosition: recorded.position, lastChangedAt: recorded.instant)
        agendas.put(
            AgendaRow(
                attendee: registered.attendee.rawValue, conference: conference, email: registered.email, tokenHash: registered.tokenHash,
                lastChangedPosition: recorded.position, document: document))
    }

    private func changeSession(_ session: SessionID, _ change: (inout AgendaSessionRow.State) -> Void) {
        sessions.update(session.rawValue) { change(&$0.state) }
    }

    /// Removes the attendee from the waitlist; everyone after them moves up one place (written
    /// into their entries later, `AgendasFold+Renumber.swift`).
    private func leaveWaitlist(_ session: SessionID, _ attendee: AttendeeID, _ recorded: ProjectedEvent) {
        var from = Int.max
        var waitlist: [String] = []
        changeSession(session) { state in
            from = state.waitlist.firstIndex(of: attendee.rawValue) ?? Int.max
            state.waitlist.removeAll { $0 == attendee.rawValue }
            waitlist = state.waitlist
        }
        leftWaitlist(session.rawValue, attendee.rawValue)
        movedUp(session.rawValue, from: from, waitlist: waitlist, recorded)
    }

    private func enter(_ attendee: AttendeeID, _ session: SessionID, status: AgendaEntryStatus, position: Int?, _ recorded: ProjectedEvent)
    {
        writePlaces(session.rawValue, attendee.rawValue)
        // The entry is made from the session's row where it lies (a copy of the row would share
        // its lists, and `setJoined` would then copy them).
        var made: AgendaDocument.Entry?
        changeSession(session) { state in
            state.setJoined(attendee.rawValue, state.sequence)
            made = AgendaDocument.Entry(
                session: session.rawValue, title: state.title, room: state.room, track: state.track, speakers: state.speakers,
                starts: state.starts, ends: state.ends, startsLocal: "", endsLocal: "", status: status, waitlistPosition: position,
                flags: [], sequence: state.sequence, lastChangedPosition: recorded.position, lastChangedAt: recorded.instant)
        }
        guard var entry = made else { return }
        modify(attendee.rawValue, recorded) { row in
            let tz = self.zone(row.document.edition.timeZone)
            entry.startsLocal = self.local(entry.starts, tz)
            entry.endsLocal = self.local(entry.ends, tz)
            row.document.sessions.removeAll { $0.session == session.rawValue }
            row.document.sessions.append(entry)
        }
    }

    private func remove(_ attendee: AttendeeID, _ session: SessionID, _ recorded: ProjectedEvent) {
        writePlaces(session.rawValue, attendee.rawValue)
        modify(attendee.rawValue, recorded) { $0.document.sessions.removeAll { $0.session == session.rawValue } }
    }

    /// Moves the session on every holder's agenda; the "moved" flag says where it was when they
    /// signed up (no flag once it is back there).
    private func reschedule(_ moved: SessionRescheduled, _ recorded: ProjectedEvent) {
        writePlaces(moved.session.rawValue)
        guard let before = sessions[moved.session.rawValue]?.state else { return }
        let now = AgendaSessionRow.Slot(starts: Instant.seconds(moved.starts), ends: Instant.seconds(moved.ends), room: moved.room)
        let history = before.history + [AgendaSessionRow.Slot(starts: before.starts, ends: before.ends, room: before.room)]
        changeSession(moved.session) {
            $0.history = history
            $0.room = now.room
            $0.starts = now.starts
            $0.ends = now.ends
            $0.sequence += 1
        }
        // The same times and message for every holder in a zone who signed up at the same
        // sequence: spelled once each.
        var spelled: [Spelling: (startsLocal: String, endsLocal: String, message: String?)] = [:]
        // `before.joined(_:)` for every holder at once: the first record of each counts (most
        // sessions have none: everyone signed up before any reschedule).
        var signedUp: [String: Int] = [:]
        signedUp.reserveCapacity(before.joined.count)
        for record in before.joined where signedUp[record.attendee] == nil { signedUp[record.attendee] = record.sequence }
        var last: (key: Spelling, local: (startsLocal: String, endsLocal: String, message: String?))?
        // Seats then the waitlist, without a list of both.
        for holder in [before.seats, before.waitlist].joined() {
            let joined = min(signedUp.isEmpty ? 0 : signedUp[holder] ?? 0, history.count - 1)
            changeEntry(holder, moved.session.rawValue, recorded) { entry, zone in
                let key = Spelling(zone: zone.identifier, joined: joined)
                let local =
                    last.flatMap { $0.key == key ? $0.local : nil } ?? spelled[key]
                    ?? {
                        let local = (
                            self.local(now.starts, zone), self.local(now.ends, zone),
                            AgendaTimes.moved(from: history[joined], to: now, zone, local: self.local)
                        )
                        spelled[key] = local
                        return local
                    }()
                last = (key, local)
                entry.room = now.room
                entry.starts = now.starts
                entry.ends = now.ends
                entry.startsLocal = local.startsLocal
                entry.endsLocal = local.endsLocal
                entry.sequence = before.sequence + 1
                entry.flags.removeAll { $0.kind == .moved }
                if let message = local.message { entry.flags.append(AgendaDocument.Flag(kind: .moved, message: message, session: nil)) }
            }
        }
    }

    /// Holders in one zone who signed up at one sequence see the same reschedule.
    private struct Spelling: Hashable {
        let zone: String
        let joined: Int
    }

    private func cancel(_ cancelled: SessionCancelled, _ recorded: ProjectedEvent) {
        writePlaces(cancelled.session.rawValue)
        guard let before = sessions[cancelled.session.rawValue]?.state else { return }
        changeSession(cancelled.session) {
            $0.isCancelled = true
            $0.seats = []
            $0.waitlist = []
            $0.joined = []
        }
        let message = "cancelled" + (cancelled.reason.map { ": \($0)" } ?? "")
        for holder in [before.seats, before.waitlist].joined() {
            changeEntry(holder, cancelled.session.rawValue, recorded) { entry, _ in
                entry.status = .cancelled
                entry.waitlistPosition = nil
                entry.flags.removeAll { $0.kind == .skipped }
                entry.flags.append(AgendaDocument.Flag(kind: .cancelled, message: message, session: nil))
            }
        }
    }
}
