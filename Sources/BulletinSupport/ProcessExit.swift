import Foundation

package extension Process {
    /// Runs the program and returns once it has ended; `meanwhile` runs first, on this thread (to
    /// read what the program writes: a full pipe would keep it from ending). The end is told by
    /// the termination handler: Foundation's `waitUntilExit` looks at its run loop every 50 ms on
    /// Linux, so fc-match, which answers in 8 ms and is asked twice by every build that prints a
    /// bulletin, cost 50 ms each time.
    func runUntilExit(meanwhile: () -> Void = {}) throws {
        let ended = DispatchSemaphore(value: 0)
        terminationHandler = { _ in ended.signal() }
        try run()
        meanwhile()
        ended.wait()
    }
}
