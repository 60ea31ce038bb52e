/// The decoded values of a route's `{name}` placeholders.
public struct RouteParameters: Sendable, Equatable {
    public let values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> String? {
        values[name]
    }
}
