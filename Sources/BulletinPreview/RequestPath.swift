import Foundation

/// Maps a request path to a file of the preview folder, refusing anything that could reach outside
/// it: '..' segments (also percent-encoded, also between backslashes), NUL, hidden files and links
/// that lead out. A redirect goes only to a path of this server.
public enum RequestPath {
    public enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing '/': relative links need it.
        case redirect(String)
        case notFound
        case badRequest
    }

    public static func resolve(_ rawPath: String, in root: URL) -> Resolution {
        guard let path = rawPath.removingPercentEncoding, path.hasPrefix("/"), !path.contains("\u{0}") else { return .badRequest }
        // Browsers read a backslash as a slash, so '\..\' climbs as '/../' does.
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains(where: { $0 == ".." || $0 == "." }) {
            return .badRequest
        }
        // No file of the site has a backslash in its name, and a path starting '//' (or '/\', which
        // browsers read so) is another host's address: echoed in a Location header, it would send the
        // reader there.
        if path.hasPrefix("//") || path.contains("\\") { return .notFound }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var candidate = URL(fileURLWithPath: realRoot)
        for segment in segments { candidate.appendPathComponent(String(segment)) }
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        guard real == realRoot || real.hasPrefix(realRoot + "/") else { return .notFound }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard rawPath.hasSuffix("/") else { return folderLocation(segments).map(Resolution.redirect) ?? .notFound }
            let index = URL(fileURLWithPath: real).appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .notFound
        }
        return .file(URL(fileURLWithPath: real))
    }

    /// The folder's address with its trailing '/', made from the checked segments rather than the
    /// request, so that it is always one path of this server whatever the request looked like.
    private static func folderLocation(_ segments: [Substring]) -> String? {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        var location = "/"
        for segment in segments {
            guard let encoded = segment.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
            location += encoded + "/"
        }
        return location
    }

    /// Content types with their character set, as a browser needs them for Chinese text.
    public static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return url.lastPathComponent == "feed.xml" ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "doc": return "application/msword"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": return "application/vnd.ms-excel"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
