/// A parameter as it travels to the server: text format, or SQL NULL.
public enum PostgresValue: Sendable, Equatable {
    case null
    case text(String)
}
