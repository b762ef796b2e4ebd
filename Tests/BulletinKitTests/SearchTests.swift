import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinRender
@testable import BulletinSearch
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

@Suite struct SearchTests {
    @Test func chineseIsCutIntoCharactersAndPairs() {
        #expect(SearchTokenizer.indexTerms("校社区") == ["校", "校社", "社", "社区", "区"])
        #expect(SearchTokenizer.indexTerms("校社区", characters: false) == ["校社", "社区"])
        #expect(SearchTokenizer.queryTerms("亲子实践") == ["亲子", "子实", "实践"])
        #expect(SearchTokenizer.queryTerms("万") == ["万"])
    }

    /// A glossary word is a term of its own, and a query keeps it whole: the pieces around it
    /// are cut into pairs, a piece of one character stays one character.
    @Test func glossaryWordsNeverSplit() {
        #expect(SearchTokenizer.indexTerms("家校社") == ["家", "家校", "校", "校社", "社", "家校社"])
        #expect(SearchTokenizer.queryTerms("家校社") == ["家校社"])
        #expect(SearchTokenizer.queryTerms("家校社协同育人活动") == ["家校社", "协同育人", "活动"])
        // A lone character beside a glossary word goes with its neighbour.
        #expect(SearchTokenizer.queryTerms("大家校社") == ["大家", "家校社"])
        #expect(SearchTokenizer.queryTerms("家校社区") == ["家校社", "社区"])
        #expect(SearchTokenizer.queryTerms("区妇联主席") == ["区妇", "妇联", "主席"])
        #expect(SearchTokenizer.queryTerms("适老化 改造") == ["适老化", "改造"])
        #expect(SearchTokenizer.phrases("适老化 ＡＢＣ改造") == ["适老化", "abc", "改造"])
        // A longer glossary word wins over a shorter one at the same place.
        #expect(SearchTokenizer.queryTerms("家庭教育指导") == ["家庭教育", "指导"])
        #expect(SearchGlossary.words.allSatisfy { (2...5).contains($0.count) })
    }

    /// A page that says 家校 in one place and 校社 in another does not hold 家校社.
    @Test func aGlossaryWordFindsOnlyPagesThatSayIt() throws {
        let documents = [
            SearchDocument(title: "一", path: "a/", kind: "活动", base: "", district: "", date: "", text: "家校合作，学校社区"),
            SearchDocument(title: "二", path: "b/", kind: "活动", base: "", district: "", date: "", text: "推进家校\u{200B}社协同育人"),
            SearchDocument(title: "三", path: "c/", kind: "活动", base: "", district: "", date: "", text: "开展适老化改造"),
        ]
        let index = SearchIndexReader(files: SearchIndex.files(for: documents, kinds: ["活动"], districts: []).files)
        #expect(try index.documents(matching: "家校社") == [1])
        #expect(try index.documents(matching: "适老化") == [2])
        #expect(try index.documents(matching: "家校") == [0, 1])
    }

    @Test func latinWordsAreWholeAndFullWidthIsFolded() {
        #expect(SearchTokenizer.indexTerms("WeChat 小程序2024") == ["wechat", "小", "小程", "程", "程序", "序", "2024"])
        #expect(SearchTokenizer.queryTerms("ＡＢＣ，家长") == ["abc", "家长"])
    }

    @Test func numberedTermsAreTheTermsOfTheText() {
        let text = "家校社协同，WeChat小程序２０２４年；家校合作 wechat"
        var counts = TermCounts(capacity: 4)
        var words: [UInt64: String] = [:]
        SearchTokenizer.countTerms(text, weight: 1, into: &counts, words: &words)
        #expect(counts.count == Set(SearchTokenizer.indexTerms(text)).count)
        var expected: [String: Int] = [:]
        for term in SearchTokenizer.indexTerms(text) { expected[term, default: 0] += 1 }
        var actual: [String: Int] = [:]
        for (code, count) in counts.pairs { actual[SearchTokenizer.term(of: code, words: words)] = count }
        #expect(actual == expected)
        #expect(actual["wechat"] == 2 && actual["家校"] == 2 && actual["2024"] == 1)
    }

