/// An HTTP answer: status, header lines and body text.
public struct HTTPAnswer: Sendable, Equatable, Codable {
    public var status: Int
    /// The header lines as received, in order.
    public var headers: [HTTPHeader]
    public var body: String

    public init(status: Int, headers: [HTTPHeader] = [], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An answer with at most a `Content-Type` header.
    public init(status: Int, contentType: String?, body: String) {
        self.init(
            status: status, headers: contentType.map { [HTTPHeader(name: "Content-Type", value: $0)] } ?? [], body: body
        )
    }

    /// The first value of the header `name` (compared without case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.utf8.count == name.utf8.count && $0.name.lowercased() == name.lowercased() }?.value
    }

    public var contentType: String? { header("Content-Type") }
}

/// One header line of an answer.
public struct HTTPHeader: Sendable, Equatable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
