import Foundation
import Testing
@testable import BulletinSupport

/// The characters refused are those XML 1.0's `Char` production leaves out, and HTML's controls
/// and noncharacters; the scan over bytes finds exactly those.
@Suite struct TextCharactersTests {
    /// XML 1.0, production [2]: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isXMLChar(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20 ... 0xD7FF).contains(value) || (0xE000 ... 0xFFFD).contains(value)
            || (0x10000 ... 0x10FFFF).contains(value)
    }

    /// HTML's control (C0, DEL, C1) and noncharacter (U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF of every plane).
    static func isHTMLControlOrNoncharacter(_ value: UInt32) -> Bool {
        (0x00 ... 0x1F).contains(value) || (0x7F ... 0x9F).contains(value) || (0xFDD0 ... 0xFDEF).contains(value)
            || value & 0xFFFE == 0xFFFE
    }

    static var scalars: [Unicode.Scalar] {
        var values = Array(UInt32(0) ... 0x2FF) + Array(UInt32(0x2000) ... 0x2070) + Array(UInt32(0xFDC0) ... 0xFE00)
            + Array(UInt32(0xFEF0) ... 0xFF10) + Array(UInt32(0xFFE0) ... 0xFFFF)
        for plane in UInt32(1) ... 16 { values += Array(plane << 16 | 0xFFF0 ... plane << 16 | 0xFFFF) + [plane << 16] }
        var random = SystemRandomNumberGenerator()
        values += (0 ..< 3000).map { _ in UInt32.random(in: 0 ... 0x10FFFF, using: &random) }
        return values.compactMap(Unicode.Scalar.init)
    }

    @Test func theRefusedCharactersAreXMLsAndHTMLs() {
        for scalar in Self.scalars {
            let value = scalar.value
            let expected = !Self.isXMLChar(value) || (Self.isHTMLControlOrNoncharacter(value) && value != 0x9 && value != 0xA && value != 0xD)
            #expect(TextCharacters.isForbidden(scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func theByteScanFindsEachWhereItIs() {
        for scalar in Self.scalars {
            let text = "家校a\n社" + String(Character(scalar)) + "区"
            let found = TextCharacters.firstForbidden(in: text)
            if TextCharacters.isForbidden(scalar) {
                #expect(found?.scalar == scalar && found?.line == 2 && found?.column == 2, "U+\(String(scalar.value, radix: 16))")
            } else {
                #expect(found == nil, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    /// The scans pass over eight bytes at once where none can start what they look for: a
    /// character is found wherever it falls in those eight bytes, and across two of them.
    @Test func theScansFindACharacterAtEveryPlaceInTheBytes() {
        let pieces = ["a", "家", "，", "“", "é", "\n"]
        for (number, scalar) in Self.scalars.enumerated() {
            for length in 0 ..< 10 {
                let before = (0 ..< length).map { pieces[($0 + number) % pieces.count] }.joined()
                var text = before + String(Character(scalar)) + "家校社协同育人"
                let offset = before.utf8.count
                let forbidden = text.withUTF8 { TextCharacters.firstForbiddenOffset(in: $0) }
                #expect(forbidden == (TextCharacters.isForbidden(scalar) ? offset : nil), "U+\(String(scalar.value, radix: 16)) after \(before.debugDescription)")
                let invisibles = text.withUTF8 { TextCharacters.invisibles(in: $0) }
                let expected = TextCharacters.isInvisible(scalar) ? [offset] : []
                #expect(invisibles.map(\.offset) == expected && invisibles.allSatisfy { $0.scalar == scalar },
                        "U+\(String(scalar.value, radix: 16)) after \(before.debugDescription)")
            }
        }
    }

    @Test func printedTextShowsWhatATerminalWouldObey() {
        #expect(TextCharacters.printable("a\u{1B}]0;x\u{07}\u{1B}[2J\nb\u{202E}c\td") == "a<U+001B>]0;x<U+0007><U+001B>[2J<U+000A>b<U+202E>c\td")
        #expect(TextCharacters.printable("a\nb", keepingLines: true) == "a\nb")
        #expect(TextCharacters.printable("家校社协同") == "家校社协同")
    }

    @Test func aPositionCountsLinesByLineFeedsAndColumnsByCharacters() {
        #expect(TextPosition.of(byteOffset: Array("家校\n社区x".utf8).count - 1, in: "家校\n社区x") == (2, 3))
        // A file saved with CR LF: the CR ends the line before, it is not a column of this one.
        #expect(TextPosition.of(byteOffset: Array("a\r\n家x".utf8).count - 1, in: "a\r\n家x") == (2, 2))
        #expect(TextPosition.of(byteOffset: 0, in: "x") == (1, 1))
    }
}
