import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets for `serve`: loopback only, GET and HEAD, one thread per
/// connection, `Connection: close`. Answers from `PreviewServerState` and never reads the disk.
final class PreviewServer: @unchecked Sendable {
    /// A loopback address to listen on.
    enum Address: Sendable {
        case ipv4Loopback, ipv6Loopback

        /// How the banner writes it.
        var urlHost: String { self == .ipv4Loopback ? "127.0.0.1" : "[::1]" }
    }

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    let state: PreviewServerState
    private let listener: Int32
    /// The bound port (the kernel's choice when asked for port 0).
    let port: Int
    /// Open connections, capped so a misbehaving client cannot exhaust threads.
    private let lock = NSLock()
    private var connections = 0
    static let maxConnections = 128
    /// Header bytes a request may send before it is refused.
    static let maxHeaderBytes = 16 * 1024

    /// Binds and listens; throws when the port is taken or the address is unavailable.
    init(address: Address, port: Int, state: PreviewServerState) throws {
        self.state = state
        let family = address == .ipv4Loopback ? AF_INET : AF_INET6
        #if canImport(Glibc)
            let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(family, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw StartError(description: "cannot create a socket: \(String(cString: strerror(errno)))") }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var result: Int32
        switch address {
        case .ipv4Loopback:
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port)).bigEndian
            inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
            result = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ipv6Loopback:
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = in_port_t(UInt16(port)).bigEndian
            inet_pton(AF_INET6, "::1", &addr.sin6_addr)
            result = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
        guard result == 0 else {
            let reason =
                errno == EADDRINUSE
                ? "port \(port) is already in use (try another --port, or --port 0 for any free one)"
                : "cannot listen on port \(port): \(String(cString: strerror(errno)))"
            close(fd)
            throw StartError(description: reason)
        }
        guard listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "cannot listen: \(reason)")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let bound: UInt16 = withUnsafePointer(to: &storage) { pointer in
            address == .ipv4Loopback
                ? pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
                : pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
        }
        self.listener = fd
        self.port = Int(bound)
    }

    /// Accepts connections until the state says stop; checks every 200 ms so Ctrl-C is prompt.
    func run() {
        defer { close(listener) }
        while !state.isStopping {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, 200)
            guard ready > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            lock.lock()
            let admitted = connections < Self.maxConnections
            if admitted { connections += 1 }
            lock.unlock()
            guard admitted else {
                PreviewConnection(fd: client, state: state).sendSimple(503, "Service Unavailable", "too many connections\n", drain: false)
                close(client)
                continue
            }
            let thread = Thread { [self] in
                PreviewConnection(fd: client, state: state).handle()
                close(client)
                lock.lock()
                connections -= 1
                lock.unlock()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}

/// One request on one socket: read the head, route it, answer, close.
struct PreviewConnection {
    let fd: Int32
    let state: PreviewServerState

    /// Seconds between comment lines on an idle event stream, so dead clients are noticed.
    static let pingInterval: TimeInterval = 15

    func handle() {
        guard let head = readHead() else { return }
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines.first?.split(separator: " ", omittingEmptySubsequences: false) ?? []
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            sendSimple(400, "Bad Request", "malformed request line\n")
            return
        }
        let method = String(parts[0])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        // DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 must not read
        // the preview, so only loopback host names are answered (as Vite and webpack-dev-server do).
        if let host = headers["host"], !Self.isLoopbackHost(host) {
            sendSimple(403, "Forbidden", "guidegen serve only answers requests for localhost, 127.0.0.1 or [::1]\n")
            return
        }
        guard method == "GET" || method == "HEAD" else {
            sendSimple(405, "Method Not Allowed", "only GET and HEAD are allowed\n", extra: ["Allow: GET, HEAD"])
            return
        }
        let isHead = method == "HEAD"
        let site = state.snapshot
        let route = PreviewServerRouter.route(target: String(parts[1]), exists: { site.files[$0] != nil })
        switch route {
        case .events:
            if isHead {
                send(status: 200, reason: "OK", headers: ["Content-Type: text/event-stream"], body: [], head: true)
            } else {
                stream(from: site.build)
            }
        case .version:
            send(
                status: 200, reason: "OK", headers: ["Content-Type: text/plain; charset=utf-8"], body: Array("\(site.build)\n".utf8),
                head: isHead)
        case .badRequest(let reason):
            sendSimple(400, "Bad Request", reason + "\n", head: isHead)
        case .redirect(let location):
            send(
                status: 301, reason: "Moved Permanently", headers: ["Location: \(location)", "Content-Type: text/plain; charset=utf-8"],
                body: Array("moved to \(location)\n".utf8), head: isHead)
        case .file(let key):
            let type = PreviewServerRouter.contentType(for: key)
            if type.hasPrefix("text/html") {
                if let report = site.errorReport {
                    sendOverlay(report, site: site, head: isHead)
                } else {
                    let body = PreviewServerPages.inject(PreviewServerPages.reloadScript(build: site.build), into: site.files[key] ?? [])
                    send(status: 200, reason: "OK", headers: ["Content-Type: \(type)"], body: body, head: isHead)
                }
            } else {
                send(status: 200, reason: "OK", headers: ["Content-Type: \(type)"], body: site.files[key] ?? [], head: isHead)
            }
        case .notFound(let html):
            if html, let report = site.errorReport {
                sendOverlay(report, site: site, head: isHead)
            } else if let page = site.files["404.html"] {
                // As a static host would: the root 404 page, unchanged but for the script. (Its relative
                // links assume the root, as they do on a host without base_url.)
                let body = PreviewServerPages.inject(PreviewServerPages.reloadScript(build: site.build), into: page)
                send(status: 404, reason: "Not Found", headers: ["Content-Type: text/html; charset=utf-8"], body: body, head: isHead)
            } else {
                sendSimple(404, "Not Found", "not found\n", head: isHead)
            }
        }
    }

    /// True for `localhost`, `127.0.0.1` and `[::1]`, with or without a port.
    static func isLoopbackHost(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return name == "localhost" || name == "127.0.0.1" || name == "::1"
    }

    private func sendOverlay(_ report: String, site: PreviewServerState.Snapshot, head: Bool) {
        let page = PreviewServerPages.overlay(report: report, hasGoodBuild: !site.files.isEmpty)
        let body = PreviewServerPages.inject(PreviewServerPages.reloadScript(build: site.build), into: Array(page.utf8))
        send(status: 500, reason: "Internal Server Error", headers: ["Content-Type: text/html; charset=utf-8"], body: body, head: head)
    }

    /// Server-sent events: the current build at once, then every new build; a comment line every 15 s.
    /// Holds this connection's thread until the client leaves or the server stops.
    private func stream(from build: Int) {
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: 1000\n\ndata: \(build)\n\n"
        guard write(Array(head.utf8)) else { return }
        // The socket's send timeout keeps a stuck client from holding the thread forever.
        var last = build
        while true {
            let now = state.wait(whileBuildIs: last, timeout: Self.pingInterval)
            if now.stopping { return }
            let message = now.build != last ? "data: \(now.build)\n\n" : ": ping\n\n"
            last = now.build
            guard write(Array(message.utf8)) else { return }
        }
    }

    /// Reads up to the blank line ending the request head; nil on timeout, EOF or an oversized head
    /// (answered with 431 before returning).
    private func readHead() -> String? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        // A whole-head deadline on top of the socket timeout, so a client trickling bytes cannot hold
        // a thread for long.
        let deadline = Date(timeIntervalSinceNow: 10)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            let searchFrom = max(0, data.count - 3)
            data += buffer[..<count]
            if data.count >= 4, let found = (searchFrom...(data.count - 4)).first(where: { Array(data[$0..<$0 + 4]) == end }) {
                return String(decoding: data[..<found], as: UTF8.self)
            }
            if data.count > PreviewServer.maxHeaderBytes {
                sendSimple(431, "Request Header Fields Too Large", "request head too large\n")
                return nil
            }
        }
        return nil
    }

    func sendSimple(_ status: Int, _ reason: String, _ text: String, head: Bool = false, extra: [String] = [], drain: Bool = true) {
        send(
            status: status, reason: reason, headers: ["Content-Type: text/plain; charset=utf-8"] + extra, body: Array(text.utf8),
            head: head, drain: drain)
    }

    private func send(status: Int, reason: String, headers: [String], body: [UInt8], head: Bool, drain: Bool = true) {
        var text = "HTTP/1.1 \(status) \(reason)\r\n"
        for header in headers { text += header + "\r\n" }
        text += "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        guard write(Array(text.utf8)) else { return }
        if !head { _ = write(body) }
        guard drain else { return }
        // Half-close, then drain what the client still sends (a POST body) so closing does not reset
        // the connection before the client has read the answer.
        shutdown(fd, Int32(SHUT_WR))
        var sink = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while drained < 1 << 20 {
            let count = sink.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            drained += count
        }
    }

    /// Sends every byte; false when the client has gone (no SIGPIPE: MSG_NOSIGNAL).
    private func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                #if canImport(Glibc)
                    Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                    Darwin.send(fd, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
