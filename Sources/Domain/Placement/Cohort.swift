/// A Summer Scholars cohort: the year of the summer, e.g. 2026.
public enum Cohort {
    public static func validate(_ year: Int) throws(Rejection) -> Int {
        guard (1900...9999).contains(year) else {
            throw Rejection(
                "invalid-cohort", "cohort \(year) is not a year from 1900 to 9999", hint: "give --cohort as a four-digit year, e.g. 2026")
        }
        return year
    }
}
