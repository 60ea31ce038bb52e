/// Keeps agenda tokens out of the access log whatever the path looks like: the router redacts
/// the routes it matches, but the server logs some answers before routing (a 413 for a body) and
/// a mangled path (`/ag*nda/TOKEN.json`) matches no route. Any run of 20 or more token characters
/// (letters, digits, `-`, `_`, `%`) becomes `…`; ids such as `ses_k3q9x2mw` are shorter.
enum LogRedaction {
    static let longestKept = 19

    static func redact(_ path: String) -> String {
        guard hasLongRun(path) else { return path }
        var out: [UInt8] = []
        var run: [UInt8] = []
        func flush() {
            out += run.count > longestKept ? Array("…".utf8) : run
            run.removeAll(keepingCapacity: true)
        }
        for byte in path.utf8 {
            if isTokenByte(byte) {
                run.append(byte)
            } else {
                flush()
                out.append(byte)
            }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether anything needs redacting (most paths: no, and no copy is made).
    private static func hasLongRun(_ path: String) -> Bool {
        var run = 0
        for byte in path.utf8 {
            run = isTokenByte(byte) ? run + 1 : 0
            if run > longestKept { return true }
        }
        return false
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            || byte == 0x25
    }
}
