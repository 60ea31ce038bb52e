import Application
import Arguments
import EventStore
import Events
import Foundation

/// `citylab audit placements|head|verify`: replays, the head, and proof the log was not altered.
enum AuditGroup {
    static let spec = CommandSpec(
        "audit", abstract: "Audit the log: placement histories by replay, its head, and proof it was not altered.",
        subcommands: [AuditPlacementsCommand.spec, AuditHeadCommand.spec, AuditVerifyCommand.spec])

    static let verbs: [String: Verb] = [
        "audit placements": AuditPlacementsCommand.verb, "audit head": AuditHeadCommand.run, "audit verify": AuditVerifyCommand.run,
    ]
}
