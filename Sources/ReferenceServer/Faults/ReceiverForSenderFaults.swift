import ConformanceSpec

/// Answers: every error says `Receiver`, the client errors (`Sender`) too.
struct ReceiverForSenderFaults: FaultDecorator {
    var summary: String { "marks client errors as Receiver faults" }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.errorItems("type") { $0.type == .sender } }

    func rendering(error: inout ErrorAnswer) { error.type = "Receiver" }
}
