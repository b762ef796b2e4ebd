/// JSON written by hand where files are large or many: the encoders of Foundation took longer
/// than making the data (the build manifest of 10,000 write-ups: 74 ms).
enum JSONText {
    /// A JSON string literal; only quotes, backslashes and control characters need escapes.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case 0x0A: bytes += [92, UInt8(ascii: "n")]
            case 0x0D: bytes += [92, UInt8(ascii: "r")]
            case 0x09: bytes += [92, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `{"key":"value",…}` with the keys sorted, so the same content always gives the same bytes.
    static func appendObject(_ fields: [String: String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendQuoted(fields[key]!, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `["…","…"]`.
    static func array(_ items: [String]) -> String {
        var bytes: [UInt8] = []
        appendArray(items, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[["…","…"],…]`.
    static func rows(_ rows: [[String]]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, row) in rows.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendArray(row, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendArray(_ items: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendQuoted(item, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
