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
        #expect(SearchTokenizer.indexTerms("家校社") == ["家", "家校", "校", "校社", "社"])
        #expect(SearchTokenizer.queryTerms("家校社") == ["家校", "校社"])
        #expect(SearchTokenizer.queryTerms("万") == ["万"])
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
        let pieces = ["家", "校", "社", "𠀋", "ぁ", "カ", "豈", "Ａ", "ｚ", "０", "！", "A", "z", "9", " ", "，", "é", "😀", "\u{3000}", "-", "Ω", "\u{200B}", "\u{FEFF}", "\u{202E}"]
        for _ in 0 ..< 500 {
            let text = (0 ..< Int.random(in: 0 ... 30)).map { _ in pieces.randomElement()! }.joined()
            var counts = TermCounts(capacity: 4)
            var words: [UInt64: String] = [:]
            SearchTokenizer.countTerms(text, weight: 1, into: &counts, words: &words)
            var expected: [String: Int] = [:]
            for term in SearchTokenizer.indexTerms(text) { expected[term, default: 0] += 1 }
            var actual: [String: Int] = [:]
            for (code, count) in counts.pairs { actual[SearchTokenizer.term(of: code, words: words)] = count }
            #expect(actual == expected, "\(text)")
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
            JSONText.appendQuoted(text, scalars: limit, to: &whole)
            whole.append(UInt8(ascii: "]"))
            let parsed = try JSONSerialization.jsonObject(with: Data(whole)) as? [String]
            #expect(parsed == [text, String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))], "\(text.debugDescription) \(limit)")
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
        let meta = try JSONSerialization.jsonObject(with: Data(try fixture.read("Public/search/meta.json").utf8)) as! [String: Any]
        let count = meta["documents"] as! Int
        #expect(count == 34)
        let shards = meta["shards"] as! Int
        let terms = try JSONSerialization.jsonObject(with: Data(try fixture.read("Public/search/terms-\(SearchTokenizer.shard(of: "沙河", count: shards)).json").utf8)) as! [String: [Int]]
        let postings = terms["沙河"]!
        var doc = 0
        var found: [Int] = []
        for index in stride(from: 0, to: postings.count, by: 2) {
            doc += postings[index]
            found.append(doc)
        }
        let docs = try JSONSerialization.jsonObject(with: Data(try fixture.read("Public/search/docs-0.json").utf8)) as! [[String]]
        #expect(found.map { docs[$0][1] }.contains("bases/wanzhou-shahe-primary/"))
        #expect(try fixture.read("Public/search/index.html").contains("<noscript>"))
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

    @Test func aSessionUpdatesTheIndexToWhatAFreshBuildMakes() {
        var documents = Self.documents(60, seed: 7)
        let cache = SearchIndexCache()
        let first = SearchIndex.files(for: documents, kinds: ["活动"], districts: ["万州区"], cache: cache).files
        #expect(first.filter { $0.path.hasPrefix("search/terms-") }.count > 2)
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
        let one = SearchIndex.shardJSON([(compatibility, [1, 1]), (unified, [2, 1])])
        let other = SearchIndex.shardJSON([(unified, [2, 1]), (compatibility, [1, 1])])
        #expect(one == other)
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