    /// Counting decodes UTF-8 by itself: on random text of one- to four-byte characters it must
    /// find exactly the terms the tokenizer finds.
    @Test func numberedTermsAgreeOnRandomText() {
        let pieces = ["家", "校", "社", "适", "老", "化", "𠀋", "ぁ", "カ", "豈", "Ａ", "ｚ", "０", "！", "A", "z", "9", " ", "，", "é", "😀", "\u{3000}", "-", "Ω", "\u{200B}", "\u{FEFF}", "\u{202E}"]
        for _ in 0 ..< 500 {
            let text = (0 ..< Int.random(in: 0 ... 30)).map { _ in pieces.randomElement()! }.joined()
            let characters = Bool.random()
            var counts = TermCounts(capacity: 4)
            var words: [UInt64: String] = [:]
            SearchTokenizer.countTerms(text, weight: 1, characters: characters, into: &counts, words: &words)
            var expected: [String: Int] = [:]
            for term in SearchTokenizer.indexTerms(text, characters: characters) { expected[term, default: 0] += 1 }
            var actual: [String: Int] = [:]
            for (code, count) in counts.pairs { actual[SearchTokenizer.term(of: code, words: words)] = count }
            #expect(actual == expected, "\(text)")
            // A term's shard and its bytes in the index, found from its number, are those of its text.
            for (code, _) in counts.pairs {
                let term = SearchTokenizer.term(of: code, words: words)
                #expect(SearchTokenizer.hash(of: code, words: words) == SearchTokenizer.hash(term), "\(term)")
                var bytes = IndexBytes(capacity: 1)
                SearchTokenizer.appendTerm(of: code, words: words, to: &bytes)
                #expect(bytes.bytes() == Array(term.utf8), "\(term)")
            }
        }
    }

    @Test func handWrittenJSONParses() throws {
        let text = JSONText.rows([["标题 \"引号\" \\ 反斜杠", "a\nb\tc\u{1}"]])
        let parsed = try JSONSerialization.jsonObject(with: Data(text)) as? [[String]]
        #expect(parsed == [["标题 \"引号\" \\ 反斜杠", "a\nb\tc\u{1}"]])
    }

    /// The quoting skips eight bytes at a time where none needs an escape, and counts scalars eight
    /// bytes at a time: random texts of every kind of byte must come back as they went in.
    @Test func quotedTextsParseBackToWhatWasQuoted() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["家", "校", "社", "a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "/", "é", "😀", "\u{7F}"]
        for _ in 0 ..< 300 {
            let text = (0 ..< Int.random(in: 0 ... 60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let limit = Int.random(in: 0 ... 40, using: &generator)
            var whole: [UInt8] = [UInt8(ascii: "[")]
            JSONText.appendQuoted(text, to: &whole)
            whole.append(UInt8(ascii: ","))
            let end = JSONText.appendQuoted(text, scalars: limit, to: &whole)
            whole.append(UInt8(ascii: ","))
            // The rest, from where the first part stopped, as a document's second file takes it.
            let restLimit = Int.random(in: 0 ... 40, using: &generator)
            JSONText.appendQuoted(text, scalars: restLimit, from: end, to: &whole)
            whole.append(UInt8(ascii: "]"))
            let parsed = try JSONSerialization.jsonObject(with: Data(whole)) as? [String]
            let scalars = text.unicodeScalars
            #expect(parsed == [text, String(String.UnicodeScalarView(scalars.prefix(limit))),
                               String(String.UnicodeScalarView(scalars.dropFirst(limit).prefix(restLimit)))],
                    "\(text.debugDescription) \(limit) \(restLimit)")
            #expect((end < text.utf8.count) == (scalars.count > limit))
        }
    }

    @Test func shardsAreStableAcrossRunsAndLanguages() {
        // The values search.js computes (node, with its shard function): pinned so the two cannot drift apart.
        #expect(SearchTokenizer.shard(of: "家校", count: 1_000_003) == 489_101)
        #expect(SearchTokenizer.shard(of: "abc", count: 97) == 41)
        #expect(SearchTokenizer.shard(of: "沙河", count: 512) == 177)
        #expect(SearchTokenizer.shard(of: "2020", count: 7) == 0)
    }

