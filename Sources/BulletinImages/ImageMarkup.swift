import Foundation

/// What a page shows of a processed photo: a `<picture>` offering WebP, then JPEG (or PNG), in
/// every width made, with the size of the photo so that the page does not jump as it loads.
public struct PictureView: Sendable, Hashable, Encodable {
    public var webpSrcset: String
    public var src: String
    public var srcset: String
    public var width: Int
    public var height: Int
    public var sizes: String
    public var alt: String
    public var loading: String

    public init(webpSrcset: String, src: String, srcset: String, width: Int, height: Int, sizes: String, alt: String, loading: String) {
        (self.webpSrcset, self.src, self.srcset, self.width, self.height) = (webpSrcset, src, srcset, width, height)
        (self.sizes, self.alt, self.loading) = (sizes, alt, loading)
    }

    /// Text columns are at most 42em wide (`--measure` in the theme's style.css).
    public static let sizes = "(max-width: 44em) 100vw, 42em"
}

extension ProcessedImage {
    /// The view of this photo for a site published under `rootPath` ('/' or '/sub/path/').
    public func picture(rootPath: String, alt: String, eager: Bool = false) -> PictureView {
        let fallback = self.fallback
        return PictureView(webpSrcset: srcset(.webp, rootPath: rootPath), src: Self.url(fallback, rootPath: rootPath),
                           srcset: srcset(fallbackFormat, rootPath: rootPath), width: fallback.width, height: fallback.height,
                           sizes: PictureView.sizes, alt: alt, loading: eager ? "eager" : "lazy")
    }

    /// The address of the fallback version 960 pixels wide (or the widest), e.g. for a feed.
    public func fallbackURL(rootPath: String) -> String { Self.url(fallback, rootPath: rootPath) }

    /// The address of the widest fallback version, for a link to the photo itself.
    public func largestURL(rootPath: String) -> String { Self.url(variants(fallbackFormat).last!, rootPath: rootPath) }

    func srcset(_ format: ImageFormat, rootPath: String) -> String {
        variants(format).map { "\(Self.url($0, rootPath: rootPath)) \($0.width)w" }.joined(separator: ", ")
    }

    /// Percent-encoded, commas included, so that a file name never splits a `srcset`.
    static func url(_ variant: ImageVariant, rootPath: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ",;")
        return rootPath + (variant.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? variant.path)
    }
}

public enum PictureMarkup {
    /// A `<picture>` for HTML made by the Markdown stage: `altHTML` and `titleHTML` are already escaped.
    public static func html(_ view: PictureView, altHTML: String, titleHTML: String?) -> String {
        let title = titleHTML.map { " title=\"\($0)\"" } ?? ""
        return "<picture><source type=\"image/webp\" srcset=\"\(view.webpSrcset)\" sizes=\"\(view.sizes)\">"
            + "<img src=\"\(view.src)\" srcset=\"\(view.srcset)\" sizes=\"\(view.sizes)\" width=\"\(view.width)\" height=\"\(view.height)\""
            + " loading=\"\(view.loading)\" decoding=\"async\" alt=\"\(altHTML)\"\(title)></picture>"
    }
}
