/// A path pattern such as `/agenda/{token}` or `/agenda/{token}.ics`. A placeholder
/// matches one whole, non-empty path segment (after percent-decoding, so `%2F` stays
/// inside the value), minus the literal text around it. Nothing is normalized: `..`
/// is an ordinary segment.
struct RoutePattern: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(name: String, prefix: String, suffix: String, isSecret: Bool)
    }

    let text: String
    let segments: [Segment]

    /// `secret` names placeholders whose values the access log must not show.
    init(_ text: String, secret: Set<String> = []) {
        self.text = text
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        segments = parts.map { part in
            guard let open = part.firstIndex(of: "{"), let close = part[open...].firstIndex(of: "}")
            else {
                return .literal(String(part))
            }
            let name = String(part[part.index(after: open)..<close])
            return .parameter(
                name: name,
                prefix: String(part[..<open]),
                suffix: String(part[part.index(after: close)...]),
                isSecret: secret.contains(name)
            )
        }
    }

    /// Literal segments outrank affixed placeholders, which outrank bare ones.
    var specificity: [Int] {
        segments.map { segment in
            switch segment {
            case .literal: 2
            case .parameter(_, let prefix, let suffix, _): prefix.isEmpty && suffix.isEmpty ? 0 : 1
            }
        }
    }

    /// The parameters and the path to log, if `rawPath` matches.
    func match(rawPath: String) -> (parameters: RouteParameters, logPath: String)? {
        let parts = rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard rawPath.hasPrefix("/"), parts.count == segments.count else { return nil }
        var values: [String: String] = [:]
        var logged: [String] = []
        for (segment, raw) in zip(segments, parts) {
            guard let decoded = try? PercentDecoding.decode(raw.utf8) else { return nil }
            switch segment {
            case .literal(let literal):
                guard decoded == literal else { return nil }
                logged.append(String(raw))
            case .parameter(let name, let prefix, let suffix, let isSecret):
                guard decoded.count > prefix.count + suffix.count, decoded.hasPrefix(prefix),
                    decoded.hasSuffix(suffix)
                else { return nil }
                values[name] = String(decoded.dropFirst(prefix.count).dropLast(suffix.count))
                logged.append(isSecret ? prefix + "…" + suffix : String(raw))
            }
        }
        return (RouteParameters(values), "/" + logged.joined(separator: "/"))
    }
}
