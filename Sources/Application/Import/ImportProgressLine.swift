import Foundation

/// The import's progress on a terminal: one stderr line rewritten in place (rows done,
/// rows/s), cleared when the import ends. Silent when stderr is not a terminal or with --json.
public final class ImportProgressLine {
    private let isEnabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var shown = false

    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    public func update(done: Int, total: Int) {
        guard isEnabled, total > 0 else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let rate = seconds > 0 ? Int(Double(done) / seconds) : 0
        FileHandle.standardError.write(Data("\r\u{1B}[Kimporting: \(done)/\(total) rows (\(rate) rows/s)".utf8))
        shown = true
    }

    public func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
