extension TransportError {
    /// Names a failure that no client reported as one of its own kinds, from its text: refused, reset,
    /// timed out, TLS, or other (with the text).
    static func classify(_ error: any Error, url: String, seconds: Double) -> TransportError {
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("refused") { return .connectionRefused(url) }
        if lower.contains("reset") || lower.contains("eof") || lower.contains("closed") || lower.contains("broken pipe")
        {
            return .connectionReset(url)
        }
        if lower.contains("timeout") || lower.contains("timed out") { return .timeout(url, seconds: seconds) }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") { return .tls(text) }
        return .other(url, detail: text)
    }
}
