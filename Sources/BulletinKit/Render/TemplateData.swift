/// The typed view data of a page as nested dictionaries and arrays, made in one pass. The Mustache
/// library would otherwise reflect over a struct at every variable it looks up, and up the whole
/// context stack: on 1,000 write-ups that reflection was a third of the build's instructions.
enum TemplateData {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { fields[label] = converted }
            }
            return fields
        default:
            return value
        }
    }
}
