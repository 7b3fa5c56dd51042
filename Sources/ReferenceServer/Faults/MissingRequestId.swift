import ConformanceSpec

/// Answers: success answers leave `ResponseMetadata/RequestId` out (error answers keep theirs).
struct MissingRequestId: FaultDecorator {
    var summary: String { "leaves ResponseMetadata/RequestId out of success answers" }

    func brokenItems(in spec: ServiceSpec) -> [String] { [SpecItemID.envelope("ResponseMetadata.RequestId").text] }

    func rendering(envelope: inout AnswerEnvelope) { envelope.successCarriesRequestId = false }
}
