extension Array {
    /// The value of a field of the element at `index`, read where it lies (`field(at:_:)` below):
    /// applying a key path to `self[index]` copies the whole element first, retaining and
    /// releasing each of its fields, which planning did on every read of every page.
    @inlinable
    package func field<Value>(at index: Int, _ path: KeyPath<Element, Value>) -> Value {
        precondition(indices.contains(index), "index out of range")
        return withUnsafeBufferPointer { elements in BulletinSupport.field(at: elements.baseAddress! + index, path) }
    }
}

/// The value of a field of `root`, read where it lies (`field(at:_:)` below): planning reads the
/// site's settings through its inputs, the whole site, on every page.
@inlinable
package func field<Root, Value>(of root: borrowing Root, _ path: KeyPath<Root, Value>) -> Value {
    withUnsafePointer(to: root) { field(at: $0, path) }
}

/// The field of the value at `pointer`: a stored field is read at its offset, with no copy of the
/// value around it; a computed one needs the value, and gets it.
@inlinable
package func field<Root, Value>(at pointer: UnsafePointer<Root>, _ path: KeyPath<Root, Value>) -> Value {
    guard let offset = MemoryLayout<Root>.offset(of: path) else { return pointer.pointee[keyPath: path] }
    return UnsafeRawPointer(pointer).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
}
