import BulletinImages
import BulletinLoad
import BulletinSupport

/// Stage 2's result: the whole programme as typed values, every reference resolved.
public struct Site: Sendable {
    public var config: SiteConfig
    public var asOf: PartialDate
    public var batches: [Batch]
    /// In the order of bases.yaml.
    public var bases: [Base]
    /// Newest first.
    public var writeUps: [WriteUp]
    /// Newest first.
    public var bulletins: [Bulletin]
    /// Newest first.
    public var notices: [Notice]
    /// By their `order`.
    public var models: [CollaborationModel]
    public var pages: [FreePage]
    /// Files copied as they are, by path inside the content folder.
    public var staticFiles: [String]
    /// What the links of bodies resolve against: the files of the content folder and the pages
    /// its Markdown files become.
    public var paths: ContentPaths
    /// The photos of the image stage by content path: published in their versions, not as they are.
    public var images: [String: ProcessedImage] = [:]

    public func notice(_ slug: String) -> Notice? { notices.first { $0.slug == slug } }
    public func status(of base: Base) -> BaseStatus { BaseStatus.of(base, asOf: asOf) }
}
