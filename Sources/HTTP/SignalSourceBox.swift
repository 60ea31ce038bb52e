import Dispatch

/// Keeps a signal source alive for the server's lifetime.
// @unchecked Sendable: the source is set up before boxing and never mutated after; the
// box only holds the reference (Dispatch sources are thread-safe objects).
final class SignalSourceBox: @unchecked Sendable {
  let source: any DispatchSourceSignal

  init(_ source: any DispatchSourceSignal) {
    self.source = source
  }
}
