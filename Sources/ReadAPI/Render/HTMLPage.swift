/// The page around every HTML answer: inline CSS, system fonts, no JavaScript, readable on a
/// 390-px phone and printable. Every piece of text goes through `escape`.
enum HTMLPage {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A whole document; `title` is plain text, `body` already escaped HTML.
    static func document(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// Seat, waitlist and cancelled read at a glance: a coloured edge on the card and a filled
    /// badge (colour plus words, so it survives print and colour blindness).
    static let css = """
        :root{color-scheme:light dark}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
        color:#1b1b1b;background:#fff;overflow-wrap:break-word}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;line-height:1.2;margin:.2rem 0 .3rem}
        h2{font-size:1.15rem;margin:1.6rem 0 .4rem;padding-bottom:.2rem;border-bottom:2px solid currentColor;break-after:avoid}
        h3{font-size:.8rem;margin:1rem 0 .3rem;color:#444;text-transform:uppercase;letter-spacing:.06em;break-after:avoid}
        p{margin:.3rem 0}
        .meta{color:#555;font-size:.9rem}
        .item{border:1px solid #c9c9c9;border-left-width:5px;border-radius:8px;padding:.55rem .75rem;margin:.55rem 0;\
        break-inside:avoid}
        .item.seat{border-left-color:#1a7f3c}.item.wait{border-left-color:#b7791f}.item.off{opacity:.75;border-left-color:#8b1a1a}
        .row{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;justify-content:space-between}
        .time{font-weight:700;font-variant-numeric:tabular-nums}
        .zone{font-weight:400;color:#555;font-size:.8rem}
        .title{font-weight:600;font-size:1.05rem;margin:.15rem 0}
        .badge{margin-left:auto;display:inline-block;padding:.05rem .55rem;border-radius:1rem;font-size:.85rem;font-weight:700;white-space:nowrap;\
        border:1px solid currentColor}
        .badge.seat{color:#0b5e24;background:#e3f4e8}.badge.wait{color:#7a4d00;background:#fdf0d5}\
        .off .badge,.gone{color:#8b1a1a}.off .badge{background:#fbe4e4}
        .flags{margin:.35rem 0 0;padding-left:1.1rem;font-size:.9rem}
        .flags li{margin:.1rem 0}
        .subscribe{margin:1rem 0;padding:.6rem .75rem;border-radius:8px;background:#eef3fb}
        .subscribe a{font-weight:600}
        a{color:#0b4fa8}
        footer{margin-top:2rem;color:#555;font-size:.85rem}
        @media (prefers-color-scheme:dark){body{color:#eee;background:#121212}.meta,h3,footer,.zone{color:#bbb}\
        .item{border-color:#555}.item.seat{border-left-color:#6fd18f}.item.wait{border-left-color:#f2c14e}\
        .subscribe{background:#1d2633}a{color:#8ab4f8}.badge.seat{color:#6fd18f;background:none}\
        .badge.wait{color:#f2c14e;background:none}.off .badge{background:none}}
        @media print{body{font-size:11pt;color:#000;background:#fff}main{max-width:none;padding:0}.subscribe{display:none}\
        .item{border-color:#000}a{color:#000;text-decoration:none}}
        """
}
