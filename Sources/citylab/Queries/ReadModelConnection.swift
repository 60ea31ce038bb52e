import Application
import Foundation
import Postgres
import Projections

extension Invocation {
    /// The connection queries read from, after catching the projections up (one cheap query
    /// when nothing is behind). If catching up fails, the read models are shown as they are,
    /// with a warning: a stale answer beats none.
    func readModels() throws -> Connection {
        let connection = try store().connection
        do {
            try Projector.catchUpAll(connection)
        } catch {
            FileHandle.standardError.write(
                Data("warning: the read models could not catch up (\(error)); showing them as they are\n".utf8))
        }
        return connection
    }
}
