import Foundation
import Testing
@testable import BulletinSupport

/// Byte-for-byte search and replace of markup agrees with a plain textual search wherever the
/// markup is ASCII at both ends, around Chinese text, at the ends of the text and in slices.
@Suite struct ExactTextTests {
    @Test func findsMarkupAmongChineseText() {
        let html = "<p>家校社协同育人</p><pre><code>a</code></pre><p>渝中区</p>"
        let found = html.exactRange(of: "<pre><code")
        #expect(found.map { String(html[$0]) } == "<pre><code")
        #expect(found.map { String(html[..<$0.lowerBound]) } == "<p>家校社协同育人</p>")
        #expect(html.exactRange(of: "<pre tabindex") == nil)
        #expect(html.containsExactly("</p>"))
        #expect(!"".containsExactly("<p>"))
    }

    @Test func searchesASliceFromItsOwnStart() {
        let html = "<img a /><img b />"
        let rest = html[html.exactRange(of: " />")!.upperBound...]
        #expect(rest.exactRange(of: " />").map { String(rest[..<$0.lowerBound]) } == "<img b")
    }

    @Test func replacesEveryOccurrenceAndNothingElse() {
        let html = "<pre><code>一</code></pre>中<pre><code>二</code></pre>"
        #expect(html.replacingExactly("<pre><code", with: "<pre tabindex=\"0\"><code")
                == "<pre tabindex=\"0\"><code>一</code></pre>中<pre tabindex=\"0\"><code>二</code></pre>")
        #expect("<p>无</p>".replacingExactly("<pre>", with: "x") == "<p>无</p>")
        #expect("aaa".replacingExactly("a", with: "aa") == "aaaaaa")
    }

    /// Foundation's search would treat a composed and a decomposed é as equal; markup is matched as written.
    @Test func comparesBytesNotCanonicalEquivalence() {
        #expect("caf\u{E9}".exactRange(of: "cafe\u{301}") == nil)
        #expect(("caf\u{E9}" as NSString).range(of: "cafe\u{301}").location != NSNotFound)
    }

    @Test func agreesWithATextualSearchOnRandomMarkup() {
        let pieces = ["<p>", "</p>", "家", "校", "<a href=\"/x\">", " />", "a", "\""]
        var random = SystemRandomNumberGenerator()
        for _ in 0 ..< 500 {
            let text = (0 ..< Int.random(in: 0 ... 12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let needle = pieces[Int.random(in: 0 ..< pieces.count, using: &random)]
            #expect(text.exactRange(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
                    == text.firstRange(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) })
        }
    }
}
