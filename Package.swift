// swift-tools-version:6.0
// citylab: an event-sourced system for the CityLab conference and the Summer Scholars program.
// No package dependencies: Foundation, Dispatch, Glibc and libpq (through CLibPQ) only.
import PackageDescription

let package = Package(
    name: "citylab",
    products: [
        .executable(name: "citylab", targets: ["citylab"]),
        .executable(name: "citylab-bench", targets: ["citylab-bench"]),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ"),
        .target(name: "CLinux", path: "Sources/CLinux"),

        // Libraries that know nothing of citylab
        .target(name: "Civil", path: "Sources/Civil"),
        .target(name: "Postgres", dependencies: ["CLibPQ", "Civil"], path: "Sources/Postgres"),
        .target(name: "HTTP", dependencies: ["CLinux"], path: "Sources/HTTP"),
        .target(name: "Arguments", path: "Sources/Arguments"),

        // The citylab core
        .target(name: "Events", dependencies: ["Civil"], path: "events", exclude: ["README.md"]),
        .target(name: "Domain", dependencies: ["Events", "Civil"], path: "Sources/Domain"),
        .target(
            name: "EventStore",
            dependencies: ["Postgres", "Events"],
            path: "Sources/EventStore",
            resources: [
                .embedInCode("sql/v001-event-store.sql"),
                .embedInCode("sql/v002-leaner-append.sql"),
                .embedInCode("sql/v003-one-statement-append.sql"),
                .embedInCode("sql/v004-generic-append-plans.sql"),
                .embedInCode("sql/v005-roles-and-authority.sql"),
                .embedInCode("sql/v006-staff-logins.sql"),
                .embedInCode("sql/v007-staff-adopts-logins-only.sql"),
                .embedInCode("sql/v008-staff-logins-server-wide.sql"),
                .embedInCode("sql/v009-batch-append-in-one-call.sql"),
            ]
        ),
        .target(
            name: "Projections",
            dependencies: ["Postgres", "EventStore", "Events", "Domain", "Civil"],
            path: "projections",
            exclude: ["README.md"],
            resources: [
                .embedInCode("sql/v100-projection-checkpoints.sql"),
                .embedInCode("sql/v101-attendees.sql"),
                .embedInCode("sql/v102-program.sql"),
                .embedInCode("sql/v103-agendas.sql"),
                .embedInCode("sql/v104-placements.sql"),
                .embedInCode("sql/v105-placement-periods.sql"),
                .embedInCode("sql/v106-read-model-privileges.sql"),
            ]
        ),
        .target(
            name: "Application",
            dependencies: ["Postgres", "EventStore", "Events", "Domain", "Projections"],
            path: "Sources/Application"
        ),
        .target(name: "ReadAPI", dependencies: ["HTTP", "Postgres", "Projections", "Events", "Domain"], path: "Sources/ReadAPI"),
        .executableTarget(
            name: "citylab",
            dependencies: ["Arguments", "Application", "ReadAPI", "HTTP", "Postgres", "EventStore", "Events", "Domain", "Projections"],
            path: "Sources/citylab"
        ),
        .executableTarget(
            name: "citylab-bench",
            dependencies: ["Application", "Postgres", "EventStore", "Events", "Domain", "Projections"],
            path: "Sources/citylab-bench"
        ),

        // Tests
        .target(name: "TestSupport", dependencies: ["Postgres", "Application", "EventStore", "Events"], path: "Tests/Support"),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Events", "Civil"]),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "Events", "TestSupport"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "TestSupport"]),
        .testTarget(name: "ReadAPITests", dependencies: ["ReadAPI", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "citylab"]),
    ]
)
