import Application
import Arguments
import EventStore
import Events
import Foundation

/// `citylab audit head [--to FILE]`: the log head, to keep outside the database.
enum AuditHeadCommand {
    static let spec = CommandSpec(
        "head", abstract: "Print the log head as POSITION:HASH, to keep outside the database.",
        discussion: "Only a head kept where the database's superusers cannot reach proves the log later: they can pass the "
            + "append-only triggers and recompute the whole chain. --to FILE appends the line 'POSITION:HASH KEPT_AT' (KEPT_AT "
            + "is when it was kept, ISO 8601 UTC to the second) to FILE, creating it when missing and never truncating it, and "
            + "prints that line; 'citylab audit verify --head-file FILE' checks the log against the file's last line.",
        options: [.option("to", valueName: "file", help: "Append the head, with the time it was kept, to this file.")],
        examples: ["citylab audit head", "citylab audit head --to /mnt/usb/citylab-heads.txt"])

    static func run(_ invocation: Invocation) throws {
        let head = try invocation.store().head()
        guard let path = invocation.parsed.option("to") else {
            if invocation.json {
                Output.json(
                    .object([
                        "position": .int(head.position), "hash": .string(Hex.encode(head.hash)), "head": .string(head.description),
                    ]))
            } else {
                Output.line(head.description)
            }
            return
        }
        let line = KeptHeadFile.line(head.description, keptAt: Date())
        do {
            try KeptHeadFile.append(line, to: path)
        } catch let failure as KeptHeadFile.Failure {
            throw AppError.usage(failure.description, hint: "give --to a file you can write, in a directory that exists")
        }
        if invocation.json {
            Output.json(
                .object([
                    "position": .int(head.position), "hash": .string(Hex.encode(head.hash)), "head": .string(head.description),
                    "line": .string(line), "file": .string(path),
                ]))
        } else {
            Output.line(line)
        }
    }
}
