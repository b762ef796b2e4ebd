import BulletinLoad
import BulletinSupport

/// site.yaml: what the whole site is called, who runs it, and where it is published.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var language: String
    /// Absolute, ends with '/': `https://portal.example/zt/jiaoyu/`.
    public var baseURL: String
    /// The path part of baseURL, starting and ending with '/': every internal link starts with it.
    public var rootPath: String
    public var organizers: [String]
    public var bulletinMasthead: String
    public var bulletinEditor: String
    public var footer: Footer
    /// Official order of districts and counties, used for every grouping by district.
    public var districts: [String]
    /// Raw HTML in Markdown is passed through only when the site opts in.
    public var allowsRawHTML: Bool
    /// `publish: {target: …}`: where `bulletin publish` sends the site when no target is given.
    public var publishTarget: PublishSetting?

    public struct PublishSetting: Sendable, Hashable {
        /// As written; `bulletin publish` reads it (BulletinPublish's `PublishTarget`).
        public var target: String
        public var location: SourceLocation
    }

    public struct Footer: Sendable, Hashable {
        /// 网站标识码
        public var siteCode: String?
        /// ICP备案号, linked to the MIIT filing site.
        public var icp: String?
        /// 公安备案号
        public var publicSecurity: String?
        /// 主办单位 (defaults to the organisers)
        public var host: String?
        /// 承办单位
        public var organizer: String?
        public var contact: String?
    }
}
