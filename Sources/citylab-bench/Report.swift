import Foundation

/// Prints benchmark figures as aligned rows: the measured figure beside its baseline and the ratio.
enum Report {
    static func header(_ title: String) {
        print("\n== \(title)")
    }

    static func row(_ label: String, _ value: Double, _ unit: String, baseline: Double, target: String) {
        let ratio = baseline > 0 ? value / baseline : 0
        print(
            label.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "%12.0f %@   baseline %12.0f %@   ratio %.2f   target %@", value, unit, baseline, unit, ratio, target))
    }

    static func line(_ text: String) { print(text) }

    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
