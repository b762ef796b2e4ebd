import BulletinLoad
import BulletinSupport

/// Whether a base's annual report (年度报告) for a year is on the site. Reports are due by the
/// end of December of their year (管理办法 第九条), for each year of the base's validity.
public enum ReportState: String, Sendable {
    /// A report for the year is published.
    case reported
    /// Only an example report (示例) exists: it shows the format and does not count.
    case example
    /// The year has ended and no report is on the site.
    case missing
    /// The year has not ended yet on the as-of day.
    case notDue
    /// The base was revoked before this year.
    case revoked

    public var chinese: String {
        switch self {
        case .reported: return "已报送"
        case .example: return "仅示例"
        case .missing: return "未收录"
        case .notDue: return "未到期"
        case .revoked: return "已撤销"
        }
    }
}

public enum AnnualReports {
    public struct Cell: Sendable, Equatable {
        public var year: Int
        public var state: ReportState
        /// The report shown for the cell, as `base-id/slug`.
        public var report: String?
    }

    /// One cell per year of the base's validity.
    public static func cells(for base: Base, writeUps: [WriteUp], asOf: PartialDate) -> [Cell] {
        let reports = writeUps.filter { $0.baseID == base.id && $0.kind == .report }
        return base.batch.years.map { year in
            let forYear = reports.filter { $0.year == year }.sorted { $0.date < $1.date }
            if let real = forYear.last(where: { !$0.example }) {
                return Cell(year: year, state: .reported, report: real.reference)
            }
            if let revocation = base.revocation, revocation.date.year < year {
                return Cell(year: year, state: .revoked, report: nil)
            }
            if let example = forYear.last {
                return Cell(year: year, state: .example, report: example.reference)
            }
            if year >= asOf.year {
                return Cell(year: year, state: .notDue, report: nil)
            }
            return Cell(year: year, state: .missing, report: nil)
        }
    }
}
