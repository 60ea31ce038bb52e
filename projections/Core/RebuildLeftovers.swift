import Foundation

/// What a finished rebuild held in memory (its folds: every row of every table), freed on a
/// thread of its own once the swap has committed, so the caller need not wait while hundreds of
/// thousands of rows are taken apart.
///
/// The folds are used by the rebuild until it hands them over here, then only by the releasing
/// thread (the `@unchecked Sendable` rests on that); this holds the last references to them.
final class RebuildLeftovers: @unchecked Sendable {
    private var folds: [any ProjectionFold]
    private var lanes: FoldLanes?

    init(_ folds: [any ProjectionFold], _ lanes: FoldLanes) {
        self.folds = folds
        self.lanes = lanes
    }

    /// Releases still running, for `Rebuilder.waitForFreedMemory`.
    static let inFlight = DispatchGroup()

    /// Drops the folds on a new thread.
    func release() {
        Self.inFlight.enter()
        let thread = Thread { [self] in
            folds = []
            lanes = nil
            Self.inFlight.leave()
        }
        thread.name = "citylab.rebuild.release"
        thread.start()
    }
}
