/// Why a request got no HTTP answer at all. Each failure is its own case, with a sentence for people.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    case connectionRefused(String)
    case connectionReset(String)
    case timeout(String, seconds: Double)
    case answerTooLarge(String, limit: Int)
    case tls(String)
    case invalidURL(String)
    case other(String, detail: String)
    /// The answer was lost (`cause`) and the request was not sent again: `finding` says what a check of its
    /// effect found, or why none could be made.
    case answerLost(String, cause: String, finding: String)

    public var description: String {
        switch self {
        case .connectionRefused(let url): "connection refused by \(url): is the endpoint running?"
        case .connectionReset(let url): "\(url) closed or reset the connection before a complete answer"
        case .timeout(let url, let seconds):
            "no complete answer from \(url) within \(Self.seconds(seconds)) (--timeout)"
        case .answerTooLarge(let url, let limit):
            "the answer from \(url) is larger than \(limit) bytes; it was not read"
        case .tls(let detail): "TLS failed: \(detail)"
        case .invalidURL(let url): "'\(url)' is not a valid http or https URL"
        case .other(let url, let detail): "request to \(url) failed: \(detail)"
        case .answerLost(let url, let cause, let finding):
            "the answer from \(url) was lost (\(cause)) and the request was not sent again: \(finding)"
        }
    }

    /// A short label for reports (`connection-refused`, `timeout`, ...).
    public var label: String {
        switch self {
        case .connectionRefused: "connection-refused"
        case .connectionReset: "connection-reset"
        case .timeout: "timeout"
        case .answerTooLarge: "answer-too-large"
        case .tls: "tls"
        case .invalidURL: "invalid-url"
        case .other: "transport"
        case .answerLost: "answer-lost"
        }
    }

    /// `2 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String { value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
}
