/// A compact binary form for what a build keeps for the next one: numbers as variable-length
/// integers, texts as their length and UTF-8 bytes. Reading it back must cost far less than the
/// work it saves, which Foundation's coders (a millisecond per hundred records) did not.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zig-zag, so that small negative numbers stay short.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes += value.utf8
    }

    mutating func raw(_ value: [UInt8]) {
        int(value.count)
        bytes += value
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout BinaryWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout BinaryWriter, Element) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }
}

/// Reads what `BinaryWriter` wrote; any malformed or truncated input makes every later read fail,
/// and `failed` tells the caller to throw the whole thing away.
struct BinaryReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private(set) var failed = false

    init(_ bytes: [UInt8], at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func int() -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while !failed {
            guard offset < bytes.count, shift < 64 else {
                failed = true
                break
            }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: result)
        return Int((value >> 1) ^ -(value & 1))
    }

    mutating func uint64() -> UInt64 {
        guard !failed, offset + 8 <= bytes.count else {
            failed = true
            return 0
        }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func bool() -> Bool {
        guard !failed, offset < bytes.count, bytes[offset] <= 1 else {
            failed = true
            return false
        }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// A count of things still to read: never more than the bytes left (each takes one at least),
    /// so a corrupt count can make a reader neither allocate nor loop without bound.
    mutating func count() -> Int {
        let count = int()
        guard !failed, count >= 0, count <= bytes.count - offset else {
            failed = true
            return 0
        }
        return count
    }

    mutating func string() -> String {
        let length = count()
        defer { offset += length }
        return String(decoding: bytes[offset ..< offset + length], as: UTF8.self)
    }

    mutating func raw() -> [UInt8] {
        let length = count()
        defer { offset += length }
        return Array(bytes[offset ..< offset + length])
    }

    /// Moves past a length-prefixed value without reading it.
    mutating func skip() {
        offset += count()
    }

    /// Whether the next text is `utf8`, moving past it: comparing in place costs no new string.
    mutating func nextText(equals utf8: [UInt8]) -> Bool {
        let length = count()
        defer { offset += length }
        return length == utf8.count && bytes[offset ..< offset + length].elementsEqual(utf8)
    }

    mutating func optional<Value>(_ read: (inout BinaryReader) -> Value) -> Value? {
        bool() ? read(&self) : nil
    }

    mutating func array<Element>(_ read: (inout BinaryReader) -> Element) -> [Element] {
        let count = count()
        var values: [Element] = []
        values.reserveCapacity(min(count, 4096))
        while values.count < count, !failed { values.append(read(&self)) }
        return values
    }

    mutating func strings() -> [String] {
        array { $0.string() }
    }

    /// An enumeration's case, written as its raw value; an unknown one fails the reading.
    mutating func named<Value: RawRepresentable>(_ placeholder: Value) -> Value where Value.RawValue == String {
        if let value = Value(rawValue: string()) { return value }
        failed = true
        return placeholder
    }

    /// Marks the input as not what was expected.
    mutating func fail() {
        failed = true
    }
}
