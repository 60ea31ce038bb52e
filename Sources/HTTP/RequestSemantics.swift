/// What the headers of a parsed head mean for the connection: keep-alive (per version and
/// `Connection`) and whether a body was announced. One pass over the fields, no arrays.
enum RequestSemantics {
    static func of(_ headers: HTTPHeaders, version: String) throws(HTTPParseError) -> (keepAlive: Bool, hasBody: Bool) {
        var hosts = 0
        var contentLength: UInt64?
        var hasTransferEncoding = false
        var close = false
        var keepAlive = false
        for field in headers.fields {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.namesMatch(field.name, "Host"):
                hosts += 1
            case 10 where HTTPHeaders.namesMatch(field.name, "Connection"):
                for item in field.value.split(separator: ",") {
                    let token = item.trimmingSpaces.lowercased()
                    if token == "close" { close = true }
                    if token == "keep-alive" { keepAlive = true }
                }
            case 14 where HTTPHeaders.namesMatch(field.name, "Content-Length"):
                for item in field.value.split(separator: ",", omittingEmptySubsequences: false) {
                    let trimmed = item.trimmingSpaces
                    guard !trimmed.isEmpty, trimmed.utf8.allSatisfy(RequestHeadParser.isDigit), let length = UInt64(trimmed)
                    else {
                        throw .malformed("Content-Length is not a number.")
                    }
                    if let contentLength, contentLength != length {
                        throw .malformed("Conflicting Content-Length values.")
                    }
                    contentLength = length
                }
            case 17 where HTTPHeaders.namesMatch(field.name, "Transfer-Encoding"):
                hasTransferEncoding = true
            default:
                continue
            }
        }
        if hosts > 1 { throw .malformed("More than one Host header.") }
        if version == "HTTP/1.1" && hosts == 0 {
            throw .malformed("HTTP/1.1 requests need a Host header.")
        }
        if hasTransferEncoding && contentLength != nil {
            throw .malformed("Both Transfer-Encoding and Content-Length were sent.")
        }
        let persistent = version == "HTTP/1.1" ? !close : (keepAlive && !close)
        return (persistent, hasTransferEncoding || (contentLength ?? 0) > 0)
    }
}
