import BulletinSupport

/// Why a publication, a rollback or a listing did not happen, as a message of the catalogue. Every
/// failure before the switch leaves the served site as it was, and the messages say so.
public struct PublishFailure: Error, Sendable, Hashable {
    public var message: Message

    public init(_ code: MessageCode, _ arguments: [String: String] = [:]) {
        message = Message(code, arguments)
    }
}
