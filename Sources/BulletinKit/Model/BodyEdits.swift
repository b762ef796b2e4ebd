/// The commonest edit in a session, text changed in write-ups' bodies: when the files are the same
/// ones and each front matter is as it was, every reference, order and listing of the model stays
/// as it was, and the new model is the last one with those bodies converted again.
enum BodyEdits {
    struct Edit: Sendable {
        /// Where the write-up is in the site's `writeUps`.
        var index: Int
        var previous: WriteUp
        var current: WriteUp
    }

    /// The write-ups of `site` with the bodies of `sources` converted again, each beside the
    /// previous one. Nil when a file is not a published write-up whose front matter is unchanged, or
    /// when converting its body reports anything, before or now: what the model reports is then
    /// worked out whole.
    static func edits(_ sources: [(previous: MarkdownSource, current: MarkdownSource)], in site: Site,
                      documents: DocumentCache) -> [Edit]? {
        guard let converter = documents.lastConverter else { return nil }
        var edits: [Edit] = []
        for (previous, current) in sources {
            guard previous.frontMatterText == current.frontMatterText, previous.displayPath == current.displayPath,
                  previous.bodyFirstLine == current.bodyFirstLine,
                  documents.lastDiagnostics(of: previous.relativePath)?.isEmpty == true,
                  let index = site.writeUps.firstIndex(where: { $0.sourcePath == current.displayPath })
            else { return nil }
            let (body, diagnostics) = ReferenceChecker.convert(current, with: converter, documents: documents)
            guard diagnostics.isEmpty else { return nil }
            var writeUp = site.writeUps[index]
            writeUp.body = body
            edits.append(Edit(index: index, previous: site.writeUps[index], current: writeUp))
        }
        return edits
    }
}
