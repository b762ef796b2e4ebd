import Foundation
import Testing
@testable import BulletinSupport

/// A long stage tells how far it is; a short one says nothing.
@Suite struct ProgressMeterTests {
    final class Told: @unchecked Sendable {
        private var values: [StageProgress] = []
        private let lock = NSLock()
        func add(_ progress: StageProgress) { lock.withLock { values.append(progress) } }
        var all: [StageProgress] { lock.withLock { values } }
    }

    @Test func aStageOverWithinItsIntervalSaysNothing() {
        let told = Told()
        let meter = ProgressMeter(.images, total: 5, interval: 60, report: told.add)
        for _ in 0 ..< 5 { meter.step() }
        meter.finish()
        #expect(told.all.isEmpty)
    }

    @Test func aLongStageTellsEachStepAfterTheIntervalThenItsEnd() {
        let told = Told()
        let meter = ProgressMeter(.pdfs, total: 4, interval: 0, report: told.add)
        Array(0 ..< 4).parallelMap { _ in meter.step() }
        meter.finish()
        let all = told.all
        #expect(all.last == StageProgress(stage: .pdfs, done: 4, total: 4))
        #expect(all.dropLast().map(\.done).sorted() == [1, 2, 3])
    }
}
