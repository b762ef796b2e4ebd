import Testing
@testable import BulletinSupport

/// Every message exists in English and in Chinese with the same placeholders, the language is
/// chosen as POSIX orders the locale variables, and diagnostics print in either language.
@Suite struct MessageCatalogueTests {
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00 ... 0x9FFF).contains($0.value) || (0x3400 ... 0x4DBF).contains($0.value) }
    }

    /// English texts that quote what the site shows in Chinese.
    static let quotingChinese: Set<MessageCode> = [.baseWithoutDistrict, .imageWithoutAltText, .coverWithoutAltText, .helpBulletinTitle, .helpKind,
                                                   .serialOnExample, .serialOnSupplement, .serialMissing, .serialTwice,
                                                   .serialLowerThanEarlier, .serialGap, .emphasisLeftAsText, .emphasisMispaired]

    @Test(arguments: MessageCode.allCases)
    func everyMessageExistsInBothLanguages(_ code: MessageCode) throws {
        let english = try #require(Catalogue.english[code], "\(code.rawValue) has no English text")
        let chinese = try #require(Catalogue.chinese[code], "\(code.rawValue) has no Chinese text")
        #expect(Catalogue.placeholders(in: english.message) == Catalogue.placeholders(in: chinese.message), "\(code.rawValue)")
        #expect((english.hint == nil) == (chinese.hint == nil), "\(code.rawValue): a hint in one language only")
        #expect(Catalogue.placeholders(in: english.hint ?? "") == Catalogue.placeholders(in: chinese.hint ?? ""), "\(code.rawValue)")
        #expect(!english.message.isEmpty && !chinese.message.isEmpty)
        #expect(Self.hasCJK(chinese.message), "\(code.rawValue): the Chinese message has no Chinese")
        if let hint = chinese.hint { #expect(Self.hasCJK(hint), "\(code.rawValue): the Chinese hint has no Chinese") }
        #expect(!Self.hasCJK(english.message + (english.hint ?? "")) || Self.quotingChinese.contains(code),
                "\(code.rawValue): Chinese in the English text")
    }

    @Test func theCodesAreKebabCase() {
        for code in MessageCode.allCases {
            #expect(code.rawValue.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "-" }, "\(code.rawValue)")
        }
    }

    @Test func placeholdersAreFilledAndEnglishPluralsAgree() {
        #expect(Catalogue.fill("{n} {n|error|errors}", ["n": "1"]) == "1 error")
        #expect(Catalogue.fill("{n} {n|error|errors}", ["n": "2"]) == "2 errors")
        #expect(Catalogue.fill("{n} {n|error|errors}", ["n": "0"]) == "0 errors")
        #expect(Catalogue.fill("'{name}' and {{title}} and {unknown}", ["name": "{x}"]) == "'{x}' and {{title}} and {unknown}")
        #expect(Catalogue.placeholders(in: "{a} {b|c|d} {{e}} { f}") == ["a", "b"])
    }

    @Test func theLanguageFollowsTheOptionThenLCAllThenLCMessagesThenLANG() {
        #expect(Language.choose(option: nil, environment: [:]) == .english)
        #expect(Language.choose(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.choose(option: nil, environment: ["LANG": "C"]) == .english)
        #expect(Language.choose(option: nil, environment: ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]) == .english)
        #expect(Language.choose(option: nil, environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"]) == .chinese)
        #expect(Language.choose(option: nil, environment: ["LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8"]) == .english)
        #expect(Language.choose(option: nil, environment: ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.choose(option: "zh", environment: ["LANG": "C"]) == .chinese)
        #expect(Language.choose(option: "en", environment: ["LC_ALL": "zh_CN.UTF-8"]) == .english)
        #expect(Language(option: "fr") == nil)
    }

    @Test func aDiagnosticPrintsInEitherLanguageWithItsCharactersWrittenOut() {
        let diagnostic = Diagnostic.error(at: SourceLocation(path: "Content/a\u{1B}.md", line: 3, column: 7), .linkOutsideContent,
                                          ["url": "../x\u{7}"])
        #expect(diagnostic.formatted == """
            Content/a<U+001B>.md:3:7: error: the link '../x<U+0007>' leads outside the content folder
                hint: put the file in Content/assets/ and link to it from there
            """)
        #expect(diagnostic.formatted(in: .chinese) == """
            Content/a<U+001B>.md:3:7: 错误：链接 '../x<U+0007>' 指向内容文件夹之外
                提示：请把文件放入 Content/assets/，再从那里链接
            """)
        let suggested = Diagnostic.warning(at: SourceLocation(path: "p.md"), .linkMissingFile, ["url": "a.pdf", "candidate": "assets/a.pdf"],
                                           hint: Message(.didYouMean, ["suggestion": "assets/b.pdf"]))
        #expect(suggested.code == .linkMissingFile)
        #expect(suggested.arguments["url"] == "a.pdf")
        #expect(suggested.formatted(in: .chinese) == """
            p.md:1:1: 警告：链接 'a.pdf' 指向的 'assets/a.pdf' 不存在
                提示：是否应为 'assets/b.pdf'？
            """)
        #expect(suggested.hint == "did you mean 'assets/b.pdf'?")
    }
}
