import Foundation

extension String {
    /// The text without the characters of `set` at either end. Most texts have none there, and
    /// Foundation's trimming costs more than the work around it (reading a field, resolving a link).
    package func trimmingEnds(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, !set.contains(first), !set.contains(last) else {
            return trimmingCharacters(in: set)
        }
        return self
    }
}
