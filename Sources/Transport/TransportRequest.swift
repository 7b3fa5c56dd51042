/// One HTTP request as a transport sends it.
public struct TransportRequest: Sendable {
    public var method: String
    /// `http://host[:port]/path[?query]` (or https).
    public var url: String
    /// Header lines in order. A `Host` header is replaced by the URL's; `Content-Length` is computed.
    public var headers: [(String, String)]
    /// The body (a form-encoded query-protocol request); not sent with a GET when empty.
    public var body: String
    /// The longest wait for the whole answer; nil: the transport's own (`TransportOptions.timeout`).
    public var timeout: Duration?
    /// Whether it may be resent when its first attempt's outcome is unknown; idempotent unless the sender knows
    /// better (the runner says so for every request from the spec).
    public var fate: RequestFate

    public init(
        method: String = "POST", url: String, headers: [(String, String)] = [], body: String = "",
        timeout: Duration? = nil, fate: RequestFate = .idempotent
    ) {
        self.fate = fate
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
