/// One session of the sample's program as written: its day (0–2), local times, room,
/// capacity, track, how much it draws people (1–5) and its title.
struct SampleSessionSpec: Sendable {
    let day: Int
    let starts: String
    let ends: String
    let room: SampleStory.Room
    let capacity: Int
    let track: SampleStory.Track
    let appeal: Int
    let title: String
}

/// The 60 sessions of CityLab 2026: three days of plenaries and five parallel tracks in six
/// rooms, and the City Innovation Studio for 125 innovators on the second afternoon.
enum SampleProgramTable {
    private typealias R = SampleStory.Room
    private typealias T = SampleStory.Track

    private static func s(
        _ day: Int, _ starts: String, _ ends: String, _ room: R, _ capacity: Int, _ track: T, _ appeal: Int, _ title: String
    ) -> SampleSessionSpec {
        SampleSessionSpec(day: day, starts: starts, ends: ends, room: room, capacity: capacity, track: track, appeal: appeal, title: title)
    }

    static let sessions: [SampleSessionSpec] = dayOne + dayTwo + dayThree

    /// The session moved to Friday afternoon (index into `sessions`), and where it goes.
    static let rescheduled = (index: 11, day: 2, starts: "16:30", room: SampleStory.Room.andes, capacity: 80)
    /// The session called off (index into `sessions`).
    static let cancelled = 34

    private static let dayOne: [SampleSessionSpec] = [
        s(0, "09:00", "10:00", .main, 450, .plenary, 5, "Opening plenary: Cities that deliver — mayors on ten years of CityLab"),
        s(0, "10:30", "11:30", .andes, 140, .data, 4, "What Works Cities: from certification to everyday decisions"),
        s(0, "10:30", "11:30", .caribe, 90, .teams, 3, "Inside an i-team: the first hundred days"),
        s(0, "10:30", "11:30", .pacifico, 60, .civic, 2, "Participatory budgeting that reaches renters"),
        s(0, "10:30", "11:30", .monserrate, 36, .financial, 4, "Financial Empowerment Centers: counseling at city scale"),
        s(0, "11:45", "12:45", .andes, 140, .infrastructure, 3, "Local Infrastructure Hub: winning federal funds for small cities"),
        s(0, "11:45", "12:45", .caribe, 90, .mobility, 5, "Autonomous vehicles in cities: what mayors learned since 2017"),
        s(0, "11:45", "12:45", .pacifico, 60, .data, 2, "Open data that residents actually use"),
        s(0, "11:45", "12:45", .studio, 40, .studio, 3, "Human-centered design warm-up for innovators"),
        s(0, "14:00", "15:00", .andes, 140, .civic, 3, "Cities of Service: impact volunteering after the pandemic"),
        s(0, "14:00", "15:00", .caribe, 90, .teams, 4, "Mayors Challenge winners: from idea to citywide program"),
        s(0, "14:00", "15:00", .pacifico, 60, .mobility, 4, "Safe streets for children: school zones redesigned"),
        s(0, "14:00", "15:00", .monserrate, 36, .data, 4, "Evaluating what works: randomized trials in city hall"),
        s(0, "15:15", "16:15", .andes, 140, .financial, 2, "Debt relief and the city: lessons from Financial Empowerment Centers"),
        s(0, "15:15", "16:15", .caribe, 90, .infrastructure, 3, "Heat-ready neighborhoods: trees, roofs and cooling centers"),
        s(0, "15:15", "16:15", .pacifico, 60, .studio, 3, "Prototyping public services with residents"),
        s(0, "15:15", "16:15", .studio, 40, .teams, 5, "Care Blocks: bringing care services to women's doorsteps in Bogotá"),
        s(0, "16:30", "17:30", .main, 450, .plenary, 4, "The Mayors Challenge: bold ideas in five minutes each"),
        s(0, "16:30", "17:30", .monserrate, 36, .civic, 3, "Artists in residence at city hall"),
        s(0, "16:30", "17:30", .pacifico, 60, .data, 2, "Dashboards mayors read: performance management that sticks"),
    ]

