import Foundation
import BulletinSupport

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
    /// The widest JPEG (or PNG) version, for paper: an A4 text column is about 1,800 pixels wide at
    /// 300 dpi, and the width a phone's screen picks would print blurred.
    public var printSrc: String
    /// The versions at most 960 pixels wide, WebP and JPEG (or PNG), offered alone on a screen of
    /// a phone's width (`phoneMedia`); nil when the photo has no wider version. A phone of three
    /// device pixels per CSS pixel otherwise takes the 1,600 px version: two and a half times the
    /// bytes of a parent's mobile data, for a difference its screen hardly shows.
    public var phoneWebpSrcset: String?
    public var phoneSrcset: String?

    public init(webpSrcset: String, src: String, srcset: String, width: Int, height: Int, sizes: String, alt: String, loading: String,
                printSrc: String, phoneWebpSrcset: String? = nil, phoneSrcset: String? = nil) {
        (self.webpSrcset, self.src, self.srcset, self.width, self.height) = (webpSrcset, src, srcset, width, height)
        (self.sizes, self.alt, self.loading, self.printSrc) = (sizes, alt, loading, printSrc)
        (self.phoneWebpSrcset, self.phoneSrcset) = (phoneWebpSrcset, phoneSrcset)
    }

    /// Text columns are at most 42em wide (`--measure` in the theme's style.css).
    public static let sizes = "(max-width: 44em) 100vw, 42em"
    /// A screen as narrow as a phone's, where a photo is as wide as the screen.
    public static let phoneMedia = "(max-width: 44em)"
}

extension ProcessedImage {
    /// The view of this photo for a site published under `rootPath` ('/' or '/sub/path/').
    public func picture(rootPath: String, alt: String, eager: Bool = false) -> PictureView {
        let fallback = self.fallback
        let hasWider = variants.contains { $0.width > fallback.width }
        return PictureView(webpSrcset: srcset(.webp, rootPath: rootPath), src: Self.url(fallback, rootPath: rootPath),
                           srcset: srcset(fallbackFormat, rootPath: rootPath), width: fallback.width, height: fallback.height,
                           sizes: PictureView.sizes, alt: alt, loading: eager ? "eager" : "lazy",
                           printSrc: largestURL(rootPath: rootPath),
                           phoneWebpSrcset: hasWider ? srcset(.webp, rootPath: rootPath, upTo: fallback.width) : nil,
                           phoneSrcset: hasWider ? srcset(fallbackFormat, rootPath: rootPath, upTo: fallback.width) : nil)
    }

    /// The address of the fallback version 960 pixels wide (or the widest), e.g. for a feed.
    public func fallbackURL(rootPath: String) -> String { Self.url(fallback, rootPath: rootPath) }

    /// The address of the widest fallback version, for a link to the photo itself.
    public func largestURL(rootPath: String) -> String { Self.url(variants(fallbackFormat).last!, rootPath: rootPath) }

    func srcset(_ format: ImageFormat, rootPath: String, upTo widest: Int = .max) -> String {
        variants(format).filter { $0.width <= widest }.map { "\(Self.url($0, rootPath: rootPath)) \($0.width)w" }.joined(separator: ", ")
    }

    /// Percent-encoded, commas included, so that a file name never splits a `srcset`.
    static func url(_ variant: ImageVariant, rootPath: String) -> String {
        if variant.path.isPlainURLPath() { return rootPath + variant.path }
        return rootPath + (variant.path.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? variant.path)
    }

    /// Made once: made for each address, the set was most of placing a body's photos.
    private static let pathAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ",;")
        return allowed
    }()
}

public enum PictureMarkup {
    /// A `<picture>` for HTML made by the Markdown stage: `altHTML` and `titleHTML` are already escaped.
    public static func html(_ view: PictureView, altHTML: String, titleHTML: String?) -> String {
        let title = titleHTML.map { " title=\"\($0)\"" } ?? ""
        var phone = ""
        if let webp = view.phoneWebpSrcset, let fallback = view.phoneSrcset {
            phone = "<source media=\"\(PictureView.phoneMedia)\" type=\"image/webp\" srcset=\"\(webp)\" sizes=\"100vw\">"
                + "<source media=\"\(PictureView.phoneMedia)\" srcset=\"\(fallback)\" sizes=\"100vw\">"
        }
        return "<picture><source media=\"print\" srcset=\"\(view.printSrc)\">" + phone
            + "<source type=\"image/webp\" srcset=\"\(view.webpSrcset)\" sizes=\"\(view.sizes)\">"
            + "<img src=\"\(view.src)\" srcset=\"\(view.srcset)\" sizes=\"\(view.sizes)\" width=\"\(view.width)\" height=\"\(view.height)\""
            + " loading=\"\(view.loading)\" decoding=\"async\" alt=\"\(altHTML)\"\(title)></picture>"
    }

    /// The same HTML for a renderer that knows no `<picture>` (WeasyPrint): each picture made by
    /// `html` becomes an `<img>` of its print version, with that address made relative to
    /// `rootPath` so that the document reads the photos from wherever it is rendered. Returns the
    /// HTML and the output paths of the photos it shows.
    public static func forPrint(_ html: String, rootPath: String) -> (html: String, photos: [String]) {
        guard html.containsExactly("<picture>") else { return (html, []) }
        var result = ""
        var photos: [String] = []
        var rest = Substring(html)
        let printSource = "<picture><source media=\"print\" srcset=\""
        while let start = rest.exactRange(of: printSource), let end = rest[start.upperBound...].exactRange(of: "</picture>") {
            let picture = rest[start.upperBound ..< end.lowerBound]
            guard let quote = picture.firstIndex(of: "\""), let image = picture.exactRange(of: "<img ") else {
                result += rest[..<end.upperBound]
                rest = rest[end.upperBound...]
                continue
            }
            var address = String(picture[..<quote])
            if address.hasPrefix(rootPath) { address.removeFirst(rootPath.count) }
            photos.append(address.removingPercentEncoding ?? address)
            let attributes = picture[image.upperBound...]
            let kept = ["width", "height", "alt", "title"].compactMap { name in
                attribute(name, in: attributes).map { " \(name)=\"\($0)\"" }
            }.joined()
            result += rest[..<start.lowerBound] + "<img src=\"\(address)\"\(kept)>"
            rest = rest[end.upperBound...]
        }
        return (result + rest, photos)
    }

    /// The (escaped) value of ` name="…"` among an element's attributes, as libcmark and this
    /// type write them.
    package static func attribute(_ name: String, in attributes: Substring) -> String? {
        guard let start = attributes.exactRange(of: " \(name)=\"") else { return nil }
        let value = attributes[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}
