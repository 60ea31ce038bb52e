import Application
import Arguments
import Domain
import EventStore
import Events
import Foundation

/// `citylab db start|stop|status|migrate`: the embedded cluster and the schema.
enum DBGroup {
    static let spec = CommandSpec(
        "db", abstract: "Manage the embedded PostgreSQL cluster and the schema.",
        discussion: "Without --database-url or CITYLAB_DATABASE_URL, commands use a private cluster under $CITYLAB_HOME "
            + "(default ./.citylab), started on demand, listening only on a unix socket where each OS user connects as the "
            + "PostgreSQL login of the same name (peer authentication, never trust); the bootstrap superuser is only for "
            + "the cluster's owner and root.",
        subcommands: [
            CommandSpec("start", abstract: "Start the embedded cluster (initializing it on first use).", examples: ["citylab db start"]),
            CommandSpec("stop", abstract: "Stop the embedded cluster.", examples: ["citylab db stop"]),
            CommandSpec(
                "status", abstract: "Where the cluster lives, its URL, whether it is up, how it authenticates and which login you are.",
                examples: ["citylab db status", "citylab db status --json"]),
            CommandSpec(
                "migrate", abstract: "Create or upgrade the event store and read-model schema (idempotent).",
                discussion: "While the log holds no staff event, it also adds the first admin: the login it connects as "
                    + "(or --first-admin), with every role of work. A second run adds nothing.",
                options: [
                    .option(
                        "first-admin", valueName: "login",
                        help: "The login to make the first admin instead of the one connected (e.g. on a server you migrate as postgres).")
                ],
                examples: [
                    "citylab db migrate", "citylab --database-url postgresql://localhost/citylab db migrate --first-admin ana",
                ]),
        ])

    static let verbs: [String: Verb] = [
        "db start": start, "db stop": stop, "db status": status, "db migrate": migrate,
    ]

    /// The embedded cluster; `CITYLAB_DURABLE=0` starts it without fsync (throwaway test clusters only).
    static func cluster(_ invocation: Invocation) -> EmbeddedCluster {
        EmbeddedCluster(
            home: EmbeddedCluster.defaultHome(environment: invocation.environment),
            durable: EmbeddedCluster.isDurable(invocation.environment))
    }

    static func start(_ invocation: Invocation) throws {
        let cluster = cluster(invocation)
        do {
            try cluster.start(progress: invocation.progress)
            // Migrates and makes the caller's login the first admin (the owner's tooling, as the superuser).
            try Database.connect(.embedded(home: cluster.home), migrate: true, progress: invocation.progress).close()
            report(cluster.status(), invocation, headline: "PostgreSQL is up.")
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError.database(
                "could not start the embedded cluster: \(error)", hint: "check that \(cluster.status().home.path) is writable")
        }
    }

    static func stop(_ invocation: Invocation) throws {
        let cluster = cluster(invocation)
        do {
            try cluster.stop()
        } catch {
            throw AppError.database(
                "could not stop the embedded cluster: \(error)", hint: "see the server log in \(cluster.status().home.path)")
        }
        report(cluster.status(), invocation, headline: "PostgreSQL is stopped.")
    }

    static func status(_ invocation: Invocation) throws {
        let status = cluster(invocation).status()
        report(status, invocation, headline: status.isRunning ? "PostgreSQL is up." : "PostgreSQL is down.")
        if case .url(let url) = invocation.target, !invocation.json {
            Output.line("note: commands use \(DatabaseTarget.redact(url)) (from --database-url or CITYLAB_DATABASE_URL), not this cluster")
        }
    }

    static func report(_ status: EmbeddedClusterStatus, _ invocation: Invocation, headline: String) {
        if invocation.json {
            var members: [String: JSONValue] = [
                "home": .string(status.home.path), "data_directory": .string(status.dataDirectory.path),
                "socket_directory": .string(status.socketDirectory.path), "url": .string(status.url),
                "running": .bool(status.isRunning), "login": .string(status.login),
                "authentication": .string(status.authentication),
            ]
            if let superuserURL = status.superuserURL { members["superuser_url"] = .string(superuserURL) }
            if let pid = status.pid { members["pid"] = .int(Int64(pid)) }
            Output.json(.object(members))
            return
        }
        Output.line(headline)
        Output.line("  data:   \(status.dataDirectory.path)")
        Output.line("  socket: \(status.socketDirectory.path)")
        Output.line("  url:    \(status.url)")
        Output.line("  login:  \(status.login)")
        Output.line("  auth:   \(status.authentication)")
    }

    static func migrate(_ invocation: Invocation) throws {
        let connection = try Database.connect(invocation.target, migrate: true, progress: invocation.progress)
        let status = try Migrator.status(connection, Database.migrations)
        let login: StaffLogin?
        if let given = invocation.parsed.option("first-admin") {
            login = try StaffMember.login(given)
        } else {
            login = try Migrator.sessionLogin(connection)
        }
        var firstAdmin: Migrator.FirstAdmin = .alreadyBootstrapped
        if let login { firstAdmin = try Migrator.bootstrapFirstAdmin(connection, login: login, actor: invocation.context.actor) }
        if invocation.json {
            var members: [String: JSONValue] = ["schema_version": .int(Int64(status.applied ?? 0))]
            if case .added(let login, let position) = firstAdmin {
                members["first_admin"] = .object(["login": .string(login.rawValue), "position": .int(position)])
            }
            Output.json(.object(members))
        } else {
            Output.line("Schema is current (version \(status.applied ?? 0)).")
            if case .added(let login, let position) = firstAdmin {
                Output.line("First admin: \(login), with every role (StaffAdded at position \(position)).")
            } else if let given = invocation.parsed.option("first-admin") {
                Output.line("note: the log already holds staff logins; add \(given) with 'citylab staff add \(given) --role admin'")
            }
        }
    }
}
