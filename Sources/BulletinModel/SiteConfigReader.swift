import Foundation
import BulletinLoad
import BulletinSupport

/// Reads site.yaml into a `SiteConfig`.
package enum SiteConfigReader {
    /// site.yaml alone, for commands that need its settings without building (`bulletin publish`).
    package static func read(_ document: YAMLDocument) -> (SiteConfig?, [Diagnostic]) {
        read(document, baseURLOverride: nil)
    }

    /// `publishing`: the build makes files for a web server, which must not name this computer.
    static func read(_ document: YAMLDocument, baseURLOverride: String?, publishing: Bool = false) -> (SiteConfig?, [Diagnostic]) {
        var fields: FieldReader
        do { fields = try document.fields() } catch { return (nil, [error]) }

        let title = fields.string("title", required: true)
        let description = fields.string("description")
        let language = fields.string("language") ?? "zh-Hans"
        let organizers = fields.strings("organizers", required: true).map(\.value)
        let baseURLField = fields.located("baseURL", required: true)
        var diagnostics: [Diagnostic] = []

        // The file's own address is checked even when the option replaces it: `check` without
        // the option would publish it.
        let at = baseURLField?.location ?? fields.location
        var baseURL = baseURLField.flatMap { checked($0.value, name: "baseURL", at: at, into: &diagnostics) }
        if let baseURLOverride {
            baseURL = checked(baseURLOverride, name: "--base-url", at: at, into: &diagnostics)
        }
        if publishing, let baseURL, baseURL.isLocalOrExample {
            diagnostics.append(.error(at: at, .precompressLocalAddress, ["address": baseURL.address]))
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
                                            .rawHtmlAllowed))
            }
            diagnostics += markdown.finish(known: [])
        }

        var publishTarget: SiteConfig.PublishSetting?
        if var publish = fields.fields("publish") {
            if let target = publish.located("target", required: true) {
                publishTarget = SiteConfig.PublishSetting(target: target.value, location: target.location)
            }
            diagnostics += publish.finish(known: [])
        }

        let districtEntries = fields.strings("districts", required: true)
        var seenDistricts: Set<String> = []
        for entry in districtEntries where !seenDistricts.insert(entry.value).inserted {
            diagnostics.append(.error(at: entry.location, .districtListedTwice, ["district": TextCharacters.shown(entry.value)]))
        }
        diagnostics = fields.finish(known: []) + diagnostics

        guard let title, let masthead, let editor, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let config = SiteConfig(title: title, description: description, language: language,
                                baseURL: baseURL?.address ?? "", rootPath: baseURL?.rootPath ?? "/",
                                organizers: organizers, bulletinMasthead: masthead, bulletinEditor: editor, footer: footer, districts: districtEntries.map(\.value),
                                allowsRawHTML: allowsRawHTML, publishTarget: publishTarget)
        return (config, diagnostics)
    }

    private static func checked(_ written: String, name: String, at location: SourceLocation,
                                into diagnostics: inout [Diagnostic]) -> BaseURL? {
        do {
            return try BaseURL(checking: written, name: name)
        } catch {
            diagnostics.append(.error(at: location, error.text))
            return nil
        }
    }
}
