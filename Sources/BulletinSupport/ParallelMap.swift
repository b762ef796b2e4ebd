import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores. Each index is written by exactly one iteration, so the shared
    /// buffer needs no lock.
    package func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(self[index])
            }
        }
        return results.map { $0! }
    }
}

/// A value made on another thread while the caller goes on; `value` waits for it.
package final class Concurrent<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting for it.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    package init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = make()
            self.done.signal()
        }
    }

    package var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}

extension Array where Element: Sendable {
    /// Maps on all cores like `parallelMap`, but each core starts on its own stretch of the array
    /// and goes through it in order, helping with the others' only when its own is done, from
    /// their far end. Writing files, neighbours share a folder, and the kernel lets one core at a
    /// time create in a folder: with neighbours handed out to both cores, they waited on each
    /// other's creates, spinning.
    package func parallelMapByStretches<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let cores = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count))
        let stretches = Stretches(count: count, parts: cores)
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: cores) { core in
                while let claimed = stretches.claim(preferring: core) {
                    for index in claimed { slots[index] = transform(self[index]) }
                }
            }
        }
        return results.map { $0! }
    }
}

/// The parts of 0 ..< count the cores go through, each from its start; claimed a few at a time.
/// A core whose part is done helps with another's from its end, as far as can be from where its
/// owner works.
private final class Stretches: @unchecked Sendable {
    private static let claimSize = 8
    // Guarded by `lock`.
    private var next: [Int]
    private var ends: [Int]
    private let lock = NSLock()

    init(count: Int, parts: Int) {
        next = (0 ..< parts).map { $0 * count / parts }
        ends = (0 ..< parts).map { ($0 + 1) * count / parts }
    }

    /// The next few indexes of the core's own part, or else the last few of the part with the most left.
    func claim(preferring part: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        if next[part] < ends[part] {
            let start = next[part]
            next[part] = Swift.min(start + Self.claimSize, ends[part])
            return start ..< next[part]
        }
        guard let most = next.indices.max(by: { ends[$0] - next[$0] < ends[$1] - next[$1] }), next[most] < ends[most] else { return nil }
        let end = ends[most]
        ends[most] = Swift.max(next[most], end - Self.claimSize)
        return ends[most] ..< end
    }
}