    @Test func theSearchIndexFindsPagesByTheirWords() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let index = SearchIndexReader(site: fixture.url("Public"))
        #expect(try index.meta["documents"] as? Int == 34)
        #expect(try index.meta["glossary"] as? [String] == SearchGlossary.words)
        let paths = try index.documents(matching: "沙河").map { try index.document($0)[1] }
        #expect(paths.contains("bases/wanzhou-shahe-primary/"))
        #expect(try fixture.read("Public/search/index.html").contains("<noscript>"))
    }

    /// A write-up is found by the names of its base, its district and the models it practises,
    /// though its text says none of them; its result points at the cover's 960 px JPEG.
    @Test func aWriteUpIsFoundByTheNamesItIsFiledUnder() throws {
        let fixture = try ImagePagesTests().photoFixture()
        defer { fixture.remove() }
        try fixture.write(ImagePagesTests.writeUp, ImagePagesTests.text(cover: "../../assets/wide.jpg", body: "照片。"))
        _ = try fixture.build()
        let index = SearchIndexReader(site: fixture.url("Public"))
        let count = try index.meta["documents"] as! Int
        let rows = try (0..<count).map(index.document)
        let writeUp = try #require(rows.firstIndex { $0[1] == "bases/wanzhou-shahe-primary/photos/" })
        let row = rows[writeUp]
        #expect(row[3] == "万州区沙河小学" && row[4] == "万州区" && row[6] == "家校社联动育人")
        for name in [row[3], row[4]] + row[6].components(separatedBy: "　") {
            #expect(!row[8].contains(name))
            #expect(try index.documents(matching: name).contains(writeUp), "\(name)")
        }
        // Its thumbnail is the narrowest version: a result shows it 6rem wide.
        #expect(row[7].hasPrefix("assets/wide.w480.") && row[7].hasSuffix(".jpg"), "\(row[7])")
        #expect(row[9] == row[7].dropLast(3) + "webp")
        for image in [row[7], row[9]] { #expect(FileManager.default.fileExists(atPath: fixture.url("Public/" + image).path)) }
        // A page without a cover has neither.
        #expect(rows.filter { $0[7].isEmpty }.allSatisfy { $0[9].isEmpty } && rows.contains { $0[7].isEmpty })
    }

    /// A write-up's summary is searched like its text and shown before it in the result; the
    /// text runs on from where the summary stops, without a pair made across the two.
    @Test func aWriteUpIsFoundByItsSummary() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/summary.md", """
            ---
            title: 开放日
            date: 2023-05-01
            kind: event
            models:
              - home-school-community
            summary: 家长志愿者参与课后托管
            ---

            管理安排见附件。
            """)
        _ = try fixture.build()
        let index = SearchIndexReader(site: fixture.url("Public"))
        let count = try index.meta["documents"] as! Int
        let rows = try (0..<count).map(index.document)
        let writeUp = try #require(rows.firstIndex { $0[1] == "bases/wanzhou-shahe-primary/summary/" })
        #expect(rows[writeUp][8] == "家长志愿者参与课后托管\n管理安排见附件。\n")
        #expect(try index.documents(matching: "课后托管") == [writeUp])
        #expect(try index.documents(matching: "管管").isEmpty, "no pair across the summary's end")
    }

    /// The index files answer every query with exactly the documents that hold all its terms,
    /// whether a term's postings sit in its shard or in a file of its own.
    @Test func theIndexFilesHoldExactlyTheTermsOfEachDocument() throws {
        let documents = Self.documents(80, seed: 11)
        let files = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"]).files
        #expect(files.contains { $0.path.hasPrefix("search/t/") } && files.filter { $0.path.hasPrefix("search/terms-") }.count > 1)
        let index = SearchIndexReader(files: files)
        // Single characters come from titles and names only.
        let held = documents.map { document in
            Set(SearchTokenizer.indexTerms(document.title + " " + document.base + " " + document.district)
                + SearchTokenizer.indexTerms(document.text, characters: false))
        }
        var state: UInt64 = 5
        for _ in 0..<100 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let document = documents[Int(state >> 33) % documents.count]
            let characters = Array(document.text)
            let start = Int(state >> 20) % (characters.count - 5)
            let query = String(characters[start..<(start + 2 + Int(state >> 50) % 4)])
            let terms = SearchTokenizer.queryTerms(query)
            let expected = documents.indices.filter { id in terms.allSatisfy(held[id].contains) }
            #expect(try index.documents(matching: query) == expected, "\(query)")
            let first = try #require(expected.first)
            #expect(try index.document(first)[1] == documents[first].path)
            #expect(try index.document(first)[8] == String(String.UnicodeScalarView(documents[first].text.unicodeScalars.prefix(
                SearchIndex.snippetText + SearchIndex.restText))))
        }
        // A single character is found in titles, not in the text.
        #expect(try index.documents(matching: "稿") == Array(documents.indices))
        #expect(try index.postings(String(documents[0].text.first!)).allSatisfy { documents[$0.document].title.contains(documents[0].text.first!) })
        // A title counts ten times a word of the text.
        #expect(try index.postings("稿件").allSatisfy { $0.weight >= 10 })
    }

    /// Documents with enough distinct character pairs to spread over several shards.
    static func documents(_ count: Int, seed: UInt64) -> [SearchDocument] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let text = String((0..<1500).map { _ in Character(Unicode.Scalar(0x4E00 + UInt32(next(1200)))!) })
            return SearchDocument(title: "稿件\(index)", path: "bases/b/item-\(index)/", kind: "活动", base: "基地", district: "万州区",
                                  date: "2021年", text: text)
        }
    }

    @Test func aPostingKeepsTheLargestDocumentAndWeight() {
        let largest = Posting(document: Posting.documentLimit - 1, weight: DocumentTerms.maximumWeight)
        #expect(largest.document == Posting.documentLimit - 1 && largest.weight == DocumentTerms.maximumWeight)
        #expect(Posting(document: 7, weight: 1).document == 7 && Posting(document: 7, weight: 1).weight == 1)
        // Far more write-ups than the design's largest site (50,000).
        #expect(Posting.documentLimit >= 1_000_000)
    }

    @Test func aSessionUpdatesTheIndexToWhatAFreshBuildMakes() {
        var documents = Self.documents(60, seed: 7)
        let cache = SearchIndexCache()
        let first = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"], cache: cache).files
        #expect(first.filter { $0.path.hasPrefix("search/terms-") }.count > 2 && first.contains { $0.path.hasPrefix("search/t/") })
        let replacements = Self.documents(60, seed: 8)
        for round in 0..<3 {
            for index in [3 + round, 17, 59 - round] {
                documents[index].text = replacements[index + round].text
                documents[index].title += "改"
            }
            let updated = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"], cache: cache)
            let fresh = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"])
            #expect(updated.files.map(\.path) == fresh.files.map(\.path))
            #expect(updated.files.map(\.bytes) == fresh.files.map(\.bytes))
            #expect(updated.postings == fresh.postings)
        }
        #expect(cache.updates == 3)
        documents.swapAt(0, 1)
        let reordered = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"], cache: cache).files
        #expect(reordered.map(\.bytes) == SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"]).files.map(\.bytes))
        #expect(cache.updates == 3)
    }

    @Test func equivalentTermsStayApartAndInOneOrder() throws {
        // U+F92C is a compatibility ideograph canonically equivalent to U+90CE: Swift's strings
        // call them equal, the index keeps them apart.
        let compatibility = "\u{F92C}", unified = "\u{90CE}"
        #expect(compatibility == unified && Array(compatibility.utf8) != Array(unified.utf8))
        var documents = Self.documents(20, seed: 3)
        documents[2].text += compatibility
        documents[4].text += unified
        let cache = SearchIndexCache()
        _ = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"], cache: cache)
        documents[6].text += compatibility + unified + "新"
        let updated = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"], cache: cache)
        let fresh = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"])
        #expect(cache.updates == 1)
        #expect(updated.files.map(\.path) == fresh.files.map(\.path) && updated.files.map(\.bytes) == fresh.files.map(\.bytes))
    }
}
