import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// The typed view data of a page as a template value: structs become objects, arrays lists.
/// Made through the views' compiled `Encodable` conformances: the earlier conversion by
/// reflection (Mirror) was a fifth of a 1,000-page build's instructions. An enum with raw values
/// shows its raw value; a missing optional is no field at all.
enum TemplateData {
    static func convert<Value: Encodable>(_ value: Value, chromes: ChromeCache? = nil) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .flag(flag)
        case let chrome as SiteChrome: if let chromes { return chromes.value(of: chrome) }
        default: break
        }
        let encoder = TemplateDataEncoder(chromes: chromes)
        do {
            try value.encode(to: encoder)
        } catch {
            return nil
        }
        return encoder.result
    }
}

/// The site chrome (title, navigation, footer) as a template value, converted once for all the
/// pages that share it: every page of a section does, and converting it was two-fifths of
/// converting a page. One per rendering of a site; the pages of both cores use it.
final class ChromeCache: @unchecked Sendable {
    // Guarded by `lock`.
    private var values: [SiteChrome: TemplateValue] = [:]
    private let lock = NSLock()

    func value(of chrome: SiteChrome) -> TemplateValue {
        if let known = lock.withLock({ values[chrome] }) { return known }
        let value = TemplateData.convert(chrome) ?? [:]
        lock.withLock { values[chrome] = value }
        return value
    }
}

/// Collects one value: a struct's fields, an array's items, or a single value. Nested values get
/// an encoder of their own, so nothing is shared between containers.
private final class TemplateDataEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    let chromes: ChromeCache?

    init(chromes: ChromeCache?) {
        self.chromes = chromes
    }
    var fields: TemplateFields?
    var items: [TemplateValue]?
    var single: TemplateValue?

    var result: TemplateValue? {
        if let fields { return .object(fields) }
        if let items { return .list(items) }
        return single
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if fields == nil { fields = TemplateFields() }
        return KeyedEncodingContainer(Fields<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if items == nil { items = [] }
        return Items(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(encoder: self)
    }

    private struct Fields<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: TemplateDataEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: String, forKey key: Key) { encoder.fields![key.stringValue] = .text(value) }
        mutating func encode(_ value: Bool, forKey key: Key) { encoder.fields![key.stringValue] = .flag(value) }
        mutating func encode(_ value: Int, forKey key: Key) { encoder.fields![key.stringValue] = .number(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            if let converted = TemplateData.convert(value, chromes: encoder.chromes) { encoder.fields![key.stringValue] = converted }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                             forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("view data has no nested containers")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("view data has no nested containers")
        }

        mutating func superEncoder() -> any Encoder { preconditionFailure("view data has no superclasses") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("view data has no superclasses") }
    }

    private struct Items: UnkeyedEncodingContainer {
        let encoder: TemplateDataEncoder
        var codingPath: [any CodingKey] { [] }
        var count: Int { encoder.items!.count }

        mutating func encodeNil() {}
        mutating func encode(_ value: String) { encoder.items!.append(.text(value)) }
        mutating func encode<T: Encodable>(_ value: T) {
            if let converted = TemplateData.convert(value, chromes: encoder.chromes) { encoder.items!.append(converted) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("view data has no nested containers")
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("view data has no nested containers")
        }

        mutating func superEncoder() -> any Encoder { preconditionFailure("view data has no superclasses") }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: TemplateDataEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}
        mutating func encode(_ value: String) { encoder.single = .text(value) }
        mutating func encode(_ value: Bool) { encoder.single = .flag(value) }
        // Every number is kept here: sent on to `convert`, it would come back here forever.
        // Fractions print as Swift prints them; whole numbers too large for Int as their digits.
        mutating func encode(_ value: Double) { encoder.single = .text(String(value)) }
        mutating func encode(_ value: Float) { encoder.single = .text(String(value)) }
        mutating func encode(_ value: Int) { encoder.single = .number(value) }
        mutating func encode(_ value: Int8) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: Int16) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: Int32) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: Int64) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: UInt) { encoder.single = Int(exactly: value).map { .number($0) } ?? .text(String(value)) }
        mutating func encode(_ value: UInt8) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: UInt16) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: UInt32) { encoder.single = .number(Int(value)) }
        mutating func encode(_ value: UInt64) { encoder.single = Int(exactly: value).map { .number($0) } ?? .text(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.single = TemplateData.convert(value, chromes: encoder.chromes) }
    }
}
