import XCTest

@testable import ReadAPI

/// RFC 5545 line folding and TEXT escaping, byte by byte.
final class ICalendarWriterTests: XCTestCase {
    func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append(current)
                current = []
                index += 2
                continue
            }
            XCTAssertNotEqual(bytes[index], 10, "a bare LF at \(index)")
            current.append(bytes[index])
            index += 1
        }
        XCTAssertTrue(current.isEmpty, "the output does not end in CRLF")
        return lines
    }

    func unfold(_ lines: [[UInt8]]) -> [UInt8] {
        lines.enumerated().reduce(into: []) { out, pair in out += pair.offset == 0 ? pair.element : Array(pair.element.dropFirst()) }
    }

    func testFoldsAt75OctetsWithoutSplittingUTF8() {
        for filler in ["é", "€", "😀", "a", "日本"] {
            for prefix in 0..<6 {
                let value = String(repeating: "x", count: prefix) + String(repeating: filler, count: 90)
                var writer = ICalendarWriter()
                writer.text("DESCRIPTION", value)
                let physical = lines(writer.bytes)
                XCTAssertGreaterThan(physical.count, 1)
                for (index, line) in physical.enumerated() {
                    XCTAssertLessThanOrEqual(line.count, 75, "line \(index) of \(filler)×\(prefix)")
                    XCTAssertNotNil(
                        String(validating: index == 0 ? line : Array(line.dropFirst()), as: UTF8.self), "split UTF-8 in \(filler)")
                    if index > 0 { XCTAssertEqual(line.first, 32) }
                }
                XCTAssertEqual(String(decoding: unfold(physical), as: UTF8.self), "DESCRIPTION:" + value)
            }
        }
    }

    func testAShortLineIsNotFoldedAndA75OctetLineFitsExactly() {
        var writer = ICalendarWriter()
        writer.raw("X", String(repeating: "y", count: 73))
        XCTAssertEqual(lines(writer.bytes).map(\.count), [75])
        writer = ICalendarWriter()
        writer.raw("X", String(repeating: "y", count: 74))
        XCTAssertEqual(lines(writer.bytes).map(\.count), [75, 2])
    }

    func testEscapesText() {
        XCTAssertEqual(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng")
        XCTAssertEqual(ICalendarWriter.escape("tab\there\u{0}nul\u{7}bell"), "tab herenulbell")
        XCTAssertEqual(ICalendarWriter.escape("Bogotá: \"quoted\""), "Bogotá: \"quoted\"")
    }

    func testUTCDateTimes() {
        XCTAssertEqual(ICalendarWriter.utc("2026-10-14T15:00:00Z"), "20261014T150000Z")
        XCTAssertEqual(ICalendarWriter.utc("2026-10-14T15:00:05.123456Z"), "20261014T150005Z")
        XCTAssertNil(ICalendarWriter.utc("2026-10-14T15:00"))
        XCTAssertNil(ICalendarWriter.utc("2026-10-14T15:00:00+02:00"))
    }
}
