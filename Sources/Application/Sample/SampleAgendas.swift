import Domain

/// Who asks for which session, and in what order: each attendee picks, slot by slot, a few
/// sessions that suit their role and never overlap one another (the overlap rule would
/// refuse them), city innovators mostly go to the City Innovation Studio, and everyone's
/// requests are shuffled together so waitlists fill in a believable order.
enum SampleAgendas {
    struct Request: Sendable, Equatable {
        let attendee: Int
        let session: Int
    }

    static func requests(seed: UInt64, cast: [SampleAttendee], program: [SampleSession]) -> [Request] {
        var random = SampleRandom(seed: seed, label: "agendas")
        let starts = Array(Set(program.map(\.minutes.lowerBound))).sorted()
        let studio = program.first { $0.spec.track == .studio && $0.spec.capacity >= 100 }
        var requests: [Request] = []
        for person in cast {
            var picked: [SampleSession] = []
            if let studio, person.role == .cityInnovator, random.chance(75) { picked.append(studio) }
            for start in starts {
                let candidates = program.filter { session in
                    session.minutes.lowerBound == start && !picked.contains { $0.minutes.overlaps(session.minutes) }
                }
                guard !candidates.isEmpty else { continue }
                let isPlenarySlot = candidates.allSatisfy { $0.spec.track == .plenary }
                guard random.chance(percent(person.role, plenary: isPlenarySlot)) else { continue }
                let weights = candidates.map { $0.spec.appeal * affinity(person.role, $0.spec.track) }
                picked.append(candidates[random.weighted(weights)])
            }
            requests += picked.map { Request(attendee: person.index, session: $0.index) }
        }
        return random.shuffled(requests)
    }

    /// How likely someone in `role` is to sign up for something in a slot.
    private static func percent(_ role: Role, plenary: Bool) -> Int {
        switch role {
        case .staff: return plenary ? 20 : 8
        case .press: return plenary ? 80 : 25
        case .mayor: return plenary ? 75 : 30
        default: return plenary ? 60 : 32
        }
    }

    /// How much a track draws someone in `role` (1 = no preference).
    private static func affinity(_ role: Role, _ track: SampleStory.Track) -> Int {
        switch (role, track) {
        case (.mayor, .plenary), (.mayor, .teams), (.mayor, .financial): return 3
        case (.cityInnovator, .teams), (.cityInnovator, .studio), (.cityInnovator, .data): return 3
        case (.cityInnovator, .civic): return 2
        case (.artist, .civic): return 4
        case (.artist, .studio): return 2
        case (.funder, .financial): return 3
        case (.funder, .data), (.funder, .teams): return 2
        case (.academic, .data): return 3
        case (.academic, .civic), (.academic, .financial): return 2
        case (.urbanist, .mobility), (.urbanist, .infrastructure): return 3
        case (.urbanist, .civic): return 2
        case (.press, .plenary): return 3
        case (.press, .mobility): return 2
        default: return 1
        }
    }
}
