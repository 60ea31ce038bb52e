import Events

/// A command's result as CONTRACT prints it: `events` (type, stream, version, position) and
/// `position`, the last event's. The store keeps it without per-event positions — they are
/// only known under the head lock — and they follow from the last one: the events of one
/// append take consecutive positions, in order.
enum AppendResult {
    static func completed(_ result: JSONValue) -> JSONValue {
        guard case .object(var members) = result, let last = members["position"]?.intValue, case .array(let events)? = members["events"]
        else { return result }
        let first = last - Int64(events.count) + 1
        members["events"] = .array(
            events.enumerated().map { index, event in
                guard case .object(var fields) = event, fields["position"] == nil else { return event }
                fields["position"] = .int(first + Int64(index))
                return .object(fields)
            })
        return .object(members)
    }
}
