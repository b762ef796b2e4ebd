/// FNV-1a, 64 bits: a hash of bytes that is the same in every run (Swift's `Hasher` is seeded
/// anew in each process), for what is written to disk or must not change between builds.
package enum FNV1a {
    package static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        // Called from another module, the loop below steps through the bytes by protocol witness
        // calls, about 30 instructions a byte; most callers hash a text, whose bytes are at hand.
        if let hash = bytes.withContiguousStorageIfAvailable({ Self.hash($0) }) { return hash }
        return bytes.reduce(offset, mix)
    }

    /// Where every hash starts.
    @inlinable package static var offset: UInt64 { 0xCBF2_9CE4_8422_2325 }

    /// One step of the hash: `offset`, mixed with each byte in turn, is the hash of the bytes.
    @inlinable @inline(__always)
    package static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    /// The same hash over a buffer: the generic one, called from another module, steps through
    /// its bytes by protocol witness calls, and the search index hashes every English word of every page.
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offset
        for byte in bytes { hash = mix(hash, byte) }
        return hash
    }

    /// The hash of bytes given in parts; another `seed` starts another hash of the same bytes.
    package struct Stream {
        package private(set) var value: UInt64

        package init(seed: UInt64 = 0) { value = offset ^ seed }

        package mutating func add(_ bytes: some Sequence<UInt8>) {
            value = bytes.reduce(value, mix)
        }
    }

    /// A hash as 16 hexadecimal digits.
    package static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
