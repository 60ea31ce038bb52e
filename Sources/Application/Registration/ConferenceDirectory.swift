import Domain
import EventStore
import Events

/// Finds the edition a command is about: the one given, or the only one open.
public enum ConferenceDirectory {
    public static func editions(_ store: EventStore) throws -> [ConferenceOpened] {
        try store.read(types: [ConferenceOpened.eventType]).compactMap { try $0.decoded() as? ConferenceOpened }
    }

    public static func resolve(_ explicit: String?, store: EventStore) throws -> ConferenceID {
        if let explicit {
            guard let id = ConferenceID(explicit) else {
                throw Rejection("invalid-conference", "'\(explicit)' is not an edition id", hint: "list editions with 'citylab events --stream conference-…'")
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
            throw Rejection(
                "ambiguous-conference", "several editions are open (\(open.map(\.rawValue).joined(separator: ", ")))",
                hint: "pass --conference ID")
        }
    }
}
