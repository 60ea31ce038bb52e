/// A benchmark that could not measure what it set out to (the run exits 1 with this).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
