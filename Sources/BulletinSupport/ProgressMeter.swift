import Foundation

/// How far a long stage is: `done` of `total` steps.
public struct StageProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case images, pdfs
    }

    public var stage: Stage
    public var done: Int
    public var total: Int

    public init(stage: Stage, done: Int, total: Int) {
        (self.stage, self.done, self.total) = (stage, done, total)
    }
}

/// Counts the steps of a stage done on several threads, and tells how far it is once it has run
/// for a second, then at most once a second, and at its end: a stage that is over within a second
/// says nothing.
package final class ProgressMeter: @unchecked Sendable {
    private let stage: StageProgress.Stage
    private let total: Int
    private let report: @Sendable (StageProgress) -> Void
    private let start = Date()
    private let interval: TimeInterval
    // Guarded by `lock`.
    private var done = 0
    private var lastReport: Date?
    private let lock = NSLock()

    package init(_ stage: StageProgress.Stage, total: Int, interval: TimeInterval = 1, report: @escaping @Sendable (StageProgress) -> Void) {
        (self.stage, self.total, self.interval, self.report) = (stage, total, interval, report)
    }

    package func step() {
        let now = Date()
        let due: Int? = lock.withLock {
            done += 1
            guard now.timeIntervalSince(lastReport ?? start) >= interval, done < total else { return nil }
            lastReport = now
            return done
        }
        if let due { report(StageProgress(stage: stage, done: due, total: total)) }
    }

    /// Tells the end, when something was told before.
    package func finish() {
        let told = lock.withLock { lastReport != nil }
        if told { report(StageProgress(stage: stage, done: total, total: total)) }
    }
}
