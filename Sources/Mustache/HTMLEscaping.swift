import BulletinSupport

/// How `{{value}}` is escaped (`MarkupEscaping`, with `&#39;` for the apostrophe).
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        MarkupEscaping.append(text, apostrophe: "&#39;", to: &output)
    }
}
