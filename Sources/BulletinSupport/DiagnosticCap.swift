/// The problems of one file, with each kind listed only up to a limit: a mistake repeated
/// throughout a file is shown a few times, then counted in one closing line of the same severity,
/// placed where the unlisted ones begin.
package struct DiagnosticCap {
    /// Twenty show a repeated mistake and its pattern; more lines of the same kind would tell the
    /// editor nothing new and push the file's other problems out of sight.
    package static let perKind = 20

    private var listed: [Diagnostic] = []
    /// Per kind: how many were found, and the first one that was not listed.
    private var counts: [MessageCode: Int] = [:]
    private var firstUnlisted: [MessageCode: Diagnostic] = [:]
    private var overflowing: [MessageCode] = []

    package init() {}

    /// Adds a problem of `kind`, the code of the closing line that counts the unlisted ones
    /// ("… and {count} more images without alternative text"). `make`
    /// runs only for a problem that is listed or that places the closing line, so the rest cost no
    /// suggestion search and no column count.
    package mutating func add(_ kind: MessageCode, _ make: () -> Diagnostic) {
        let count = counts[kind, default: 0] + 1
        counts[kind] = count
        if count <= Self.perKind {
            listed.append(make())
        } else if count == Self.perKind + 1 {
            firstUnlisted[kind] = make()
            overflowing.append(kind)
        }
    }

    /// The listed problems in the order they were added, then one closing line per kind that went over.
    package var diagnostics: [Diagnostic] {
        listed + overflowing.map { kind in
            let first = firstUnlisted[kind]!
            return Diagnostic(first.severity, at: first.location, kind, ["count": String(counts[kind]! - Self.perKind)],
                              hint: Message(.onlyFirstListed, ["limit": String(Self.perKind)]))
        }
    }
}
