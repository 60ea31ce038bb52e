import Foundation

// citylab: organizers' CLI, attendees' HTTP read endpoint and staff audits. See CLI.swift.
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
exit(status)
