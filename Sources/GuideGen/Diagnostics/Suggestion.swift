/// "Did you mean …" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let limit = max(1, min(w.count, c.count) / 3 + 1)
            guard abs(c.count - w.count) <= limit else { continue }
            let d = distance(w, c)
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// `help:` text for an unknown name, or a list of what is allowed when nothing is close.
    public static func help(for word: String, in candidates: [String], noun: String = "") -> String {
        if let match = closest(to: word, in: candidates) { return "did you mean `\(match)`?" }
        let shown = candidates.sorted().prefix(12).map { "`\($0)`" }.joined(separator: ", ") + (candidates.count > 12 ? ", …" : "")
        return candidates.isEmpty ? "none are defined" : "known\(noun.isEmpty ? "" : " " + noun): \(shown)"
    }

    /// Damerau–Levenshtein (optimal string alignment) distance over Unicode scalars.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prevPrev = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prevPrev[j - 2] + 1) }
                cur[j] = v
            }
            (prevPrev, prev, cur) = (prev, cur, prevPrev)
        }
        return prev[b.count]
    }
}
