import Foundation
import XCTest

/// The program and an agenda as people see them: rendered by headless Chromium at desktop width
/// and on a 390-px phone. Screenshots are kept in `.build/screenshots/` for a person to look at;
/// the assertions are what a reader would notice: a page with content, nothing wider than the
/// phone, seat and waitlist badges on screen, every time with its zone, a heading above the text.
final class BrowserScreenshotTests: XCTestCase {
    static let sizes = [("desktop", 1280, 1000), ("phone", 390, 1200)]

    static var screenshots: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/screenshots", isDirectory: true)
    }

    func testTheProgramAndAnAgendaReadWellOnADesktopAndA390PixelPhone() throws {
        let chromium = try Chromium.locate()
        defer { chromium.cleanUp() }
        let cli = try CLIHarness.fresh()
        let demo = try cli.start(["--json", "demo", "--port", "0"])
        defer {
            demo.interrupt()
            _ = try? demo.wait()
        }
        let line = try XCTUnwrap(demo.firstLine(), "the demo announced nothing")
        let announced = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let base = try XCTUnwrap(announced["url"] as? String)
        let port = try XCTUnwrap(Int(base.split(separator: ":").last ?? ""))
        let agendas = try XCTUnwrap(announced["agendas"] as? [[String: Any]])
        let agenda = try XCTUnwrap(agendas.first?["html"] as? String)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)

        for (name, url) in [("program", base + "/program"), ("agenda", agenda)] {
            let page = try httpGet(port: port, path: String(url.dropFirst(base.count)), headers: ["Accept: text/html"])
            XCTAssertEqual(page.status, 200, url)
            for (device, width, height) in Self.sizes {
                let file = Self.screenshots.appendingPathComponent("\(name)-\(device).png")
                try chromium.screenshot(url, width: width, height: height, to: file)
                let png = try BrowserPNG.read(file)
                XCTAssertEqual(png.width, width, "\(file.path)")
                XCTAssertGreaterThan(png.inked, 0.02, "\(file.path) is (almost) blank")
                try checkLayout(page.body, name: "\(name) on a \(width)-px \(device)", width: width, height: height, chromium: chromium)
            }
        }
    }

    private func checkLayout(_ html: String, name: String, width: Int, height: Int, chromium: Chromium) throws {
        let wrapper = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-probe-\(UUID().uuidString).html")
        try BrowserProbe.wrapper(html, width: width, height: height).write(to: wrapper, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: wrapper) }
        let report = try BrowserProbe.report(fromDOM: try chromium.dumpDOM(wrapper.absoluteString, width: width + 50, height: height))
        XCTAssertEqual(report.viewport, width, name)
        XCTAssertLessThanOrEqual(report.scrollWidth, width, "\(name): the page scrolls sideways")
        XCTAssertGreaterThan(report.textLength, 500, "\(name): hardly any text rendered")
        XCTAssertGreaterThanOrEqual(report.secondaryFontPx, 14, "\(name): small print")
        XCTAssertGreaterThanOrEqual(report.h1FontPx, report.secondaryFontPx * 1.4, "\(name): the title does not stand out")
        XCTAssertGreaterThan(report.times, 3, name)
        XCTAssertEqual(report.timesWithZone, report.times, "\(name): a time without its zone")
        XCTAssertFalse(report.badges.isEmpty, "\(name): no seat or waitlist badges")
        for badge in report.badges {
            XCTAssertGreaterThan(badge.height, 10, "\(name): badge \(badge.text) not visible")
            let onScreen = badge.left >= 0 && badge.right <= Double(width)
            XCTAssertTrue(onScreen, "\(name): badge \(badge.text) off screen (\(badge.left)–\(badge.right))")
        }
        let texts = report.badges.map(\.text)
        if name.hasPrefix("agenda") {
            XCTAssertTrue(texts.contains { $0.hasPrefix("Waitlist #") }, "\(name): \(texts)")
            XCTAssertTrue(texts.contains("Seat"), "\(name): \(texts)")
        } else {
            XCTAssertTrue(texts.contains { $0.hasSuffix("seats left") }, "\(name): \(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("Full") }, "\(name): \(texts)")
        }
    }
}
