import Foundation

// citylab: organizers' CLI, attendees' HTTP read endpoint and staff audits. See CLI.swift.
setvbuf(stdout, nil, _IOFBF, 1 << 16)
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
fflush(stdout)
exit(status)
