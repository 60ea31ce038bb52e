import Events
import HTTP

/// `/log/head`: the log's current head, `{"hash": "…", "position": n}` and nothing else, so
/// witnesses outside the organisation can keep heads too (`citylab audit verify --head` proves
/// the log against any of them). Answered from memory: the refresher reads the head on every
/// NOTIFY of an append. 503 until the first refresh.
enum LogHeadRoute {
    static func answer(_ request: Request, _ cache: DocumentCache) -> Response {
        let health = cache.health
        guard health.headHash.count == 32 else {
            return Answer.problem(
                503, "The server has not read the log head yet; try again shortly.", position: cache.position,
                headers: [("Retry-After", "1")])
        }
        let hash = Hex.encode(health.headHash)
        let body = Array("{\"hash\":\"\(hash)\",\"position\":\(health.head)}".utf8)
        let representation = Representation(
            contentType: "application/json", body: body, etag: Answer.etag("l\(health.head)", String(hash.prefix(16))),
            cacheControl: "no-cache")
        return Answer.ok(representation, for: request, position: cache.position)
    }
}
