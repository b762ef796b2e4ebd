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
        case ownComputer(hint: String)
    }

    /// "link" or "image".
    var what: String
    /// The destination as written, without surrounding spaces.
    var url: String
    var reason: Reason

    /// The problems of the same kind in the plural, for the line that counts those not listed.
    var kind: String {
        switch reason {
        case .removedScheme: "\(what)s removed for their kind of address"
        case .absolutePath: "\(what)s with an absolute path"
        case .outsideContent: "\(what)s leading outside the content folder"
        case .missing: "\(what)s pointing to files that do not exist"
        case .ownComputer: "\(what)s to files on your own computer"
        }
    }

    /// `nearest` gives the closest existing file to a missing one, for "did you mean".
    func diagnostic(at location: SourceLocation, nearest: (String) -> String?) -> Diagnostic {
        switch reason {
        case .removedScheme(let scheme):
            .warning(at: location, "the \(what) to a '\(scheme):' address was removed",
                     hint: "only http, https, mailto and tel addresses are published")
        case .absolutePath:
            .error(at: location, "the \(what) \(TextCharacters.quoted(url)) is an absolute path",
                   hint: "write the path relative to this file, e.g. ../../assets/photo.jpg, so the site works under any address")
        case .outsideContent:
            .error(at: location, "the \(what) \(TextCharacters.quoted(url)) leads outside the content folder",
                   hint: "put the file in Content/assets/ and link to it from there")
        case .ownComputer(let hint):
            .error(at: location, "the \(what) \(TextCharacters.quoted(url)) is a path on your own computer", hint: hint)
        case .missing(let candidate):
            .error(at: location, "the \(what) \(TextCharacters.quoted(url)) points to \(TextCharacters.quoted(candidate)), which does not exist",
                   hint: Suggestion.invisibleHint(candidate, nearest: nearest) ?? nearest(candidate).map { "did you mean \(TextCharacters.quoted($0))?" }
                       ?? "check the file name, or add the file to Content/assets/")
        }
    }
}
