import Domain
import Events

/// A session of the sample as scheduled: its spec, a seeded id and named speakers.
struct SampleSession: Sendable {
    let index: Int
    let id: SessionID
    let spec: SampleSessionSpec
    let speakers: [String]
    /// Minutes from the first day's midnight (one zone, no daylight saving in Bogotá):
    /// enough to keep each attendee's picks apart.
    let minutes: Range<Int>

    init(index: Int, id: SessionID, spec: SampleSessionSpec, speakers: [String]) {
        (self.index, self.id, self.spec, self.speakers) = (index, id, spec, speakers)
        minutes = Self.minute(spec.day, spec.starts)..<Self.minute(spec.day, spec.ends)
    }

    /// `YYYY-MM-DDTHH:MM` in the edition's zone, as `session schedule` takes it.
    var startsText: String { "\(SampleStory.days[spec.day])T\(spec.starts)" }
    var endsText: String { "\(SampleStory.days[spec.day])T\(spec.ends)" }

    static func minute(_ day: Int, _ time: String) -> Int {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        return day * 1_440 + (parts.first ?? 0) * 60 + (parts.dropFirst().first ?? 0)
    }
}

/// The sample's program: `SampleProgramTable` with seeded ids and speakers drawn from the
/// cast (speakers first, mayors on plenaries, academics and innovators on panels).
enum SampleProgram {
    static func make(seed: UInt64, cast: [SampleAttendee]) -> [SampleSession] {
        var random = SampleRandom(seed: seed, label: "program")
        var ids = SampleRandom(seed: seed, label: "session-ids")
        let speakers = cast.filter { $0.role == .speaker }
        let mayors = cast.filter { $0.role == .mayor }
        let panelists = cast.filter { $0.role == .academic || $0.role == .cityInnovator || $0.role == .urbanist }
        var used: Set<String> = []
        return SampleProgramTable.sessions.enumerated().map { index, spec in
            var suffix = ids.suffix()
            while used.contains(suffix) { suffix = ids.suffix() }
            used.insert(suffix)
            var names: [String] = []
            let count = spec.track == .plenary ? 4 : random.between(1...3)
            for slot in 0..<count {
                let person: SampleAttendee
                if spec.track == .plenary, slot > 0 {
                    person = random.pick(mayors)
                } else if slot == 0 || panelists.isEmpty {
                    person = random.pick(speakers.isEmpty ? cast : speakers)
                } else {
                    person = random.pick(panelists)
                }
                let name = person.role == .mayor ? "Mayor \(person.name)" : person.name
                if !names.contains(name) { names.append(name) }
            }
            return SampleSession(index: index, id: SessionID.make(suffix: suffix), spec: spec, speakers: names)
        }
    }
}
