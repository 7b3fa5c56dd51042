/// An error answer before it is rendered (`FaultDecorator.rendering(error:)`).
struct ErrorAnswer: Sendable {
    /// How the error is written.
    enum Form: Sendable, Equatable {
        /// The query protocol's `ErrorResponse` XML envelope.
        case errorResponse
        /// An HTML page (what a crashed web framework answers), carrying only the message.
        case htmlPage
    }

    /// The spec's error code (what the emulator means to answer).
    let code: String
    /// The code written on the wire.
    var wireCode: String
    var message: String
    var status: Int
    /// `Sender` or `Receiver`.
    var type: String
    var form: Form = .errorResponse
}
