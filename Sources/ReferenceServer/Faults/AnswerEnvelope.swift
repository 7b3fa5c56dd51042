/// How every answer of the emulator is wrapped (`FaultDecorator.rendering(envelope:)`).
struct AnswerEnvelope: Sendable {
    /// The XML namespace of success and error answers.
    var namespace: String
    /// Whether success answers carry `ResponseMetadata/RequestId`.
    var successCarriesRequestId = true
}
