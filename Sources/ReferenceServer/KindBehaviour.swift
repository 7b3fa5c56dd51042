import ConformanceSpec
import Foundation

/// What a resource kind does beyond the resource engine's create, describe, modify and delete
/// (`NeptuneEmulator+SpecResources`): records every region holds without a create, and the members a create, modify or
/// delete sets by rules the spec cannot state (a subnet's zone, a subscription's categories), with the refusals those
/// rules make.
struct KindBehaviour: Sendable {
    /// Why a create, modify or delete is refused: an error code of the spec and its message.
    struct Refusal: Error, Sendable, Equatable {
        var code: String
        var message: String
    }

    /// Which of the engine's steps a record is completed for.
    enum Phase: Sendable {
        /// A new record, with the request's members its structure has (the identifier as stored).
        case create
        /// A stored record, with the request's members its structure has written over it.
        case modify
        /// The record about to be removed, as the answer shows it.
        case delete
    }

    /// What a behaviour may read: the spec, the region and account of the request, and the time.
    struct Context: Sendable {
        var spec: ServiceSpec
        var region: String
        var account: String
        var now: Date
    }

    /// The records every region holds from the start.
    var standing: @Sendable (_ context: Context) -> [SpecResourceRecord] = { _ in [] }
    /// Completes the members of a record the engine is about to store (or, deleting, to answer with); a refusal
    /// changes nothing.
    var completing:
        @Sendable (_ members: inout [String: ParameterValue], _ request: Request, _ phase: Phase, _ context: Context) ->
            Refusal? = { _, _, _, _ in nil }

    /// The behaviour of each kind that has one; the other kinds are the spec's alone.
    static let byKind: [ResourceKind: KindBehaviour] = [
        .dbSubnetGroup: .subnetGroups, .eventSubscription: .eventSubscriptions,
    ]
}

extension [String: ParameterValue] {
    /// The text of a scalar member, or nil.
    func text(_ name: String) -> String? {
        if case .scalar(let text)? = self[name] { text } else { nil }
    }

    /// The texts of a list member (empty when absent).
    func texts(_ name: String) -> [String] {
        guard case .list(let items)? = self[name] else { return [] }
        return items.compactMap { if case .scalar(let text) = $0 { text } else { nil } }
    }

    /// Sets a list member of texts; an empty list is left out, as the service leaves it out.
    mutating func setTexts(_ name: String, _ texts: [String]) {
        self[name] = texts.isEmpty ? nil : .list(texts.map { .scalar($0) })
    }
}
