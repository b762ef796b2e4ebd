import BulletinLoad
import BulletinSupport

/// 总第N期: regular issues are counted in order of year and number across all years;
/// supplements (增刊) have their own numbers and no running number.
public enum BulletinNumbering {
    /// Returns the bulletins newest first, with `serial` set on regular issues.
    public static func assignSerials(_ bulletins: [Bulletin]) -> [Bulletin] {
        var ordered = bulletins.sorted { ($0.year, $0.supplement ? 1 : 0, $0.number) < ($1.year, $1.supplement ? 1 : 0, $1.number) }
        var serial = 0
        for index in ordered.indices where !ordered[index].supplement {
            serial += 1
            ordered[index].serial = serial
        }
        return ordered.sorted { ($1.date, $1.year, $1.number) < ($0.date, $0.year, $0.number) }
    }
}
