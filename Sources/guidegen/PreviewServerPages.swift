import Foundation
import GuideGen

/// The HTML `serve` adds to responses: the live-reload script and the build-error overlay. Only the
/// server's responses carry them; `guidegen build` output never does.
enum PreviewServerPages {
    /// Reloads when the server reports a build other than the one this page came from; uses the event
    /// stream, or polls the version once a second when EventSource is missing or gives up. A hidden tab
    /// closes its stream and opens it again when shown (the first message is the current build): a browser
    /// allows six connections per host, so with a stream per open tab the seventh tab never loaded.
    static func reloadScript(build: Int) -> String {
        """
        <script data-guidegen-reload>(function(){var b="\(build)";function check(v){if(String(v).trim()!==b)location.reload();}\
        function poll(){setInterval(function(){if(document.hidden)return;fetch("\(PreviewServerRouter.versionPath)",{cache:"no-store"}).then(function(r){return r.text();}).then(check).catch(function(){});},1000);}\
        if(!window.EventSource){poll();return;}var es=null;\
        function open(){if(es)return;es=new EventSource("\(PreviewServerRouter.eventsPath)");es.onmessage=function(e){check(e.data);};\
        es.onerror=function(){if(es&&es.readyState===2){es.close();es=null;document.removeEventListener("visibilitychange",shown);poll();}};}\
        function shown(){if(document.hidden){if(es){es.close();es=null;}}else{open();}}\
        document.addEventListener("visibilitychange",shown);if(!document.hidden)open();})();</script>

        """
    }

    /// Puts the script before the last `</body>` (any case), or at the end when there is none.
    static func inject(_ script: String, into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        var index = html.count - marker.count
        while index >= 0 {
            if zip(html[index..<index + marker.count], marker).allSatisfy({ lower($0) == $1 }) {
                return Array(html[..<index]) + Array(script.utf8) + Array(html[index...])
            }
            index -= 1
        }
        return html + Array(script.utf8)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The page shown instead of every HTML page while the build has errors.
    static func overlay(report: String, hasGoodBuild: Bool) -> String {
        let note =
            hasGoodBuild
            ? "The last good build is still served for other files. Fix the errors and this page reloads."
            : "There has been no successful build yet. Fix the errors and this page reloads."
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · guidegen serve</title>
            <style>
            body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#1b1b1f;color:#eee}
            main{max-width:72rem;margin:0 auto;padding:2rem 1.5rem}
            h1{color:#ff6b6b;font-size:1.4rem;margin:0 0 .5rem}
            pre{background:#111;border-left:4px solid #ff6b6b;padding:1rem;overflow:auto;white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace}
            </style>
            </head>
            <body>
            <main id="guidegen-error-overlay">
            <h1>guidegen: the build failed</h1>
            <p>\(note)</p>
            <pre>\(HTML.escape(report))</pre>
            </main>
            </body>
            </html>

            """
    }
}
