import Foundation

// citylab-bench: release-build benchmarks; each figure is printed beside a same-run baseline.
// Usage: swift build -c release && .build/release/citylab-bench <name> [--quick]
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) throws -> Void] = [
    "append": AppendBenchmark.run,
    "audit": AuditBenchmark.run,
    "codec": CodecBenchmark.run,
    "http": HTTPBenchmark.run,
    "import": ImportBenchmark.run,
    "rebuild": RebuildBenchmark.run,
]
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: "|")
    FileHandle.standardError.write(Data("usage: citylab-bench <\(names)> [--quick]\n".utf8))
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
