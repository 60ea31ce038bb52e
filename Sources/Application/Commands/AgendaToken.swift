import Events

/// An attendee's personal agenda token: 128 random bits, shown once, stored only as a hash.
public enum AgendaToken {
    /// 32 lowercase hex digits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Hex.encode(bytes)
    }

    /// What the log keeps and the server looks up: hex SHA-256 of the token text.
    public static func hash(_ token: String) -> String { SHA256.hex(token) }
}
