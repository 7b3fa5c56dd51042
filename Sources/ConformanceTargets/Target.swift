import ConformanceRunner
import Foundation
import ReferenceServer

/// Where a run sends its cases: the embedded reference server (optionally with deliberate faults)
/// or an endpoint at a URL. One type, parsed once, for `run`, `record`, `parity` and the benchmarks.
///
/// Written forms: `embedded`, `embedded:FAULT[,FAULT…]` (faults from `serve --help`), or an
/// `http://` or `https://` URL with a host, such as `http://127.0.0.1:5000`.
public enum Target: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The reference server, started in-process on a free loopback port for the run.
    case embedded(faults: [Fault])
    /// Any endpoint that speaks Neptune's query protocol.
    case url(String)

    /// The embedded server without faults.
    public static let embedded = Target.embedded(faults: [])

    /// Parses a written target.
    ///
    /// - Throws: `TargetError.malformed` for a text that is neither form, `.unknownFault` for a fault
    ///   name the reference server does not have (with the nearest name).
    public init(parsing text: String) throws(TargetError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "embedded" {
            self = .embedded
            return
        }
        if trimmed.hasPrefix("embedded:") {
            let names = trimmed.dropFirst("embedded:".count).split(separator: ",", omittingEmptySubsequences: false)
                .map(String.init)
            var faults: [Fault] = []
            for name in names {
                guard let fault = Fault(rawValue: name) else {
                    throw .unknownFault(name: name, target: text, suggestion: Self.nearestFault(to: name))
                }
                if !faults.contains(fault) { faults.append(fault) }
            }
            self = .embedded(faults: faults)
            return
        }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() else {
            throw .malformed(
                text, reason: "it is neither `embedded`, `embedded:FAULT,…` nor a URL such as http://127.0.0.1:5000")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .malformed(text, reason: "only http:// and https:// endpoints are supported, not \(scheme)://")
        }
        guard let host = url.host, !host.isEmpty else { throw .malformed(text, reason: "the URL has no host") }
        self = .url(trimmed)
    }

    public var description: String {
        switch self {
        case .embedded(let faults):
            faults.isEmpty ? "embedded" : "embedded:" + faults.map(\.rawValue).joined(separator: ",")
        case .url(let url): url
        }
    }

    /// True for the embedded server and for URLs whose host is a loopback address.
    public var isLoopback: Bool {
        switch self {
        case .embedded: true
        case .url(let url): Endpoint(url: url).isLoopback
        }
    }

    public var isEmbedded: Bool {
        if case .embedded = self { true } else { false }
    }

    /// The fault whose name differs least from `name` (for a did-you-mean), if one is close.
    static func nearestFault(to name: String) -> String? {
        let scored = Fault.allCases.map { ($0.rawValue, EditDistance.between($0.rawValue, name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(3, name.count / 3) else { return nil }
        return best.0
    }
}

/// Levenshtein distance, for did-you-mean suggestions.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
