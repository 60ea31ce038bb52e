import Foundation

/// How containers mark the stream: each call checks it is made at the innermost open value.
extension CanonicalEncoder {
    /// A keyed container was asked for: the value is an object (`{}` if no member follows).
    func openObject(_ depth: Int) {
        guard depth >= 0, depth == frames.count - 1 else {
            unsupported = depth < 0 ? "a nested container or super encoder" : "a container used after another value was opened"
            return
        }
        switch frames[depth].kind {
        case .pending: frames[depth].kind = .object(firstMember: members.count)
        case .object: break
        default: unsupported = "a value that asked for two kinds of container"
        }
    }

    func key(_ key: String, _ depth: Int) throws {
        guard depth >= 0, depth == frames.count - 1, case .object = frames[depth].kind else {
            throw Self.refusal("a keyed container used after another value was opened")
        }
        var key = key
        // Property names, in practice; a key that is escaped, or holds a byte that sorts below
        // its closing quote, makes objects sort by unescaped keys (slower, and rare).
        if !escapedKeys {
            escapedKeys = !key.withUTF8 { $0.allSatisfy { $0 > UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } }
        }
        let keyStart = out.bytes.count
        out.string(key)
        members.append(Member(keyStart: keyStart, valueStart: out.bytes.count))
    }

    /// An unkeyed container was asked for: the value is an array (`[]` if no element follows).
    func openArray(_ depth: Int) {
        guard depth >= 0, depth == frames.count - 1 else {
            unsupported = depth < 0 ? "a nested container or super encoder" : "a container used after another value was opened"
            return
        }
        switch frames[depth].kind {
        case .pending:
            frames[depth].kind = .array(count: 0)
            out.byte(UInt8(ascii: "["))
        case .array: break
        default: unsupported = "a value that asked for two kinds of container"
        }
    }

    func element(_ depth: Int) throws {
        guard depth >= 0, depth == frames.count - 1, case .array(let count) = frames[depth].kind else {
            throw Self.refusal("an unkeyed container used after another value was opened")
        }
        if count > 0 { out.byte(UInt8(ascii: ",")) }
        frames[depth].kind = .array(count: count + 1)
    }

    func single(_ depth: Int) throws {
        guard depth >= 0, depth == frames.count - 1 else {
            throw Self.refusal("a single-value container used after another value was opened")
        }
        switch frames[depth].kind {
        case .pending: frames[depth].kind = .single(written: true)
        default: throw Self.refusal("a single-value container written twice")
        }
    }

    func raw(_ text: String) { out.raw(text) }

    /// A nested container or super encoder for the member `key` (nil: the next element) of the
    /// container at `depth`: an encoder of its own, put in place when that container closes.
    func nested(_ depth: Int, key: String?) -> CanonicalEncoder {
        let child = CanonicalEncoder()
        child.frames.append(Frame(kind: .pending, start: 0))
        do {
            if let key { try self.key(key, depth) } else { try element(depth) }
            children.append(Child(depth: depth, member: key == nil ? -1 : members.count - 1, offset: out.bytes.count, encoder: child))
        } catch {
            unsupported = "a nested container or super encoder of a container used after another value was opened"
        }
        return child
    }
}
