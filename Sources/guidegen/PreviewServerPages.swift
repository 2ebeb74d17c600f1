import Foundation
import GuideGen

/// The HTML `serve` adds to responses: the live-reload script and the build-error overlay. Only the
/// server's responses carry them; `guidegen build` output never does.
enum PreviewServerPages {
    /// Reloads when the server reports a build other than the one this page came from. A browser allows six
    /// connections per host, so the open pages share one event stream: the page holding a Web Lock opens it
    /// and passes each build on to the others over a BroadcastChannel; when it goes, the next page takes
    /// the lock (the stream's first message is the current build). Without those APIs each visible page
    /// opens its own stream and a hidden one lets it go; without EventSource, or when the stream gives up,
    /// pages poll the version once a second.
    static func reloadScript(build: Int) -> String {
        """
        <script data-guidegen-reload>(function(){var b="\(build)";function check(v){if(String(v).trim()!==b)location.reload();}\
        var ch=null;function got(v){if(ch)ch.postMessage(String(v));check(v);}\
        function poll(){setInterval(function(){if(document.hidden&&!ch)return;fetch("\(PreviewServerRouter.versionPath)",{cache:"no-store"}).then(function(r){return r.text();}).then(got).catch(function(){});},1000);}\
        if(!window.EventSource){poll();return;}var es=null;\
        function open(){if(es)return;es=new EventSource("\(PreviewServerRouter.eventsPath)");es.onmessage=function(e){got(e.data);};\
        es.onerror=function(){if(es&&es.readyState===2){es.close();es=null;document.removeEventListener("visibilitychange",shown);poll();}};}\
        if(window.BroadcastChannel&&navigator.locks&&navigator.locks.request){ch=new BroadcastChannel("guidegen-reload");ch.onmessage=function(e){check(e.data);};\
        navigator.locks.request("guidegen-reload",function(){open();return new Promise(function(){});});return;}\
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
