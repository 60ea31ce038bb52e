import Application
import Arguments
import Domain
import EventStore
import Events
import Foundation
import Postgres

/// Parses a command line, runs the verb, and maps every failure to CONTRACT's exit codes:
/// 0 done, 1 refused by a rule, 2 usage, 3 conflict after retries, 4 database, 5 not permitted.
enum CLI {
    static let parser = Parser(root: CommandTree.root, globalOptions: CommandTree.globals)

    /// The parser's typed error, widened so one `do` can catch every failure below.
    static func parse(_ argv: [String]) throws -> ParseOutcome {
        try parser.parse(argv)
    }

    static func run(_ argv: [String], environment: [String: String]) -> Int32 {
        let wantsJSON = argv.prefix { $0 != "--" }.contains("--json")
        var path: [String] = []
        do {
            switch try parse(argv) {
            case .help(let text, let isExplicit):
                if isExplicit {
                    print(text)
                    return 0
                }
                Output.error(.usage, "missing subcommand", hint: nil, json: wantsJSON)
                FileHandle.standardError.write(Data((text + "\n").utf8))
                return 2
            case .run(let parsed):
                path = parsed.path
                guard let verb = CommandTree.verbs[parsed.path.joined(separator: " ")] else {
                    Output.error(
                        .usage, "'\(parsed.path.joined(separator: " "))' cannot run by itself", hint: parser.hint(for: parsed.path),
                        json: wantsJSON)
                    return 2
                }
                let invocation = try Invocation(parsed, environment: environment)
                try verb(invocation)
                invocation.catchUpReadModels()
                return 0
            }
        } catch let error as ArgumentsError {
            Output.error(.usage, error.message, hint: parser.hint(for: error.path), json: wantsJSON)
            return 2
        } catch let rejection as Rejection {
            Output.error(.rejected(rule: rejection.rule), rejection.message, hint: rejection.hint, json: wantsJSON)
            return rejection.isMalformedValue ? 2 : 1
        } catch let conflict as ConflictPersisted {
            Output.error(.conflict, conflict.description, hint: "try again; another organizer is changing the same things", json: wantsJSON)
            return 3
        } catch let error as AppError {
            switch error {
            case .usage(let message, let hint):
                Output.error(.usage, message, hint: hint ?? parser.hint(for: path), json: wantsJSON)
                return 2
            case .database(let message, let hint):
                Output.error(.database, message, hint: hint, json: wantsJSON)
                return 4
            case .notPermitted(let message, let hint):
                Output.error(.notPermitted, message, hint: hint, json: wantsJSON)
                return 5
            }
        } catch let error as AuditFailure {
            Output.error(.rejected(rule: "audit"), error.message, hint: error.hint, json: wantsJSON && error.json == nil)
            if wantsJSON, let payload = error.json { Output.json(payload) }
            return 1
        } catch EventStoreError.notPermitted(let message) {
            Output.error(.notPermitted, message, hint: AppError.grantHint, json: wantsJSON)
            return 5
        } catch EventStoreError.damaged(let message) {
            Output.error(.database, message, hint: "run 'citylab audit verify'", json: wantsJSON)
            return 4
        } catch let error as EventStoreError {
            Output.error(.database, error.description, hint: "run 'citylab db migrate'", json: wantsJSON)
            return 4
        } catch let error as PostgresError where EventStoreError.isPrivilegeRefusal(error) {
            Output.error(.notPermitted, "not permitted: \(error.message)", hint: AppError.grantHint, json: wantsJSON)
            return 5
        } catch let error as PostgresError {
            Output.error(.database, "database error: \(error)", hint: "check the server with 'citylab db status'", json: wantsJSON)
            return 4
        } catch {
            Output.error(.internalError, "unexpected error: \(error)", hint: "please report this with the command you ran", json: wantsJSON)
            return 1
        }
    }
}

/// A verb-level failure that is neither a rule nor usage: an audit that found a problem (exit 1).
struct AuditFailure: Error {
    let message: String
    let hint: String?
    /// What `--json` prints instead of the generic error object.
    let json: JSONValue?
}
