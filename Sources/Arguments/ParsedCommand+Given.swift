extension ParsedCommand {
    /// Everything given on the line in a fixed order, defaults left out: options as
    /// `--long` with their values (in the order given), flags as `--long` with none, positional
    /// arguments as `<name>`. Two lines that ask the same thing give the same list, whatever
    /// order their options came in (to fingerprint a command).
    public var givenValues: [(name: String, values: [String])] {
        let options = optionValues.map { (name: "--" + $0.key, values: $0.value) }
        let flags = setFlags.map { (name: "--" + $0, values: [String]()) }
        let arguments = argumentValues.map { (name: "<" + $0.key + ">", values: $0.value) }
        return (options + flags).sorted { $0.name < $1.name } + arguments.sorted { $0.name < $1.name }
    }
}
