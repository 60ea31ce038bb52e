/// A CSV field as one line of text: spreadsheet cells often hold line breaks ("Secretaría de
/// Integración Social⏎Bogotá"), which RFC 4180 quotes faithfully but a name, organization or
/// city cannot keep. Each run of CR, LF and tab characters, with the spaces around it,
/// becomes a single space; everything else is kept as it is. Pure.
enum ImportFieldText {
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBreak) else { return text }
        var result = String.UnicodeScalarView()
        var inRun = false
        for scalar in text.unicodeScalars {
            if isBreak(scalar) {
                while result.last == " " { result.removeLast() }
                inRun = true
            } else if inRun && scalar == " " {
                continue
            } else {
                if inRun { result.append(" ") }
                inRun = false
                result.append(scalar)
            }
        }
        if inRun { result.append(" ") }
        return String(result)
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || scalar == "\n" || scalar == "\t" }
}
