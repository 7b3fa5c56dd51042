/// Where a URL points: what to connect to, the `Host` header and the request target, parsed once.
public struct HTTPRequestTarget: Sendable, Hashable {
    /// True for `https://`.
    public var secure: Bool
    public var host: String
    public var port: Int
    /// `host`, or `host:port` when the port is not the scheme's default; IPv6 hosts in brackets.
    public var hostHeader: String
    /// The path and query (`/`, `/?Action=X`), without any fragment.
    public var requestTarget: String

    /// Parses `http[s]://host[:port][/path][?query]`; nil for anything else (other schemes, user info,
    /// spaces or control characters, a port outside 1...65535).
    public init?(url: String) {
        let lower = url.prefix(8).lowercased()
        let secure = lower.hasPrefix("https://")
        let schemeLength = secure ? 8 : 7
        guard secure || lower.hasPrefix("http://"), url.utf8.count > schemeLength,
            url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F })
        else { return nil }
        let rest = url.dropFirst(schemeLength)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...].prefix { $0 != "#" })
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let defaultPort = secure ? 443 : 80
        var hostPart = Substring(authority)
        var port = defaultPort
        if let close = authority.lastIndex(of: "]") {
            // [IPv6]:port
            guard authority.first == "[" else { return nil }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":", let number = Int(after.dropFirst()) else { return nil }
                port = number
            }
        } else if let colon = authority.lastIndex(of: ":") {
            guard let number = Int(authority[authority.index(after: colon)...]) else { return nil }
            hostPart = authority[..<colon]
            port = number
        }
        guard !hostPart.isEmpty, (1...65535).contains(port) else { return nil }
        self.secure = secure
        host = String(hostPart)
        self.port = port
        let shown = host.contains(":") ? "[\(host)]" : host
        hostHeader = port == defaultPort ? shown : "\(shown):\(port)"
        requestTarget = target
    }

    /// True for an IPv4 or IPv6 address literal (such a host gets no TLS server name).
    public static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in UInt8(part) != nil && part.allSatisfy(\.isASCII) }
    }

    /// The path without the query.
    public var path: String { String(requestTarget.prefix { $0 != "?" }) }

    /// The query string without its `?`; empty when there is none.
    public var query: String {
        guard let mark = requestTarget.firstIndex(of: "?") else { return "" }
        return String(requestTarget[requestTarget.index(after: mark)...])
    }
}
