extension Unicode.Scalar {
    /// `U+000A`: how a message names a character the terminal would not show, or would act on.
    package var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
