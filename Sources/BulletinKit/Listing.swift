import Foundation
import BulletinModel
import BulletinLoad
import BulletinSupport

/// `bulletin list`: the bases, write-ups or bulletins of the content, one a line, in columns, with
/// what an editor types to name them (an id, a `base-id/slug`, a file name) beside their Chinese
/// names and numbers.
public enum Listing {
    public enum Subject: String, Sendable, CaseIterable {
        case bases, writeups, bulletins
    }

    /// The lines, or the diagnostics that kept the content from being read. Drafts are listed,
    /// marked as such: they are what an editor is working on.
    public static func list(_ subject: Subject, content: URL, displayRoot: String) -> ([String], Diagnostics) {
        let loaded = ContentLoader.load(from: content, displayRoot: displayRoot)
        let (site, diagnostics) = SiteBuilder.build(loaded, options: BuildOptions(includeDrafts: true))
        guard let site else { return ([], diagnostics) }
        return (lines(subject, of: site), diagnostics)
    }

    public static func lines(_ subject: Subject, of site: Site) -> [String] {
        switch subject {
        case .bases: return bases(site)
        case .writeups: return writeUps(site)
        case .bulletins: return bulletins(site)
        }
    }

    /// In bases.yaml's order, which is the naming notice's.
    static func bases(_ site: Site) -> [String] {
        columns(site.bases.sorted { $0.order < $1.order }.map { base in
            [base.id, base.name, base.district ?? "区县未注明", base.category.chinese]
        })
    }

    /// Oldest first, so that the newest are the last lines, nearest the prompt.
    static func writeUps(_ site: Site) -> [String] {
        let names = Dictionary(site.bases.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sorted = site.writeUps.sorted { ($0.date, $0.reference) < ($1.date, $1.reference) }
        return columns(sorted.map { writeUp in
            let kind = writeUp.kind == .report ? "\(writeUp.year)\(writeUp.kind.chinese)" : writeUp.kind.chinese
            return [writeUp.reference, writeUp.date.iso, kind, names[writeUp.baseID] ?? writeUp.baseID,
                    writeUp.title + marks(draft: writeUp.draft, example: writeUp.example)]
        })
    }

    /// By year and number, supplements after a year's regular issues.
    static func bulletins(_ site: Site) -> [String] {
        let sorted = site.bulletins.sorted { ($0.year, $0.supplement ? 1 : 0, $0.number) < ($1.year, $1.supplement ? 1 : 0, $1.number) }
        return columns(sorted.map { bulletin in
            let file = ((bulletin.sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension
            return [file, "\(bulletin.year)年\(bulletin.issueLabel)", bulletin.serial.map { "总第\($0)期" } ?? "",
                    bulletin.date.iso, bulletin.title + marks(draft: bulletin.draft, example: bulletin.example), "\(bulletin.items.count)篇"]
        })
    }

    /// What the site marks, or does not publish yet.
    static func marks(draft: Bool, example: Bool) -> String {
        (draft ? "（草稿）" : "") + (example ? "（示例）" : "")
    }

    /// Cells padded to the widest of their column, as a terminal shows them: a Chinese character
    /// takes two columns. Trailing blanks are left out.
    /// A character a terminal would obey is written out first, as everywhere the command prints.
    static func columns(_ typed: [[String]]) -> [String] {
        let rows = typed.map { $0.map { TextCharacters.printable($0) } }
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], width(of: cell))
            }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - width(of: cell) + 2) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Terminal columns: two for East Asian wide and full-width characters, none for combining marks.
    static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return sum }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                return sum + 2
            default:
                return sum + 1
            }
        }
    }
}
