/// `/openapi.json`: an OpenAPI 3.1 description of the read endpoint. Its schemas are strict
/// (`additionalProperties: false`) and the tests check real answers against them.
enum OpenAPIDocument {
    static let representation = Representation(
        contentType: "application/json", body: Array(text.utf8), etag: Answer.etag("o" + Answer.fingerprint(Array(text.utf8))),
        cacheControl: "public, max-age=3600")

    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "citylab read API",
            "version": "1.0.0",
            "description": "Attendees' agendas (HTML, JSON, iCalendar), the program, health, and the log head. Every answer carries X-Projection-Position; ?min_position=n waits up to 2 s for the projections to reach n. Errors are application/problem+json (RFC 9457)."
          },
          "paths": {
            "/": {
              "get": {
                "summary": "Where the server's address leads: the program",
                "responses": {
                  "303": {"description": "See /program (with the same query).", "headers": {"Location": {"description": "/program, with the request's query", "schema": {"type": "string"}}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/health": {
              "get": {
                "summary": "Database and projections status",
                "parameters": [{"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The database answers.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                  "503": {"description": "The database does not answer (same shape; Retry-After).", "headers": {"X-Projection-Position": {"$ref": "#/components/headers/Position"}, "Retry-After": {"$ref": "#/components/headers/RetryAfter"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/log/head": {
              "get": {
                "summary": "The log's current head, for witnesses to keep ('citylab audit verify --head POSITION:HASH' proves the log up to it)",
                "parameters": [{"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The head: its position and hash, nothing else.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LogHead"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/program": {
              "get": {
                "summary": "The edition's program (JSON unless the client prefers text/html)",
                "parameters": [{"$ref": "#/components/parameters/Conference"}, {"$ref": "#/components/parameters/MinPosition"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The program.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Program"}}, "text/html": {"schema": {"type": "string"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "400": {"$ref": "#/components/responses/BadMinPosition"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "406": {"$ref": "#/components/responses/Problem"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/program.ics": {
              "get": {
                "summary": "The whole program as an RFC 5545 calendar",
                "parameters": [{"$ref": "#/components/parameters/Conference"}, {"$ref": "#/components/parameters/MinPosition"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The calendar.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"text/calendar": {"schema": {"type": "string"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "400": {"$ref": "#/components/responses/BadMinPosition"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/sessions/{id}": {
              "get": {
                "summary": "One session (JSON unless the client prefers text/html)",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/MinPosition"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The session.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SessionDocument"}}, "text/html": {"schema": {"type": "string"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "400": {"$ref": "#/components/responses/BadMinPosition"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "406": {"$ref": "#/components/responses/Problem"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/agenda/{token}": {
              "get": {
                "summary": "An attendee's agenda: HTML for browsers, JSON for Accept: application/json",
                "parameters": [{"$ref": "#/components/parameters/Token"}, {"$ref": "#/components/parameters/MinPosition"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The agenda (Cache-Control: private).", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"text/html": {"schema": {"type": "string"}}, "application/json": {"schema": {"$ref": "#/components/schemas/Agenda"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "400": {"$ref": "#/components/responses/BadMinPosition"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "406": {"$ref": "#/components/responses/Problem"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/agenda/{token}.json": {
              "get": {
                "summary": "An attendee's agenda as JSON",
                "parameters": [{"$ref": "#/components/parameters/Token"}, {"$ref": "#/components/parameters/MinPosition"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The agenda (Cache-Control: private).", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Agenda"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "400": {"$ref": "#/components/responses/BadMinPosition"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/agenda/{token}.ics": {
              "get": {
                "summary": "An attendee's agenda as an RFC 5545 calendar to subscribe to",
                "parameters": [{"$ref": "#/components/parameters/Token"}, {"$ref": "#/components/parameters/MinPosition"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "The calendar (Cache-Control: private).", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"text/calendar": {"schema": {"type": "string"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "400": {"$ref": "#/components/responses/BadMinPosition"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "503": {"$ref": "#/components/responses/Unavailable"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/openapi.json": {
              "get": {
                "summary": "This description",
                "parameters": [{"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {
                  "200": {"description": "OpenAPI 3.1", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/json": {"schema": {"type": "object"}}}},
                  "304": {"$ref": "#/components/responses/NotModified"},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"},
                  "default": {"$ref": "#/components/responses/Refused"}
                }
              }
            }
          },
          "components": {
            "parameters": {
              "Token": {"name": "token", "in": "path", "required": true, "description": "The personal agenda token (never logged).", "schema": {"type": "string"}},
              "Conference": {"name": "conference", "in": "query", "required": false, "description": "An edition id; default: the only edition, else the one whose sessions start last.", "schema": {"type": "string"}},
              "MinPosition": {"name": "min_position", "in": "query", "required": false, "description": "Wait (at most 2 s) until the projections have reached this position; anything but a whole number 0 or more is a 400.", "schema": {"type": "integer", "minimum": 0}},
              "IfNoneMatch": {"name": "If-None-Match", "in": "header", "required": false, "schema": {"type": "string"}}
            },
            "headers": {
              "Position": {"description": "The log position the answer reflects (on every answer).", "required": true, "schema": {"type": "integer", "minimum": 0}},
              "ETag": {"description": "Changes exactly when the document does.", "schema": {"type": "string"}},
              "RetryAfter": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 0}},
              "Allow": {"description": "The methods this path answers.", "schema": {"type": "string"}}
            },
            "responses": {
              "NotModified": {"description": "The client's copy is current (If-None-Match).", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "X-Projection-Position": {"$ref": "#/components/headers/Position"}}},
              "Problem": {"description": "RFC 9457 problem details.", "headers": {"X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
              "BadMinPosition": {"description": "min_position is not a whole number, 0 or more.", "headers": {"X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
              "MethodNotAllowed": {"description": "Only GET and HEAD are answered (with Allow).", "headers": {"X-Projection-Position": {"$ref": "#/components/headers/Position"}, "Allow": {"$ref": "#/components/headers/Allow"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
              "Unavailable": {"description": "The server is still loading the read models, or too busy to read this agenda now (Retry-After).", "headers": {"X-Projection-Position": {"$ref": "#/components/headers/Position"}, "Retry-After": {"$ref": "#/components/headers/RetryAfter"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
              "Refused": {"description": "Refused before any route ran: a malformed request (400), a body (405/413), a head too slow (408), too long (414) or too large (431), another HTTP version (505), the connection limit (503).", "headers": {"X-Projection-Position": {"$ref": "#/components/headers/Position"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            },

            "schemas": {
              "Problem": {
                "type": "object", "additionalProperties": false, "required": ["type", "title", "status", "detail"],
                "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}}
              },
              "LogHead": {
                "type": "object", "additionalProperties": false, "required": ["position", "hash"],
                "properties": {
                  "position": {"type": "integer", "minimum": 0, "description": "The last position of the log."},
                  "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The SHA-256 chain hash at that position, in hex."}
                }
              },
              "Health": {
                "type": "object", "additionalProperties": false, "required": ["status", "database", "projections"],
                "properties": {
                  "status": {"enum": ["ok", "unavailable"]},
                  "database": {"enum": ["up", "down"]},
                  "projections": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": false, "required": ["position", "lag"], "properties": {"position": {"type": "integer"}, "lag": {"type": "integer"}}}}
                }
              },
              "Edition": {
                "type": "object", "additionalProperties": false, "required": ["id", "name", "city", "time_zone"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "city": {"type": "string"}, "time_zone": {"type": "string", "description": "IANA zone of the local times"}}
              },
              "Flag": {
                "type": "object", "additionalProperties": false, "required": ["kind", "message"],
                "properties": {"kind": {"enum": ["moved", "overlaps", "cancelled", "skipped"]}, "message": {"type": "string"}, "session": {"type": "string"}}
              },
              "AgendaEntry": {
                "type": "object", "additionalProperties": false,
                "required": ["session", "title", "room", "speakers", "starts", "ends", "starts_local", "ends_local", "status", "flags", "sequence", "last_changed_position", "last_changed_at"],
                "properties": {
                  "session": {"type": "string"}, "title": {"type": "string"}, "room": {"type": "string"}, "track": {"type": "string"},
                  "speakers": {"type": "array", "items": {"type": "string"}},
                  "starts": {"type": "string", "description": "UTC instant"}, "ends": {"type": "string"},
                  "starts_local": {"type": "string", "description": "Wall clock in the edition's zone, YYYY-MM-DDTHH:MM"}, "ends_local": {"type": "string"},
                  "status": {"enum": ["seat", "waitlisted", "cancelled"]},
                  "waitlist_position": {"type": "integer", "minimum": 1},
                  "flags": {"type": "array", "items": {"$ref": "#/components/schemas/Flag"}},
                  "sequence": {"type": "integer", "minimum": 0, "description": "Reschedules so far"},
                  "last_changed_position": {"type": "integer"}, "last_changed_at": {"type": "string"}
                }
              },
              "Agenda": {
                "type": "object", "additionalProperties": false,
                "required": ["attendee", "name", "status", "edition", "sessions", "last_changed_position", "last_changed_at"],
                "properties": {
                  "attendee": {"type": "string"}, "name": {"type": "string"}, "status": {"enum": ["registered", "checked-in", "cancelled"]},
                  "edition": {"$ref": "#/components/schemas/Edition"},
                  "sessions": {"type": "array", "items": {"$ref": "#/components/schemas/AgendaEntry"}},
                  "last_changed_position": {"type": "integer"}, "last_changed_at": {"type": "string"}
                }
              },
              "ProgramSession": {
                "type": "object", "additionalProperties": false,
                "required": ["session", "title", "room", "speakers", "starts", "ends", "starts_local", "ends_local", "capacity", "seats_taken", "seats_left", "waitlist_length", "status", "reschedule_count", "last_changed_position", "last_changed_at"],
                "properties": {
                  "session": {"type": "string"}, "title": {"type": "string"}, "room": {"type": "string"}, "track": {"type": "string"},
                  "speakers": {"type": "array", "items": {"type": "string"}},
                  "starts": {"type": "string"}, "ends": {"type": "string"}, "starts_local": {"type": "string"}, "ends_local": {"type": "string"},
                  "capacity": {"type": "integer"}, "seats_taken": {"type": "integer"}, "seats_left": {"type": "integer"}, "waitlist_length": {"type": "integer"},
                  "status": {"enum": ["scheduled", "cancelled"]}, "reschedule_count": {"type": "integer"},
                  "last_changed_position": {"type": "integer"}, "last_changed_at": {"type": "string"}
                }
              },
              "Program": {
                "type": "object", "additionalProperties": false, "required": ["edition", "position", "sessions"],
                "properties": {"edition": {"$ref": "#/components/schemas/Edition"}, "position": {"type": "integer"}, "sessions": {"type": "array", "items": {"$ref": "#/components/schemas/ProgramSession"}}}
              },
              "SessionDocument": {
                "type": "object", "additionalProperties": false, "required": ["edition", "session"],
                "properties": {"edition": {"$ref": "#/components/schemas/Edition"}, "session": {"$ref": "#/components/schemas/ProgramSession"}}
              }
            }
          }
        }
        """#
}
