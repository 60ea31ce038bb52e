import Foundation

/// What a reader of the page would notice, measured by Chromium itself: the page is loaded into
/// a same-origin iframe of the given width (`srcdoc`, so the page keeps no script of its own),
/// and a script in the wrapper reports its layout as JSON inside `<pre id="probe">`.
enum BrowserProbe {
    struct Report: Decodable {
        let viewport: Int
        let scrollWidth: Int
        /// The secondary text (room, speakers): the smallest text a reader must read.
        let secondaryFontPx: Double
        let h1FontPx: Double
        /// Text, left and right edge, height of every seat / waitlist badge.
        let badges: [Badge]
        let times: Int
        let timesWithZone: Int
        let textLength: Int

        struct Badge: Decodable {
            let text: String
            let left: Double
            let right: Double
            let height: Double
        }
    }

    /// The wrapper page around `html` (the page as served).
    static func wrapper(_ html: String, width: Int, height: Int) -> String {
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return """
            <!doctype html><html><body style="margin:0">
            <iframe id="page" style="width:\(width)px;height:\(height)px;border:0" srcdoc="\(escaped)"></iframe>
            <script>
            document.getElementById('page').addEventListener('load', () => {
              const w = document.getElementById('page').contentWindow, doc = w.document;
              const px = (el) => el ? parseFloat(w.getComputedStyle(el).fontSize) : 0;
              const report = {
                viewport: w.innerWidth, scrollWidth: doc.documentElement.scrollWidth,
                secondaryFontPx: px(doc.querySelector('.meta') || doc.body), h1FontPx: px(doc.querySelector('h1')),
                badges: [...doc.querySelectorAll('.badge')].map((b) => {
                  const r = b.getBoundingClientRect();
                  return {text: b.textContent, left: r.left, right: r.right, height: r.height};
                }),
                times: doc.querySelectorAll('.time').length, timesWithZone: doc.querySelectorAll('.time .zone').length,
                textLength: doc.body.innerText.length,
              };
              const out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = JSON.stringify(report);
              document.body.append(out);
            });
            </script></body></html>
            """
    }

    static func report(fromDOM dom: String) throws -> Report {
        guard let start = dom.range(of: "<pre id=\"probe\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { throw CLITestError("the probe reported nothing; the DOM was: \(dom.prefix(600))") }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }
}
