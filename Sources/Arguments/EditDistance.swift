/// The Levenshtein distance: insertions, deletions and substitutions of characters.
public func levenshtein(_ a: String, _ b: String) -> Int {
    editDistance(Array(a), Array(b), countsTranspositions: false)
}

/// The optimal-string-alignment distance: Levenshtein plus a swap of two adjacent
/// characters counted as one edit (`regsiter` is 1 away from `register`).
public func damerauLevenshtein(_ a: String, _ b: String) -> Int {
    editDistance(Array(a), Array(b), countsTranspositions: true)
}

/// The candidate closest to `word` when it is close enough to be a plausible typo, else nil.
///
/// Case is ignored. The allowed distance grows with the word: 1 up to 3 characters, 2 up to 6,
/// 3 beyond. A unique candidate that starts with `word` (3+ characters) also matches.
/// Ties go to the earlier candidate, so the answer is deterministic.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let typed = word.lowercased()
    guard !typed.isEmpty else { return nil }
    let limit = typed.count <= 3 ? 1 : (typed.count <= 6 ? 2 : 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = damerauLevenshtein(typed, candidate.lowercased())
        guard distance <= limit, distance < candidate.count else { continue }
        if distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    if let best { return best.candidate }
    let prefixed = candidates.filter { $0.lowercased().hasPrefix(typed) }
    return typed.count >= 3 && prefixed.count == 1 ? prefixed.first : nil
}

private func editDistance(_ a: [Character], _ b: [Character], countsTranspositions: Bool) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rolling rows: two before the current one, for transpositions.
    var older = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if countsTranspositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, older[j - 2] + 1)
            }
            current[j] = value
        }
        (older, previous, current) = (previous, current, older)
    }
    return previous[b.count]
}
