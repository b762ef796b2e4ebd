import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// Escaping for text and attribute values in the XML outputs (feed, sitemap): `MarkupEscaping`,
/// with `&apos;` for the apostrophe.
enum XMLText {
    /// Most texts (every sitemap address) need nothing and come back as they are.
    static func escape(_ text: String) -> String {
        guard MarkupEscaping.needsEscape(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        MarkupEscaping.append(text, apostrophe: "&apos;", to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
