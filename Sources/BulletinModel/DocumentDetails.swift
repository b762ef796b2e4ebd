import Foundation
import BulletinSupport

/// What government sites print after a link to a document, so that a reader on a phone knows
/// what a tap will download: its type and size, as in 附件1：标题（PDF，120KB）.
public enum DocumentDetails {
    /// Files readers download rather than view: office documents, PDF and archives.
    static let documentExtensions: Set<String> = ["pdf", "ofd", "doc", "docx", "wps", "rtf", "odt", "xls", "xlsx", "et", "ods",
                                                  "csv", "ppt", "pptx", "dps", "odp", "txt", "zip", "rar", "7z"]

    /// Whether the file at this path is a document of those types.
    public static func isDocument(_ path: String) -> Bool {
        documentExtensions.contains(path.fileExtension.lowercased())
    }

    /// `PDF，120KB` for a document of `bytes` bytes; nil for other files.
    public static func text(path: String, bytes: Int) -> String? {
        guard isDocument(path) else { return nil }
        return path.fileExtension.uppercased() + "，" + size(bytes)
    }

    /// Under 1 MB in KB, rounded up (so a small file never reads 0KB); from 1 MB in MB with one
    /// decimal, rounded to the nearest: `120KB`, `1.5MB`.
    public static func size(_ bytes: Int) -> String {
        let megabyte = 1_048_576
        if bytes < megabyte { return "\(max(1, (bytes + 1023) / 1024))KB" }
        let tenths = (bytes * 10 + megabyte / 2) / megabyte
        return "\(tenths / 10).\(tenths % 10)MB"
    }
}
