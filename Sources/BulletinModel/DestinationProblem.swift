import BulletinSupport

/// What is wrong with one link or image destination in a body. Kept apart from its diagnostic so
/// that a problem past the cap is only counted: its message, column and suggestion are never made.
struct DestinationProblem {
    enum Reason {
        case removedScheme(String)
        case absolutePath
        case outsideContent
        case missing(candidate: String)
        /// `C:\Users\…`: a path on the editor's own computer; the hint says where to put the file.
        case ownComputer(hint: Message)
    }

    /// "link" or "image".
    var what: String
    /// The destination as written, without surrounding spaces.
    var url: String
    var reason: Reason

    private var isImage: Bool { what == "image" }

    /// The code of the line that counts the problems of this kind not listed.
    var kind: MessageCode {
        switch reason {
        case .removedScheme: isImage ? .moreImagesSchemeRemoved : .moreLinksSchemeRemoved
        case .absolutePath: isImage ? .moreImagesAbsolutePath : .moreLinksAbsolutePath
        case .outsideContent: isImage ? .moreImagesOutsideContent : .moreLinksOutsideContent
        case .missing: isImage ? .moreImagesMissingFile : .moreLinksMissingFile
        case .ownComputer: isImage ? .moreImagesOnOwnComputer : .moreLinksOnOwnComputer
        }
    }

    /// `nearest` gives the closest existing file to a missing one, for "did you mean".
    func diagnostic(at location: SourceLocation, nearest: (String) -> String?) -> Diagnostic {
        switch reason {
        case .removedScheme(let scheme):
            .warning(at: location, isImage ? .imageSchemeRemoved : .linkSchemeRemoved, ["scheme": scheme])
        case .absolutePath:
            .error(at: location, isImage ? .imageAbsolutePath : .linkAbsolutePath, ["url": TextCharacters.shown(url)])
        case .outsideContent:
            .error(at: location, isImage ? .imageOutsideContent : .linkOutsideContent, ["url": TextCharacters.shown(url)])
        case .ownComputer(let hint):
            .error(at: location, isImage ? .imageOnOwnComputer : .linkOnOwnComputer, ["url": TextCharacters.shown(url)], hint: hint)
        case .missing(let candidate):
            .error(at: location, isImage ? .imageMissingFile : .linkMissingFile,
                   ["url": TextCharacters.shown(url), "candidate": TextCharacters.shown(candidate)],
                   hint: Suggestion.invisibleHint(candidate, nearest: nearest)
                       ?? nearest(candidate).map { Message(.didYouMean, ["suggestion": TextCharacters.shown($0)]) })
        }
    }
}
