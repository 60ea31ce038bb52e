/// What `/health` reports, as of the last refresh: whether the database answered, and each
/// projection's position and lag (events behind the log head).
struct HealthState: Sendable, Equatable {
    var isDatabaseUp = false
    var projections: [String: Int64] = [:]
    var head: Int64 = 0
    /// The head's hash, published by `/log/head` (empty until the first refresh).
    var headHash: [UInt8] = []

    /// `{"database":"up","projections":{NAME:{"lag":n,"position":n}},"status":"ok"}` (sorted keys).
    var json: [UInt8] {
        var text = "{\"database\":\"\(isDatabaseUp ? "up" : "down")\",\"projections\":{"
        text += projections.keys.sorted().map { name in
            let position = projections[name] ?? 0
            return "\"\(name)\":{\"lag\":\(max(0, head - position)),\"position\":\(position)}"
        }.joined(separator: ",")
        text += "},\"status\":\"\(isDatabaseUp ? "ok" : "unavailable")\"}"
        return Array(text.utf8)
    }
}

/// What one refresh read from the database in a single snapshot.
struct Refresh: Sendable {
    /// Every projection's checkpoint, and the log head.
    var checkpoints: [String: Int64]
    var head: Int64
    var headHash: [UInt8]
    /// Agendas changed since the cache's position (nil: not read, nothing moved).
    var agendas: [CachedAgenda]?
    /// All agendas were read (the first load, when they fit the capacity).
    var isFullAgendaLoad = false
    /// The first load found more agendas than the capacity: serve them through the workers.
    var isOverCapacity = false
    /// The rebuilt program (nil: the program projection did not move).
    var program: ProgramSnapshot?

    var agendasPosition: Int64 { checkpoints["agendas"] ?? 0 }
    var programPosition: Int64 { checkpoints["program"] ?? 0 }
}
