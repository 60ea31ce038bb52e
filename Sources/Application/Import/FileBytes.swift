import Foundation

/// The bytes of a file, read in 64 KiB chunks as they are consumed, never more than
/// `limit`: past it the iteration stops and `exceededLimit` is set. A read error also
/// stops it and is kept in `readError`, since an iterator cannot throw.
struct FileBytes: IteratorProtocol {
    private let handle: FileHandle
    private let limit: Int
    private var chunk: [UInt8] = []
    private var index = 0
    private(set) var total = 0
    private(set) var exceededLimit = false
    private(set) var readError: (any Error)?

    init(_ handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    mutating func next() -> UInt8? {
        if index == chunk.count {
            guard readError == nil, !exceededLimit else { return nil }
            do {
                chunk = [UInt8](try handle.read(upToCount: 65_536) ?? Data())
            } catch {
                readError = error
                chunk = []
            }
            index = 0
            total += chunk.count
            if total > limit {
                exceededLimit = true
                chunk = []
            }
            if chunk.isEmpty { return nil }
        }
        defer { index += 1 }
        return chunk[index]
    }
}
