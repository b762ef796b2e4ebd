extension String {
    /// Whether the text is only ASCII letters, digits and `-._~/` (and `#` when `keepingFragment`):
    /// a URL path that percent-encoding leaves as it is. Most of the site's paths are; Foundation's
    /// encoding asks a character set about every character. Looked at on the bytes in place:
    /// stepping through a text's UTF-8 view costs a thousand instructions a path.
    package func isPlainURLPath(keepingFragment: Bool = false) -> Bool {
        func isPlain(_ byte: UInt8) -> Bool {
            byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/")
                || (keepingFragment && byte == UInt8(ascii: "#"))
        }
        return utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPlain) } ?? utf8.allSatisfy(isPlain)
    }
}
