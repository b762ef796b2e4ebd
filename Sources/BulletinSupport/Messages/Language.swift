/// The language every message, hint, summary and help text is shown in. It is chosen once, when
/// the command starts, and handed down as a value; nothing in the library reads the environment.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// The language a `--lang` value names: `zh`, `en`, or a locale name such as `zh_CN.UTF-8`.
    public init?(option: String) {
        guard let language = Self.fromLocaleName(option) else { return nil }
        self = language
    }

    /// `--lang` when given; otherwise the locale for messages as POSIX orders it: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty. A `zh…` locale means Chinese;
    /// anything else (`C`, `POSIX`, `en_US.UTF-8`, an unknown name) and no locale at all, English.
    public static func choose(option: String?, environment: [String: String]) -> Language {
        if let option, let language = Language(option: option) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return fromLocaleName(value) ?? .english
            }
        }
        return .english
    }

    private static func fromLocaleName(_ name: String) -> Language? {
        let lowered = name.lowercased()
        if lowered == "zh" || lowered.hasPrefix("zh_") || lowered.hasPrefix("zh-") || lowered.hasPrefix("zh.") { return .chinese }
        if lowered == "en" || lowered.hasPrefix("en_") || lowered.hasPrefix("en-") || lowered.hasPrefix("en.") { return .english }
        return nil
    }
}
