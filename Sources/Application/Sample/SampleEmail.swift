/// Synthetic addresses for the sample's people: `first.last@example.org` folded to ASCII,
/// numbered when taken. Only the reserved example domains are used (RFC 2606), so no sample
/// address can reach anyone.
struct SampleEmail {
    private var taken: Set<String> = []

    static let domains = ["example.org", "example.net", "example.com"]

    /// A new address for `name` at `domain`; "Lucía Fernández Ortiz" → lucia.fernandez.ortiz@example.org.
    mutating func address(for name: String, domain: String) -> String {
        let words = name.split(separator: " ").map { Self.fold(String($0)) }.filter { !$0.isEmpty }
        let base = words.isEmpty ? "guest" : words.joined(separator: ".")
        var local = base
        var number = 2
        while taken.contains("\(local)@\(domain)") {
            local = "\(base)\(number)"
            number += 1
        }
        taken.insert("\(local)@\(domain)")
        return "\(local)@\(domain)"
    }

    /// Lowercase ASCII letters, digits and '-' only; accented letters lose their accents.
    static func fold(_ word: String) -> String {
        var text = ""
        for character in word.lowercased() {
            if let plain = replacements[character] {
                text += plain
            } else if character.isASCII, character.isLetter || character.isNumber || character == "-" {
                text.append(character)
            }
        }
        return text
    }

    private static let replacements: [Character: String] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "æ": "ae", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "ñ": "n", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o", "ø": "o", "ú": "u",
        "ù": "u", "û": "u", "ü": "u", "ý": "y", "ð": "d", "þ": "th", "ß": "ss",
    ]
}
