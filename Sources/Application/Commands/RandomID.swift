/// Random parts for ids and tokens (the shell's job: the domain takes no randomness).
public enum RandomID {
    /// Letters and digits that read unambiguously (no 0/o, 1/l/i).
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    /// 8 characters ≈ 39 bits: `att_k3q9x2mw`.
    public static func suffix(length: Int = 8) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// A command id for commands run without `--command-id` (recorded in metadata).
    public static func commandID() -> String { "cmd_" + suffix(length: 12) }
}
