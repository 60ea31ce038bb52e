/// The last few NOTICE/WARNING messages of one connection, kept instead of printing them to
/// stderr (libpq's default). Touched only by the connection's owner thread, inside libpq calls.
final class NoticeLog {
    let limit: Int
    private(set) var entries: [String] = []

    init(limit: Int) {
        self.limit = limit
    }

    func append(_ message: String) {
        entries.append(message)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    func removeAll() {
        entries.removeAll()
    }
}
