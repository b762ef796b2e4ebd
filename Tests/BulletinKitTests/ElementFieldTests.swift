import Testing
@testable import BulletinSupport

/// Planning reads fields of entries in place (`Array.field(at:_:)`): each kind of key path must
/// give what applying it to the element gives.
@Suite struct ElementFieldTests {
    struct Inner: Equatable {
        var code: UInt8
        var names: [String]
    }

    struct Entry: Equatable {
        var flag: Bool
        var title: String
        var inner: Inner
        var optional: Int?
        var count: Int { inner.names.count + (optional ?? 0) }
    }

    static let entries = (0..<5).map { index in
        Entry(flag: index.isMultiple(of: 2), title: "家校社协同育人·第\(index)篇" + String(repeating: "长", count: index * 10),
              inner: Inner(code: UInt8(index), names: (0..<index).map { "名\($0)" }), optional: index == 3 ? nil : index)
    }

    @Test func everyKindOfPathReadsWhatTheElementHolds() {
        let entries = Self.entries
        for index in entries.indices {
            let entry = entries[index]
            #expect(entries.field(at: index, \.flag) == entry.flag)
            #expect(entries.field(at: index, \.title) == entry.title)
            #expect(entries.field(at: index, \.inner) == entry.inner)
            #expect(entries.field(at: index, \.inner.code) == entry.inner.code)
            #expect(entries.field(at: index, \.inner.names) == entry.inner.names)
            #expect(entries.field(at: index, \.optional) == entry.optional)
            #expect(entries.field(at: index, \.count) == entry.count, "a computed field")
            #expect(entries.field(at: index, \.inner.names.count) == entry.inner.names.count, "computed below a stored one")
            #expect(entries.field(at: index, \.self) == entry)
        }
    }

    /// A value read out lives on its own once the array is gone.
    @Test func aFieldReadOutOutlivesTheArray() {
        var entries: [Entry]? = Self.entries
        let title = entries!.field(at: 4, \.title)
        let names = entries!.field(at: 4, \.inner.names)
        entries = nil
        #expect(title == Self.entries[4].title && names == ["名0", "名1", "名2", "名3"])
    }
}
