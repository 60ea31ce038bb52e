import Events

extension Session {
    /// The session `id` as scheduled; refused when it was never scheduled.
    static func scheduled(_ id: SessionID, _ streams: some StreamReader) throws -> (State, SessionScheduled) {
        let state = try streams.state(Session.self, .session(id))
        guard let scheduled = state.scheduled else {
            throw Rejection("unknown-session", "there is no session \(id)", hint: "see 'citylab session list' for the program")
        }
        return (state, scheduled)
    }

    /// The session `id`, refused also when it was cancelled.
    static func active(_ id: SessionID, _ streams: some StreamReader) throws -> (State, SessionScheduled) {
        let (state, scheduled) = try Session.scheduled(id, streams)
        guard !state.isCancelled else {
            throw Rejection(
                "session-cancelled", "'\(scheduled.title)' (\(id)) was cancelled",
                hint: "choose another session from 'citylab session list'")
        }
        return (state, scheduled)
    }

    /// "'Title' (ses_…, 2026-10-14T10:00–11:00 America/New_York)", for messages.
    static func describe(_ id: SessionID, _ streams: some StreamReader) throws -> String {
        let state = try streams.state(Session.self, .session(id))
        guard let scheduled = state.scheduled else { return id.rawValue }
        let when = (try? Edition.load(scheduled.conference, streams)).map { $0.text(state.span) }
        return "'\(scheduled.title)' (\(id)\(when.map { ", " + $0 } ?? ""))"
    }
}
