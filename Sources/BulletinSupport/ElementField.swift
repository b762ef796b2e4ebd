extension Array {
    /// The value of a field of the element at `index`. A stored field is read where it lies:
    /// applying a key path to `self[index]` copies the whole element first, retaining and
    /// releasing each of its fields, which planning did on every read of every page. A computed
    /// field needs the element, and gets it.
    @inlinable
    package func field<Value>(at index: Int, _ path: KeyPath<Element, Value>) -> Value {
        precondition(indices.contains(index), "index out of range")
        return withUnsafeBufferPointer { elements in
            guard let offset = MemoryLayout<Element>.offset(of: path) else { return elements[index][keyPath: path] }
            return UnsafeRawPointer(elements.baseAddress! + index).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
        }
    }
}
