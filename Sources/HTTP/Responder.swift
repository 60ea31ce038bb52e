import Synchronization

/// Handles one request on the loop thread. It must not block; it answers through the
/// responder, now or later from any thread.
public typealias Handler = @Sendable (Request, Responder) -> Void

/// The way to answer one request. `send` may be called once, from any thread, now or
/// later; later calls are ignored. Answers sent while the handler still runs are
/// written without waking the loop.
public final class Responder: Sendable {
  private struct State {
    var isSent = false
    var isInline = true
    var inlineResponse: Response?
    var logPath: String?
  }

  private let state = Mutex(State())
  private let deliverLater: @Sendable (Response) -> Void

  /// `deliverLater` receives an answer sent after `finishInline()`.
  init(deliverLater: @escaping @Sendable (Response) -> Void) {
    self.deliverLater = deliverLater
  }

  /// A responder outside any server, for running handlers in-process (tests):
  /// `onSend` receives the one answer, on the thread that sent it.
  public init(onSend: @escaping @Sendable (Response) -> Void) {
    self.deliverLater = onSend
    state.withLock { $0.isInline = false }
  }

  /// Answers the request. Only the first call counts.
  public func send(_ response: Response) {
    let isLater = state.withLock { state -> Bool in
      guard !state.isSent else { return false }
      state.isSent = true
      if state.isInline {
        state.inlineResponse = response
        return false
      }
      return true
    }
    if isLater { deliverLater(response) }
  }

  /// The path to show in the access log instead of the raw path (routes redact secrets here).
  public var logPath: String? {
    get { state.withLock { $0.logPath } }
    set { state.withLock { $0.logPath = newValue } }
  }

  /// Whether an answer was already sent.
  public var isSent: Bool { state.withLock { $0.isSent } }

  /// Called once the handler returns: the answer it sent meanwhile, if any. Later
  /// answers go to `deliverLater`.
  func finishInline() -> Response? {
    state.withLock { state in
      state.isInline = false
      return state.inlineResponse
    }
  }
}
