import HTTP

/// `/health`: 200 while the database answers, 503 (same shape) when it does not, with each
/// projection's position and lag as of the refresher's last pass.
enum HealthRoute {
    static func answer(_ request: Request, _ cache: DocumentCache) -> Response {
        let health = cache.health
        let body = health.json
        let representation = Representation(
            contentType: "application/json", body: body, etag: Answer.etag("h" + Answer.fingerprint(body)), cacheControl: "no-store")
        var response = Answer.ok(representation, for: request, position: cache.position)
        if !health.isDatabaseUp {
            response = Response(status: 503, headers: response.headers.filter { $0.0 != "ETag" } + [("Retry-After", "2")], body: body)
            if !response.headers.contains(where: { $0.0 == "Content-Type" }) {
                response.headers.insert(("Content-Type", "application/json"), at: 0)
            }
        }
        return response
    }
}
