import Foundation
import TestSupport

/// Headless Chromium (CITYLAB_CHROMIUM, exported by script/test): screenshots and a DOM dump.
struct Chromium {
    let path: String
    let profile: URL

    static func locate() throws -> Chromium {
        let path = try ExternalTool.locate(
            variable: "CITYLAB_CHROMIUM", candidates: ["chromium", "chromium-browser", "google-chrome"],
            install: "run script/test (it installs Debian's chromium) or set CITYLAB_CHROMIUM")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-chromium-\(UUID().uuidString)")
        return Chromium(path: path, profile: profile)
    }

    private func arguments(width: Int, height: Int) -> [String] {
        // --no-sandbox: the suite may run as root, where Chromium's sandbox refuses to start.
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--window-size=\(width),\(height)",
        ]
    }

    /// Saves a PNG of `url` as a `width`-px-wide window shows it.
    func screenshot(_ url: String, width: Int, height: Int, to file: URL) throws {
        try? FileManager.default.removeItem(at: file)
        let exit = try ExternalTool.run(path, arguments(width: width, height: height) + ["--screenshot=\(file.path)", url])
        guard exit.status == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw CLITestError("\(path) made no screenshot of \(url) (exit \(exit.status)): \(exit.stderr.suffix(1500))")
        }
    }

    /// The DOM after load, serialized.
    func dumpDOM(_ url: String, width: Int, height: Int) throws -> String {
        let exit = try ExternalTool.run(path, arguments(width: width, height: height) + ["--dump-dom", url])
        guard exit.status == 0, !exit.stdout.isEmpty else {
            throw CLITestError("\(path) --dump-dom \(url) failed (exit \(exit.status)): \(exit.stderr.suffix(1500))")
        }
        return exit.stdout
    }

    func cleanUp() { try? FileManager.default.removeItem(at: profile) }
}
