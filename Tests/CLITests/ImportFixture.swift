import Foundation
import XCTest

/// Files for the import tests, in a directory removed after each test.
struct ImportFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` (exact bytes) and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try file(name, bytes: Array(text.utf8))
    }

    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// `count` valid rows, `person<i>@example.org`, with a quoted comma in every name.
    static func rows(_ count: Int, from first: Int = 1) -> String {
        let roles = ["mayor", "city-innovator", "artist", "funder", "academic", "urbanist", "speaker", "staff", "press", "other"]
        return (first..<first + count).map {
            "\"Person \($0), Jr.\",person\($0)@example.org,\(roles[$0 % roles.count]),Org \($0 % 7),Bogotá\r\n"
        }
        .joined()
    }

    static let header = "name,email,role,organization,city\r\n"
}
