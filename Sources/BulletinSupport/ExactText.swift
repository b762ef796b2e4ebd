#if canImport(Glibc)
import Glibc
#endif

/// Finding and replacing the markup and marks the program itself writes, byte for byte. With
/// Foundation imported, `range(of:)`, `contains(_:)` and `replacingOccurrences` compare by Unicode
/// and locale rules, cluster by cluster; over every page's whole body that was a sixth of a
/// build's processor time. A whole string's bytes found in valid UTF-8 start and end on scalar
/// boundaries; unlike Foundation, a canonically equivalent spelling is not a match, and markup
/// the program wrote is never spelt another way.
extension StringProtocol {
    /// The first place `needle` occurs, compared as UTF-8 bytes.
    package func exactRange(of needle: String) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        let found = utf8.withContiguousStorageIfAvailable { ExactSearch.firstOffset(of: pattern, in: $0) }
            ?? Array(utf8).withUnsafeBufferPointer { ExactSearch.firstOffset(of: pattern, in: $0) }
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start ..< utf8.index(start, offsetBy: pattern.count)
    }

    /// Whether `needle` occurs, compared as UTF-8 bytes.
    package func containsExactly(_ needle: String) -> Bool {
        exactRange(of: needle) != nil
    }
}

extension String {
    /// Every occurrence of `needle` (compared as UTF-8 bytes) replaced by `replacement`.
    package func replacingExactly(_ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty, containsExactly(needle) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var rest = self[...]
        while let found = rest.exactRange(of: needle) {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}

/// memchr for the first byte, memcmp for the rest (glibc's memmem is a GNU extension Swift does not import).
private enum ExactSearch {
    static func firstOffset(of pattern: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first else { return 0 }
        guard let start = haystack.baseAddress, haystack.count >= pattern.count else { return nil }
        let lastStart = haystack.count - pattern.count
        var offset = 0
        return pattern.withUnsafeBufferPointer { pattern in
            while offset <= lastStart, let candidate = memchr(start + offset, Int32(first), lastStart - offset + 1) {
                offset = start.distance(to: candidate.assumingMemoryBound(to: UInt8.self))
                if memcmp(start + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                offset += 1
            }
            return nil
        }
    }
}
