import Dispatch

/// Frees a large value on another thread. A build's loaded files, model and plan take tens of
/// milliseconds to free, object by object; the thread that is done with them goes on meanwhile,
/// and a command line run that ends first is not kept waiting by the freeing at all.
package func retire<Value: Sendable>(_ value: consuming Value) {
    let holder = RetiredValue(value)
    DispatchQueue.global(qos: .utility).async { holder.release() }
}

/// Holds the only reference until the other thread lets go of it.
private final class RetiredValue<Value: Sendable>: @unchecked Sendable {
    // Set on the caller's thread, which gives the value away; then touched by the retiring thread only.
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    func release() {
        value = nil
    }
}
