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

/// The value of a field of `root`, read where it lies when the field is stored: applying a key
/// path to a struct copies the whole struct first, and planning reads the site's settings through
/// its inputs, the whole site, on every page.
@inlinable
package func field<Root, Value>(of root: borrowing Root, _ path: KeyPath<Root, Value>) -> Value {
    withUnsafePointer(to: root) { pointer in
        guard let offset = MemoryLayout<Root>.offset(of: path) else { return pointer.pointee[keyPath: path] }
        return UnsafeRawPointer(pointer).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
    }
}
