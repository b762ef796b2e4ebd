import Foundation

/// `bulletin build` after the commonest edit, text changed in write-ups' bodies: when the last
/// build's manifest and state say every other input, option and the tool are as they were, and
/// each changed write-up's front matter too, only the pages its body reaches are made again
/// (`SitePlanner.pagesShowingBodies`, `SearchIndexPatch`) and written over their files in the
/// output folder, each whole (write beside, rename over). Anything else, or anything unexpected
/// (a diagnostic, an output file that is not as the manifest says), gives nil: a full build.
enum BodyEditBuild {
    struct Result {
        var diagnostics: [Diagnostic]
        var writeUps: Int
        var written: Int
    }

    /// `previous` and `state` are what the last build kept; `current` the manifest of the inputs now.
    static func run(_ folders: PipelineFolders, options: BuildOptions, current: BuildManifest, previous: BuildManifest,
                    state: BuildState, templateListing: ContentTree.Listing) -> Result? {
        let output = folders.output
        guard previous.format == current.format, previous.tool == current.tool, previous.options == current.options,
              previous.inputs.count == current.inputs.count, state.digest == previous.digest,
              state.displayRoot == folders.contentDisplay
        else { return nil }
        // The new manifest's inputs are encoded meanwhile.
        let manifestHead = Concurrent { current.encodedHead() }
        var changed: [String] = []
        for (key, stamp) in current.inputs where previous.inputs[key] != stamp {
            guard previous.inputs[key] != nil, key.hasPrefix("content/") else { return nil }
            changed.append(String(key.dropFirst("content/".count)))
        }
        guard !changed.isEmpty else { return nil }

        let converter = BodyConverter(paths: state.site.paths, rootPath: state.site.config.rootPath,
                                      allowRawHTML: state.site.config.allowsRawHTML)
        guard let edited = editedWriteUps(changed.sorted(), state: state, folders: folders, converter: converter),
              let site = siteToPlan(edited.map(\.writeUp), state: state, folders: folders, converter: converter)
        else { return nil }
        let (templates, templateDiagnostics) = TemplateSet.load(from: folders.templates, displayRoot: folders.templatesDisplay,
                                                                listing: templateListing)
        guard let templates, templateDiagnostics.isEmpty else { return nil }
        let reached = SitePlanner.pagesShowingBodies(of: edited.map(\.writeUp), in: site, assets: templates.assetPaths)
        // Each file read back, replaced or made must be as the last build left it (or not be), in
        // folders of the output's own: never reached through a link.
        let root = output.path
        @Sendable func unchanged(_ path: String) -> Bool {
            switch FileSystemCalls.entry(path, in: root) {
            case .file(let stamp): return previous.outputs[path] == stamp.description
            case .missing: return previous.outputs[path] == nil
            case .other: return false
            }
        }
        guard let search = SearchIndexPatch.files(replacing: zip(edited, reached.searchDocuments).map { ($0.record.searchID, $1) },
                                                  postings: state.searchPostings,
                                                  read: { path in
                                                      guard unchanged(path) else { return nil }
                                                      return try? [UInt8](FileSystemCalls.readFile(output.path + "/" + path))
                                                  })
        else { return nil }
        var files = SiteRenderer.renderPages(reached.pages, templates: templates, language: site.config.language)
        files += search.files.map { OutputFile(path: $0.path, contents: .bytes($0.bytes)) }
        if options.precompress {
            files += files.compactMap(Precompression.compressed)
        }
        guard files.allSatisfy({ unchanged($0.path) }) else { return nil }
        // A page that no longer gains from compression keeps no compressed copy.
        let dropped = options.precompress ? files.map { $0.path + ".gz" }.filter { previous.outputs[$0] != nil && !files.map(\.path).contains($0) } : []
        guard dropped.allSatisfy(unchanged) else { return nil }

        guard let stamps = writeOver(files, in: output) else { return nil }
        var outputs = previous.outputs
        for (file, stamp) in zip(files, stamps) { outputs[file.path] = stamp.description }
        for path in dropped {
            unlink(output.path + "/" + path)
            outputs[path] = nil
        }
        BuildManifest.write(manifestHead.value, outputs: outputs.lazy.map { (path: $0.key, stamp: $0.value) }, for: output)
        guard BuildState.update(for: output, digest: current.digest, searchPostings: search.postings) else { return nil }
        return Result(diagnostics: state.diagnostics, writeUps: edited.count, written: files.count + dropped.count)
    }

