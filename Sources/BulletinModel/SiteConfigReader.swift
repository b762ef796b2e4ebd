import Foundation
import BulletinLoad
import BulletinSupport

/// Reads site.yaml into a `SiteConfig`.
enum SiteConfigReader {
    static func read(_ document: YAMLDocument, baseURLOverride: String?) -> (SiteConfig?, [Diagnostic]) {
        var fields: FieldReader
        do { fields = try document.fields() } catch { return (nil, [error]) }

        let title = fields.string("title", required: true)
        let description = fields.string("description")
        let language = fields.string("language") ?? "zh-Hans"
        let organizers = fields.strings("organizers", required: true).map(\.value)
        let baseURLField = fields.located("baseURL", required: true)
        var diagnostics: [Diagnostic] = []

        var baseURL = baseURLOverride ?? baseURLField?.value ?? ""
        var rootPath = "/"
        if !baseURL.isEmpty {
            if !baseURL.hasSuffix("/") { baseURL += "/" }
            if let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil {
                rootPath = url.path.isEmpty ? "/" : url.path
                if !rootPath.hasSuffix("/") { rootPath += "/" }
            } else {
                diagnostics.append(.error(at: baseURLField?.location ?? fields.location,
                                          "baseURL '\(baseURL)' is not an absolute http(s) address",
                                          hint: "write the full published address, e.g. https://portal.example/zt/jiaoyu/"))
            }
        }

        var masthead: String?
        var editor: String?
        if var bulletin = fields.fields("bulletin", required: true) {
            masthead = bulletin.string("masthead", required: true)
            editor = bulletin.string("editor", required: true)
            diagnostics += bulletin.finish(known: [])
        }

        var footer = SiteConfig.Footer()
        if var footerFields = fields.fields("footer") {
            footer.siteCode = footerFields.string("siteCode")
            footer.icp = footerFields.string("icp")
            footer.publicSecurity = footerFields.string("publicSecurity")
            footer.host = footerFields.string("host")
            footer.organizer = footerFields.string("organizer")
            footer.contact = footerFields.string("contact")
            diagnostics += footerFields.finish(known: [])
        }

        var allowsRawHTML = false
        if var markdown = fields.fields("markdown") {
            allowsRawHTML = markdown.bool("unsafe")
            if allowsRawHTML {
                diagnostics.append(.warning(at: markdown.location(ofField: "unsafe"),
                                            "raw HTML in Markdown is published as written (markdown.unsafe is true)",
                                            hint: "only turn this on if every editor's HTML is trusted; scripts in it will run on the site"))
            }
            diagnostics += markdown.finish(known: [])
        }

        let districtEntries = fields.strings("districts", required: true)
        var seenDistricts: Set<String> = []
        for entry in districtEntries where !seenDistricts.insert(entry.value).inserted {
            diagnostics.append(.error(at: entry.location, "the district '\(entry.value)' is listed twice", hint: "keep one of them"))
        }
        diagnostics = fields.finish(known: []) + diagnostics

        guard let title, let masthead, let editor, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let config = SiteConfig(title: title, description: description, language: language, baseURL: baseURL,
                                rootPath: rootPath, organizers: organizers, bulletinMasthead: masthead,
                                bulletinEditor: editor, footer: footer, districts: districtEntries.map(\.value),
                                allowsRawHTML: allowsRawHTML)
        return (config, diagnostics)
    }
}
