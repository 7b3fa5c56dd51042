import ConformanceSpec

/// Answers: every answer, success or error, is in the namespace of another API version.
struct WrongNamespace: FaultDecorator {
    var summary: String { "answers in the namespace of another API version" }

    func brokenItems(in spec: ServiceSpec) -> [String] { [SpecItemID.service("xmlNamespace").text] }

    func rendering(envelope: inout AnswerEnvelope) { envelope.namespace = "http://rds.amazonaws.com/doc/2014-09-01/" }
}
