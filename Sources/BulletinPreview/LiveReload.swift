import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

/// The state of the last rebuild, sent to every open page over server-sent events: pages reload
/// when a rebuild changed the site, and cover themselves with the errors while there are any.
actor LiveReloadHub {
    /// The language the errors are sent in.
    let language: Language
    private var version = 0
    private var errors: [Diagnostic] = []
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    init(language: Language = .english) {
        self.language = language
    }

    /// Records a rebuild; returns whether open pages were told.
    @discardableResult
    func publish(_ outcome: PipelineReport) -> Bool {
        let newErrors = outcome.diagnostics.errors
        guard !outcome.changedPaths.isEmpty || newErrors != errors else { return false }
        version += 1
        errors = newErrors
        let event = stateEvent()
        for continuation in subscribers.values { continuation.yield(event) }
        return true
    }

    /// A stream of events for one page; it starts with the current state.
    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        subscribers[id] = continuation
        continuation.yield("retry: 1000\n\n")
        continuation.yield(stateEvent())
        return (id, stream)
    }

    func finish(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    func keepAlive() {
        for continuation in subscribers.values { continuation.yield(": keep-alive\n\n") }
    }

    func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)
    }

    private func stateEvent() -> String {
        struct Entry: Encodable {
            var location: String
            var message: String
            var hint: String?
        }
        struct State: Encodable {
            var version: Int
            var errors: [Entry]
        }
        let state = State(version: version, errors: errors.map {
            Entry(location: "\($0.location.path):\($0.location.line):\($0.location.column)", message: $0.message(in: language),
                  hint: $0.hint(in: language))
        })
        let json = (try? JSONEncoder().encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: state\ndata: \(json)\n\n"
    }
}
