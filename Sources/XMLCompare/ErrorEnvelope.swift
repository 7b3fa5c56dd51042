/// The content of an AWS query-protocol error answer: `ErrorResponse/Error/{Type,Code,Message}` and `RequestId`.
public struct ErrorEnvelope: Sendable, Equatable {
    public var type: String
    public var code: String
    public var message: String
    public var requestId: String

    public init(type: String, code: String, message: String, requestId: String) {
        self.type = type
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    /// Reads the envelope from a parsed answer; nil when the root is not `ErrorResponse` or has no `Error/Code`.
    /// (Some endpoints put RequestId inside ResponseMetadata or Error; both are read.)
    public init?(_ tree: XMLTree) {
        guard tree.root.name == "ErrorResponse" || tree.root.name == "Response",
            let error = tree.root.descendant("Error") ?? tree.root.descendant("Errors/Error"),
            let code = error.child("Code")?.value, !code.isEmpty
        else { return nil }
        self.code = code
        type = error.child("Type")?.value ?? ""
        message = error.child("Message")?.value ?? ""
        requestId =
            tree.root.child("RequestId")?.value ?? tree.root.descendant("ResponseMetadata/RequestId")?.value
            ?? error.child("RequestId")?.value ?? ""
    }
}
