import BulletinImages
import BulletinSupport

extension ImageProblem {
    /// The located error of a photo the image stage could not use, at the body line or the cover
    /// field that shows it.
    func diagnostic(at location: SourceLocation, path: String) -> Diagnostic {
        switch self {
        case .unreadable:
            return .error(at: location, .imageUnreadable, ["path": TextCharacters.shown(path)])
        case .imageLibraryUnavailable(let reason):
            return .error(at: location, .imageLibraryUnavailable, ["path": TextCharacters.shown(path), "reason": reason])
        case .heifUnsupported:
            return .error(at: location, .imageHEIFUnsupported, ["path": TextCharacters.shown(path)])
        case let .fileTooLarge(bytes, limit):
            return .error(at: location, .imageFileTooLarge, ["path": TextCharacters.shown(path), "size": Self.megabytes(bytes),
                                                            "limit": String(limit / (1024 * 1024))])
        case let .tooManyPixels(width, height, limit):
            return .error(at: location, .imageTooManyPixels, ["path": TextCharacters.shown(path), "width": String(width),
                                                             "height": String(height), "limit": String(limit / 1_000_000)])
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