    private static let dayTwo: [SampleSessionSpec] = [
        s(1, "09:00", "10:00", .main, 450, .plenary, 5, "Morning plenary: Trust as infrastructure"),
        s(1, "10:30", "11:30", .andes, 140, .teams, 4, "Bloomberg Harvard City Leadership: leading across boundaries"),
        s(1, "10:30", "11:30", .caribe, 90, .data, 3, "Sharing data across agencies without breaking trust"),
        s(1, "10:30", "11:30", .pacifico, 60, .financial, 3, "Guaranteed income pilots: what the evidence says"),
        s(1, "10:30", "11:30", .monserrate, 36, .mobility, 3, "Micromobility permits that work"),
        s(1, "11:45", "12:45", .andes, 140, .civic, 5, "Digital services for 4 million people: Mexico City's playbook"),
        s(1, "11:45", "12:45", .caribe, 90, .infrastructure, 3, "Water, floods and green infrastructure in Andean cities"),
        s(1, "11:45", "12:45", .pacifico, 60, .teams, 4, "Reykjavík redesigns its services for children and families"),
        s(1, "11:45", "12:45", .monserrate, 36, .data, 3, "Procurement as a lever: buying for outcomes"),
        s(1, "14:00", "17:30", .studio, 125, .studio, 5, "City Innovation Studio: 125 innovators, one afternoon"),
        s(1, "14:00", "15:00", .andes, 140, .mobility, 4, "Autonomous shuttles on public roads: pilots and pitfalls"),
        s(1, "14:00", "15:00", .caribe, 90, .civic, 4, "Salt Lake City: making civic engagement part of how the city works"),
        s(1, "14:00", "15:00", .pacifico, 60, .data, 4, "AI in city hall: guardrails for public-sector use"),
        s(1, "15:15", "16:15", .andes, 140, .infrastructure, 2, "Paying for resilience: bonds, grants and partnerships"),
        s(1, "15:15", "16:15", .caribe, 90, .financial, 3, "Tax time: free filing sites that bring money home"),
        s(1, "15:15", "16:15", .pacifico, 60, .financial, 2, "Banking the unbanked: municipal ID and safe accounts"),
        s(1, "15:15", "16:15", .monserrate, 36, .civic, 3, "Volunteers in emergency response"),
        s(1, "16:30", "17:30", .andes, 140, .teams, 3, "Scaling an idea: from pilot to policy"),
        s(1, "16:30", "17:30", .caribe, 90, .data, 3, "Measuring street safety with computer vision"),
        s(1, "16:30", "17:30", .pacifico, 60, .mobility, 3, "Bus lanes in 90 days: tactical transit"),
    ]

    private static let dayThree: [SampleSessionSpec] = [
        s(2, "09:00", "10:00", .main, 450, .plenary, 5, "Morning plenary: Cities and climate — what works now"),
        s(2, "10:30", "11:30", .andes, 140, .data, 4, "What Works Cities certification: a peer clinic"),
        s(2, "10:30", "11:30", .caribe, 90, .mobility, 3, "Freight, delivery robots and the curb"),
        s(2, "10:30", "11:30", .pacifico, 60, .civic, 3, "Resident panels and citizens' assemblies"),
        s(2, "10:30", "11:30", .studio, 40, .studio, 4, "Journey mapping for city services (workshop)"),
        s(2, "11:45", "12:45", .andes, 140, .teams, 3, "Innovation teams in small and mid-sized cities"),
        s(2, "11:45", "12:45", .caribe, 90, .financial, 3, "Protecting residents from predatory lending"),
        s(2, "11:45", "12:45", .pacifico, 60, .infrastructure, 3, "Broadband for every block"),
        s(2, "11:45", "12:45", .monserrate, 36, .data, 3, "Evidence in budget season"),
        s(2, "14:00", "15:00", .andes, 140, .civic, 3, "Libraries as civic infrastructure"),
        s(2, "14:00", "15:00", .caribe, 90, .infrastructure, 2, "Maintaining what we build: asset management"),
        s(2, "14:00", "15:00", .studio, 40, .studio, 4, "Testing with residents: a rapid prototyping lab"),
        s(2, "14:00", "15:00", .monserrate, 36, .mobility, 4, "Autonomous vehicles and accessibility: designing for every rider"),
        s(2, "15:15", "16:15", .andes, 140, .teams, 4, "Summer Scholars: five students, four city halls"),
        s(2, "15:15", "16:15", .caribe, 90, .teams, 4, "Public innovation labs: iBO and its peers compare notes"),
        s(2, "15:15", "16:15", .pacifico, 60, .financial, 2, "Financial coaching inside city services"),
        s(2, "15:15", "16:15", .studio, 40, .studio, 3, "Studio showcase: prototypes from the week"),
        s(2, "16:30", "17:30", .main, 450, .plenary, 5, "Closing plenary: What works, and what's next"),
        s(2, "16:30", "17:30", .caribe, 90, .civic, 3, "Artists and urbanists co-designing public space"),
        s(2, "16:30", "17:30", .pacifico, 60, .mobility, 2, "Curbside pilots for deliveries and pick-ups"),
    ]
}
