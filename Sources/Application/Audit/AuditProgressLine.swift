import Foundation

/// An audit's progress on a terminal: one stderr line rewritten in place (events done of the
/// total, events/s), cleared at the end. Silent when disabled (not a terminal, `--json`) and
/// for logs short enough to finish before anyone would look (under `threshold` events).
public final class AuditProgressLine {
    private let isEnabled: Bool
    private let label: String
    private let threshold: Int64
    private let started = DispatchTime.now().uptimeNanoseconds
    private var shown = false

    public init(_ label: String, isEnabled: Bool, threshold: Int64 = 50_000) {
        (self.label, self.isEnabled, self.threshold) = (label, isEnabled, threshold)
    }

    public func update(done: Int64, total: Int64) {
        guard isEnabled, total >= threshold, done < total else { return finish() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let rate = seconds > 0 ? Int(Double(done) / seconds) : 0
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(done)/\(total) events (\(rate) events/s)".utf8))
        shown = true
    }

    public func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
