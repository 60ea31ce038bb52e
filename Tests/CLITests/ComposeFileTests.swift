import Foundation
import XCTest

/// docker-compose.yml, checked offline (no Docker engine) by Debian's `docker-compose config`
/// (CITYLAB_DOCKER_COMPOSE, exported by script/test), and against the README: the command,
/// port and database URL a Docker user reads about are the ones the file runs.
final class ComposeFileTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testTheComposeFileIsValidAndServesWhatTheREADMESays() throws {
        let compose = try Self.dockerCompose()
        let file = Self.repository.appendingPathComponent("docker-compose.yml")
        let config = try ExternalTool.run(compose, ["-f", file.path, "config"])
        XCTAssertEqual(config.status, 0, config.stderr)
        XCTAssertFalse(config.stderr.contains("WARNING"), config.stderr)
        let services = try XCTUnwrap(try Self.yamlAsJSON(config.stdout, compose: compose)["services"] as? [String: Any])
        let postgres = try XCTUnwrap(services["postgres"] as? [String: Any])
        let citylab = try XCTUnwrap(services["citylab"] as? [String: Any])

        let command = try XCTUnwrap(citylab["command"] as? [String]).joined(separator: " ")
        let serve = "citylab serve --host 0.0.0.0 --port 8080"
        XCTAssertTrue(command.contains(serve), command)
        XCTAssertTrue(command.hasPrefix("sh -c citylab --database-url"), "the schema is migrated before serving: \(command)")
        let ports = try XCTUnwrap(citylab["ports"] as? [[String: Any]])
        XCTAssertEqual(ports.count, 1)
        XCTAssertEqual(ports.first?["published"] as? Int, 8080, "\(ports)")
        XCTAssertEqual(ports.first?["target"] as? Int, 8080, "the published port reaches serve's --port: \(ports)")
        let health = try XCTUnwrap((citylab["healthcheck"] as? [String: Any])?["test"] as? [String])
        XCTAssertTrue(health.contains("http://127.0.0.1:8080/health"), "\(health)")
        XCTAssertEqual((citylab["depends_on"] as? [String: Any])?.keys.sorted(), ["postgres"])

        let environment = try XCTUnwrap(citylab["environment"] as? [String: Any])
        let url = try XCTUnwrap(environment["CITYLAB_DATABASE_URL"] as? String)
        let migrateURL = try XCTUnwrap(environment["CITYLAB_MIGRATE_URL"] as? String)
        let database = try XCTUnwrap(postgres["environment"] as? [String: Any])
        let superuser = try XCTUnwrap(database["POSTGRES_USER"] as? String)
        let name = try XCTUnwrap(database["POSTGRES_DB"] as? String)
        XCTAssertEqual(
            url, "postgresql://citylab_web:citylab_web@postgres:5432/\(name)", "serve reaches the postgres service as its own login")
        XCTAssertEqual(migrateURL, "postgresql://citylab:citylab@postgres:5432/\(name)")
        XCTAssertTrue(
            command.contains("--database-url \"$$CITYLAB_MIGRATE_URL\" db migrate"), "migrates as the migrating login: \(command)")
        XCTAssertEqual(postgres["image"] as? String, "postgres:15")
        // Neither login is the image's superuser; the migrating one may create roles, serve's may not.
        let volumes = try XCTUnwrap(postgres["volumes"] as? [String])
        XCTAssertTrue(
            volumes.contains { $0.hasSuffix("script/docker/initdb.sql:/docker-entrypoint-initdb.d/citylab.sql:ro") }, "\(volumes)")
        let initdb = try String(contentsOf: Self.repository.appendingPathComponent("script/docker/initdb.sql"), encoding: .utf8)
        XCTAssertTrue(initdb.contains("CREATE ROLE citylab LOGIN CREATEROLE PASSWORD 'citylab';"), initdb)
        XCTAssertTrue(
            initdb.contains("CREATE ROLE citylab_web LOGIN PASSWORD 'citylab_web' IN ROLE citylab_reader, citylab_projector;"), initdb)
        XCTAssertFalse(initdb.contains("SUPERUSER"), initdb)
        XCTAssertNotEqual(superuser, "citylab")
        XCTAssertNotEqual(superuser, "citylab_web")

        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for needle in ["`CITYLAB_DATABASE_URL=\(url)`", "`\(serve)`", "docker compose up --build", "on port 8080", "`/health`"] {
            XCTAssertTrue(readme.contains(needle), "the README's Docker part lacks \(needle)")
        }
        let dockerfile = try String(contentsOf: Self.repository.appendingPathComponent("Dockerfile"), encoding: .utf8)
        XCTAssertTrue(dockerfile.contains("curl"), "the healthcheck runs curl inside the image")
        XCTAssertTrue(dockerfile.contains("EXPOSE 8080"))
    }

    /// The check above means something only if `config` refuses a broken file.
    func testTheValidatorRefusesABrokenFile() throws {
        let compose = try Self.dockerCompose()
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-compose-\(UUID().uuidString).yml")
        try "version: \"3.8\"\nservices:\n  citylab:\n    image: citylab\n    ports: 8080\n    helthcheck: {}\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let config = try ExternalTool.run(compose, ["-f", broken.path, "config"])
        XCTAssertNotEqual(config.status, 0, config.stdout)
        XCTAssertTrue(config.stderr.contains("helthcheck"), config.stderr)
    }

    static func dockerCompose() throws -> String {
        try ExternalTool.locate(
            variable: "CITYLAB_DOCKER_COMPOSE", candidates: ["docker-compose"],
            install: "run script/test (it installs Debian's docker-compose) or set CITYLAB_DOCKER_COMPOSE")
    }

    /// `config` prints YAML; the Python that runs docker-compose has PyYAML, so it turns it into JSON.
    static func yamlAsJSON(_ yaml: String, compose: String) throws -> [String: Any] {
        let shebang = (try? String(contentsOfFile: compose, encoding: .utf8))?.split(separator: "\n").first ?? ""
        let python = shebang.hasPrefix("#!/") && shebang.contains("python") ? String(shebang.dropFirst(2)) : "/usr/bin/python3"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-compose-\(UUID().uuidString).yml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let program = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"
        let exit = try ExternalTool.run(python, ["-c", program, file.path])
        XCTAssertEqual(exit.status, 0, exit.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(exit.stdout.utf8)) as? [String: Any])
    }
}
