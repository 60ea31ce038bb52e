import Foundation

/// How long a command keeps deciding again after conflicts: until `budget` has passed since
/// the first attempt or `maxAttempts` attempts were made, whichever comes first. A count
/// alone gives up too early when many processes race for one stream on a slow machine (each
/// round has one winner); a time budget keeps the wait bounded whatever the machine.
public struct RetryPolicy: Sendable {
    public var budget: Duration
    public var maxAttempts: Int

    public init(budget: Duration = .seconds(30), maxAttempts: Int = 1_000) {
        self.budget = budget
        self.maxAttempts = maxAttempts
    }

    public static let standard = RetryPolicy()

    /// The environment variable that sets `budget` in milliseconds (0 gives up at the first conflict).
    public static let budgetVariable = "CITYLAB_RETRY_BUDGET_MS"

    /// `standard`, with the budget from `CITYLAB_RETRY_BUDGET_MS` when set (a usage error when
    /// it is not a whole number of milliseconds from 0 to 600000).
    public static func configured(environment: [String: String]) throws -> RetryPolicy {
        guard let text = environment[budgetVariable], !text.isEmpty else { return standard }
        guard let milliseconds = Int(text), (0...600_000).contains(milliseconds) else {
            throw AppError.usage(
                "\(budgetVariable) '\(text)' is not a number of milliseconds from 0 to 600000",
                hint: "set it to e.g. 30000 (the default, 30 s), or unset it")
        }
        var policy = standard
        policy.budget = .milliseconds(milliseconds)
        return policy
    }

    /// Starts counting; call `shouldRetry()` after each conflict.
    public func start() -> Attempts { Attempts(policy: self, started: ContinuousClock.now) }

    public struct Attempts {
        let policy: RetryPolicy
        let started: ContinuousClock.Instant
        /// Attempts made so far (the first one included once `shouldRetry` was asked).
        public private(set) var count = 1

        /// After a conflict: pauses (jittered backoff) and answers true when another attempt
        /// fits the budget; false when the caller should give up.
        public mutating func shouldRetry() -> Bool {
            guard count < policy.maxAttempts, ContinuousClock.now - started < policy.budget else { return false }
            Backoff.pause(attempt: count)
            count += 1
            return true
        }
    }
}

/// Full-jitter exponential backoff between retries (a blocking pause on the caller's thread,
/// never the cooperative pool): a random wait up to 1 ms · 2^attempt, at most 100 ms, so
/// racing processes spread out instead of colliding again in step.
enum Backoff {
    static func pause(attempt: Int) {
        let ceiling = min(100_000, 1_000 << min(attempt, 7))
        usleep(UInt32(Int.random(in: ceiling / 8...ceiling)))
    }
}
