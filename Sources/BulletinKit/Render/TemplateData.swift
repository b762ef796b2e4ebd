/// The typed view data of a page as nested dictionaries and arrays, which is what the Mustache
/// library looks variables up in fastest. Made through the views' compiled `Encodable`
/// conformances: the earlier conversion by reflection (Mirror) was a fifth of a 1,000-page
/// build's instructions, and the library reflecting by itself over structs was a third. An enum
/// with raw values shows its raw value.
enum TemplateData {
    static func convert<Value: Encodable>(_ value: Value) -> Any? {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        default: break
        }
        let encoder = TemplateDataEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            return nil
        }
        return encoder.result
    }
}

/// Collects one value: a struct's fields, an array's items, or a single value. Nested values get
/// an encoder of their own, so nothing is shared between containers.
private final class TemplateDataEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var fields: [String: Any]?
    var items: [Any]?
    var single: Any?

    var result: Any? { fields ?? items ?? single }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if fields == nil { fields = [:] }
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
        mutating func encode(_ value: String, forKey key: Key) { encoder.fields![key.stringValue] = value }
        mutating func encode(_ value: Bool, forKey key: Key) { encoder.fields![key.stringValue] = value }
        mutating func encode(_ value: Int, forKey key: Key) { encoder.fields![key.stringValue] = value }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            if let converted = TemplateData.convert(value) { encoder.fields![key.stringValue] = converted }
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
        mutating func encode(_ value: String) { encoder.items!.append(value) }
        mutating func encode<T: Encodable>(_ value: T) {
            if let converted = TemplateData.convert(value) { encoder.items!.append(converted) }
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
        mutating func encode(_ value: String) { encoder.single = value }
        mutating func encode(_ value: Bool) { encoder.single = value }
        mutating func encode(_ value: Int) { encoder.single = value }
        // Every number is kept as it is: sent on to `convert`, it would come back here forever.
        mutating func encode(_ value: Double) { encoder.single = value }
        mutating func encode(_ value: Float) { encoder.single = value }
        mutating func encode(_ value: Int8) { encoder.single = value }
        mutating func encode(_ value: Int16) { encoder.single = value }
        mutating func encode(_ value: Int32) { encoder.single = value }
        mutating func encode(_ value: Int64) { encoder.single = value }
        mutating func encode(_ value: UInt) { encoder.single = value }
        mutating func encode(_ value: UInt8) { encoder.single = value }
        mutating func encode(_ value: UInt16) { encoder.single = value }
        mutating func encode(_ value: UInt32) { encoder.single = value }
        mutating func encode(_ value: UInt64) { encoder.single = value }
        mutating func encode<T: Encodable>(_ value: T) { encoder.single = TemplateData.convert(value) }
    }
}
