import BulletinSupport

/// A date known to the year, the month or the day — official documents often give only a year.
/// Renders as 2020年, 2020年5月 or 2020年5月12日; never filled in with guessed parts.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public struct ParseError: Error {
        enum Reason {
            case notADate
            /// A date written as editors often write one (2024年5月12日, 2024/5/12, 2024-5-12), with
            /// the form it is to be written in.
            case writtenOtherwise(String)
            case noMonth(String)
            case noDay(String, month: Int, year: Int, last: Int)
        }

        let text: String
        let reason: Reason

        /// What is wrong, said of the field (or option) `field` that holds the text.
        public func message(field: String) -> Message {
            switch reason {
            case .notADate:
                Message(.fieldNotADate, ["field": field, "text": TextCharacters.shown(text)])
            case .writtenOtherwise(let iso):
                Message(.fieldDateWrittenOtherwise, ["field": field, "text": TextCharacters.shown(text), "iso": iso])
            case .noMonth(let month):
                Message(.fieldDateNoMonth, ["field": field, "text": TextCharacters.shown(text), "month": month])
            case let .noDay(day, month, year, last):
                Message(.fieldDateNoDay, ["field": field, "text": TextCharacters.shown(text), "day": day, "month": String(month), "year": String(year),
                                          "last": String(last)])
            }
        }
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0])
        else {
            if let iso = Self.isoForm(of: text), (try? PartialDate(parsing: iso)) != nil {
                throw ParseError(text: text, reason: .writtenOtherwise(iso))
            }
            throw ParseError(text: text, reason: .notADate)
        }
        var month: Int?
        var day: Int?
        if parts.count > 1 {
            month = Int(parts[1])
            guard let month, (1...12).contains(month) else {
                throw ParseError(text: text, reason: .noMonth(String(parts[1])))
            }
        }
        if parts.count > 2, let month {
            day = Int(parts[2])
            let last = PartialDate.daysIn(month: month, year: year)
            guard let day, (1...last).contains(day) else {
                throw ParseError(text: text, reason: .noDay(String(parts[2]), month: month, year: year, last: last))
            }
        }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of a date written with 年月日, slashes, dots or dashes, in half-
    /// or full-width digits (a Chinese input method gives either), as `YYYY[-MM[-DD]]`; nil for
    /// any other text. Whether that date exists is not looked at here.
    static func isoForm(of text: String) -> String? {
        var numbers: [String] = [""]
        var separators: [Character] = []
        for character in text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed() {
            if let digit = character.wholeNumberValue, character.isASCII || ("０"..."９").contains(character) {
                numbers[numbers.count - 1].append(Character(String(digit)))
            } else {
                guard !numbers[numbers.count - 1].isEmpty else { return nil }
                separators.append(character)
                numbers.append("")
            }
        }
        if numbers.last!.isEmpty { numbers.removeLast() }
        guard (1...3).contains(numbers.count), numbers[0].count == 4, numbers.dropFirst().allSatisfy({ (1...2).contains($0.count) })
        else { return nil }
        let chinese: [Character] = ["年", "月", "日"]
        let writtenInChinese = separators.count == numbers.count
            && zip(separators, chinese).allSatisfy { written, expected in written == expected || (expected == "日" && written == "号") }
        let between = Set(separators)
        let writtenWithMarks = separators.count == numbers.count - 1 && between.count <= 1
            && between.isSubset(of: ["/", ".", "-", "／", "．", "－"])
        guard writtenInChinese || writtenWithMarks else { return nil }
        return numbers.enumerated().map { $0.offset == 0 || $0.element.count == 2 ? $0.element : "0" + $0.element }
            .joined(separator: "-")
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 2020年 / 2020年5月 / 2020年5月12日
    public var chinese: String {
        var text = "\(year)年"
        if let month { text += "\(month)月" }
        if let day { text += "\(day)日" }
        return text
    }

    /// ISO form as written: 2020, 2020-05 or 2020-05-12 (for `<time datetime>`).
    public var iso: String {
        var text = String(format4(year))
        if let month { text += "-" + format2(month) }
        if let day { text += "-" + format2(day) }
        return text
    }

    /// The first day the date can mean, as a full ISO date (for feeds and sitemaps, which need one).
    public var firstDayISO: String {
        "\(format4(year))-\(format2(month ?? 1))-\(format2(day ?? 1))"
    }

    public var description: String { iso }

    /// Less precise dates sort before more precise ones in the same period: 2020 < 2020-01 < 2020-01-01.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Whether the earliest day this date can mean is on or before `other`'s earliest day.
    public func starts(onOrBefore other: PartialDate) -> Bool {
        (year, month ?? 1, day ?? 1) <= (other.year, other.month ?? 1, other.day ?? 1)
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private func format4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + "\(n)" }
}
