import Dispatch
import Domain
import EventStore
import Events

/// The CityLab sample: CityLab 2026 in Bogotá (600 attendees, 60 sessions in 6 rooms, full
/// sessions with waitlists, cancellations, a moved session, check-ins) and the 2026 Summer
/// Scholars (five scholars in four city halls), generated from a fixed seed with no clock,
/// network or system randomness, and loaded through the real deciders and
/// `EventStore.append`, many decisions per append.
///
/// Loading is idempotent: every step commits under its own command id (`sample-<seed>-<step>`)
/// and a final marker keeps the summary, so a second load appends nothing and an interrupted
/// one resumes where it stopped. The showcase attendees' agenda tokens are derived from the
/// seed: **public knowledge, for the sample only**.
public enum CityLabSample {
    public static let defaultSeed = SampleStory.defaultSeed

    /// Loads the sample into `store` (migrated) and returns what it holds. `progress` gets a
    /// line per step that runs. Throws `Rejection` when the database already holds something
    /// the sample contradicts (e.g. the edition with other dates), `ConflictPersisted` when
    /// others keep writing the same streams, and database errors.
    public static func load(
        store: EventStore, context: CommandContext, seed: UInt64 = defaultSeed, progress: (String) -> Void = { _ in }
    ) throws -> SampleSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000) }
        let plan = try SamplePlan(seed: seed)
        // One load at a time per database: a second one (two demos started together) waits,
        // then finds every step done. Session-level lock, released on return or disconnect.
        try store.connection.execute("SELECT pg_advisory_lock(7243002)")
        defer { _ = try? store.connection.execute("SELECT pg_advisory_unlock(7243002)") }
        let runner = SampleRunner(log: SampleLog(store: store), context: context, seed: seed)
        let marker = runner.commandID("loaded")
        if let stored = try store.commandResult(marker)?["summary"],
            var summary = SampleSummary(stored: stored, attendees: plan.attendeesByID)
        {
            summary.position = try store.head().position
            summary.milliseconds = elapsed()
            return summary
        }
        progress("Reading what is already there")
        try runner.log.prefetch(plan.streamNames)
        var appended = 0
        for step in plan.steps {
            appended += try runner.run(step, progress: progress)
        }
        var summary = try SampleTally(plan: plan, reader: SampleStepReader(log: runner.log)).summary()
        _ = try store.append(
            AppendBatch(
                commandID: marker, expectations: [:], events: [],
                metadata: EventMetadata(actor: context.actor, commandID: marker, command: "sample load", source: context.source),
                result: ["id": .string(marker), "message": .string("Loaded the CityLab sample."), "summary": summary.stored]))
        summary.eventsAppended = appended
        summary.position = try store.head().position
        summary.milliseconds = elapsed()
        return summary
    }
}