    /// The changed files as write-ups, bodies converted again; nil unless each is a write-up the
    /// last build published cleanly, with the same front matter, showing lists the same.
    private static func editedWriteUps(_ changed: [String], state: BuildState, folders: PipelineFolders,
                                       converter: BodyConverter) -> [(record: BuildState.Record, writeUp: WriteUp)]? {
        var edited: [(record: BuildState.Record, writeUp: WriteUp)] = []
        for relative in changed {
            guard let record = state.writeUps.record(atPath: relative), record.clean,
                  case .markdown(let source) = ContentLoader.loadFile(relative, root: folders.content,
                                                                       displayPath: folders.contentDisplay + "/" + relative),
                  FNV1a.hash(source.frontMatterText.utf8) == record.frontMatter
            else { return nil }
            let (body, diagnostics) = ReferenceChecker.convert(source, with: converter, documents: nil)
            var writeUp = record.writeUp
            writeUp.body = body
            guard diagnostics.isEmpty, SitePlanner.listingFingerprint(writeUp) == record.listing else { return nil }
            edited.append((record, writeUp))
        }
        return edited
    }

    /// The site as the pages to plan see it: the kept site with the edited write-ups and every
    /// other write-up the bulletins that print them print, bodies converted again.
    private static func siteToPlan(_ edited: [WriteUp], state: BuildState, folders: PipelineFolders,
                                   converter: BodyConverter) -> Site? {
        var site = state.site
        site.writeUps = edited
        let references = Set(edited.map(\.reference))
        for bulletin in site.bulletins where bulletin.items.contains(where: references.contains) {
            for reference in bulletin.items where !site.writeUps.contains(where: { $0.reference == reference }) {
                guard let record = state.writeUps.record(forReference: reference),
                      case .markdown(let source) = ContentLoader.loadFile(record.relativePath, root: folders.content,
                                                                           displayPath: folders.contentDisplay + "/" + record.relativePath)
                else { return nil }
                var writeUp = record.writeUp
                writeUp.body = ReferenceChecker.convert(source, with: converter, documents: nil).0
                site.writeUps.append(writeUp)
            }
        }
        // Only what a build kept from a valid site: a write-up of a base the site has.
        guard site.writeUps.allSatisfy({ writeUp in site.bases.contains { $0.id == writeUp.baseID } }) else { return nil }
        return site
    }

    /// Writes every file beside its place first and, only when all are written, renames them over
    /// the old ones, so that a failure leaves the folder as it was. Returns the files' stamps.
    private static func writeOver(_ files: [OutputFile], in output: URL) -> [FileStamp]? {
        let paths = files.map { output.path + "/" + $0.path }
        let stamps = Array(zip(files, paths)).parallelMap { file, path -> FileStamp? in
            guard case .bytes(let bytes) = file.contents else { return nil }
            return try? FileSystemCalls.write(bytes, to: FileSystemCalls.temporaryPath(for: path))
        }
        guard stamps.allSatisfy({ $0 != nil }) else {
            for path in paths { unlink(FileSystemCalls.temporaryPath(for: path)) }
            return nil
        }
        for (index, path) in paths.enumerated() where rename(FileSystemCalls.temporaryPath(for: path), path) != 0 {
            // Some pages are new, some old: the manifest no longer describes the folder, so this
            // build goes on as a full one.
            for path in paths[index...] { unlink(FileSystemCalls.temporaryPath(for: path)) }
            try? FileManager.default.removeItem(at: BuildManifest.fileName(for: output))
            return nil
        }
        return stamps.map { $0! }
    }
}
