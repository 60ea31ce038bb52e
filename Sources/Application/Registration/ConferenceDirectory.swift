import Domain
import EventStore
import Events

/// Finds the edition a command is about: the one given (which must exist), or the only one open.
public enum ConferenceDirectory {
    public static func editions(_ store: EventStore) throws -> [ConferenceOpened] {
        try store.read(types: [ConferenceOpened.eventType]).compactMap { try $0.decoded() as? ConferenceOpened }
    }

    public static func resolve(_ explicit: String?, store: EventStore) throws -> ConferenceID {
        if let explicit {
            guard let id = ConferenceID(explicit) else {
                throw Rejection(
                    "invalid-conference", "--conference '\(explicit)' is not an edition id",
                    hint: "use 2–63 lowercase letters, digits and '-', e.g. --conference citylab-2026")
            }
            guard try !store.readStream(.conference(id)).events.isEmpty else {
                let open = try editions(store).map(\.conference.rawValue)
                throw Rejection(
                    "unknown-conference", "there is no edition \(id)",
                    hint: open.isEmpty
                        ? "open it with 'citylab conference open --id \(id) …'"
                        : "check --conference; the editions are: \(open.joined(separator: ", "))")
            }
            return id
        }
        let open = try editions(store).map(\.conference)
        switch open.count {
        case 0:
            throw Rejection("no-conference", "no edition is open yet", hint: "open one with 'citylab conference open --id citylab-2026 …'")
        case 1:
            return open[0]
        default:
            // Which one is a value only the organizer can give: a missing value (usage, exit 2).
            throw AppError.usage(
                "several editions are open (\(open.map(\.rawValue).joined(separator: ", "))): missing --conference",
                hint: "pass --conference ID, e.g. --conference \(open[open.count - 1])")
        }
    }
}
