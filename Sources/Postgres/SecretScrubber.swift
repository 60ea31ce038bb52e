import CLibPQ
import Foundation

/// Removes passwords from text that may echo a conninfo (libpq messages, our own errors):
/// the conninfo's own password wherever it appears, `password=…` pairs and `user:pass@` in URLs.
public enum SecretScrubber {
    public static let mask = "***"

    /// `text` (e.g. a libpq message) with the password `conninfo` holds masked wherever it
    /// appears, and `scrub(_:)`'s masking.
    public static func scrub(_ text: String, conninfo: String) -> String {
        var result = text
        if let password = password(in: conninfo), password.count >= 1 {
            result = result.replacingOccurrences(of: password, with: mask)
        }
        return scrub(result)
    }

    /// `text` with `password=…` pairs (quoted or not) and URL credentials masked: a URL or
    /// key=value conninfo made safe to print, user, host and database still readable.
    public static func scrub(_ text: String) -> String {
        scrubURLCredentials(scrubKeyValuePasswords(text))
    }

    /// The `password` that libpq itself would read from `conninfo`, if any.
    static func password(in conninfo: String) -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                let password = String(cString: value)
                return password.isEmpty ? nil : password
            }
            option += 1
        }
        return nil
    }

    /// `password=secret`, `password='a secret'` and `password = secret` (libpq allows spaces
    /// around `=`) become `password=***`.
    static func scrubKeyValuePasswords(_ text: String) -> String {
        let characters = Array(text)
        let key = Array("password")
        var out = ""
        var index = 0
        while index < characters.count {
            guard let valueStart = valueStart(after: key, in: characters, at: index) else {
                out.append(characters[index])
                index += 1
                continue
            }
            out += String(characters[index..<index + key.count]) + "=" + mask
            index = valueStart
            if index < characters.count, characters[index] == "'" {
                index += 1
                while index < characters.count, characters[index] != "'" {
                    index += characters[index] == "\\" ? 2 : 1
                }
                index += 1
            } else {
                while index < characters.count, !characters[index].isWhitespace, characters[index] != "&" {
                    index += 1
                }
            }
        }
        return out
    }

    /// Where the value starts when `key`, optional spaces, `=` and optional spaces begin at `index`.
    private static func valueStart(after key: [Character], in characters: [Character], at index: Int) -> Int? {
        var end = index + key.count
        guard end <= characters.count, String(characters[index..<end]).lowercased() == String(key) else { return nil }
        while end < characters.count, characters[end] == " " { end += 1 }
        guard end < characters.count, characters[end] == "=" else { return nil }
        end += 1
        while end < characters.count, characters[end] == " " { end += 1 }
        return end
    }

    /// `scheme://user:secret@host` becomes `scheme://user:***@host`.
    static func scrubURLCredentials(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var index = 0
        while index < characters.count {
            guard index + 3 <= characters.count, String(characters[index..<index + 3]) == "://" else {
                out.append(characters[index])
                index += 1
                continue
            }
            out += "://"
            index += 3
            var end = index
            while end < characters.count, !"/?@".contains(characters[end]), !characters[end].isWhitespace {
                end += 1
            }
            let userinfo = characters[index..<end]
            if end < characters.count, characters[end] == "@", let colon = userinfo.firstIndex(of: ":") {
                out += String(characters[index..<colon]) + ":" + mask + "@"
                index = end + 1
            }
        }
        return out
    }
}
