import ConformanceSpec
import Foundation

/// What a resource kind does beyond the resource engine's create, describe, modify and delete
/// (`NeptuneEmulator+SpecResources`): records every region holds without a create, records a describe lists that other
/// kinds' resources make (a cluster's built-in endpoints), the members a create, modify or delete sets by rules the spec
/// cannot state (a subnet's zone, a subscription's categories, an endpoint's members), with the refusals those rules
/// make, and what becomes of a record when resources it names are gone. The closures run on the emulator's actor and
/// may read its other stores.
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

    /// What the records every region holds may depend on: the spec, the region and the account.
    struct Context: Sendable {
        var spec: ServiceSpec
        var region: String
        var account: String
    }

    /// The records every region holds from the start (found by identifier, like stored ones).
    var standing: (@Sendable (_ context: Context) -> [SpecResourceRecord])?
    /// Records a describe lists besides the stored and standing ones, made from other kinds' resources; they have no
    /// identifier of their own (their `id` only orders them), so a describe by identifier never lists them.
    var listing: (@Sendable (_ emulator: isolated NeptuneEmulator) -> [SpecResourceRecord])?
    /// False when the engine writes no request member into a record: `completing` sets them all (an instance's class
    /// change waits for the window; its settings show normalised, the members its cluster manages show the cluster's).
    var takesRequestMembers = true
    /// Completes the members of a record the engine is about to store (or, deleting, to answer with); a refusal
    /// changes nothing.
    var completing:
        @Sendable (
            _ emulator: isolated NeptuneEmulator, _ members: inout [String: ParameterValue], _ request: Request,
            _ phase: Phase
        ) -> Refusal? = { _, _, _, _ in nil }
    /// Judges and completes an action of `resources.yaml` that the engine performs (one with `reaches:`, a list change,
    /// `adds:`/`removes:`, or `resets:`) on the record it names, before the list change and the transition; a refusal
    /// changes nothing.
    var acting:
        (
            @Sendable (
                _ emulator: isolated NeptuneEmulator, _ action: ResourceLifecycle.Action,
                _ record: inout SpecResourceRecord, _ request: Request
            ) -> Refusal?
        )?
    /// Describe parameters whose selection is the kind's own (a snapshot type that is no value of the member), each
    /// judging whether a record is listed for the value given; other parameters naming a member select by equality.
    var selecting:
        [String:
            @Sendable (_ emulator: isolated NeptuneEmulator, _ record: SpecResourceRecord, _ value: String) -> Bool] =
            [:]
    /// Adjusts the members an answer shows of a record (values that follow its status), just before rendering.
    var showing: (@Sendable (_ emulator: isolated NeptuneEmulator, _ members: inout [String: ParameterValue]) -> Void)?
    /// After a modify renamed a record: moves what the behaviour keeps beside it from the old identifier to the new.
    var renamed: (@Sendable (_ emulator: isolated NeptuneEmulator, _ from: String, _ to: String) -> Void)?
    /// After a record was removed (its delete's transition over): forgets what other stores keep of it.
    var removed: (@Sendable (_ emulator: isolated NeptuneEmulator, _ id: String) -> Void)?
    /// After the transitions due have settled, for each stored record: false removes it (it went with a resource it
    /// belongs to); it may drop references to resources that are gone. Nil: records stay as they are.
    var keeping: (@Sendable (_ emulator: isolated NeptuneEmulator, _ record: inout SpecResourceRecord) -> Bool)?

    /// True when a describe lists records besides the stored ones (`standing` or `listing`).
    var listsOthers: Bool { standing != nil || listing != nil }

    /// The behaviour of each kind that has one; the other kinds are the spec's alone.
    static let byKind: [ResourceKind: KindBehaviour] = [
        .dbSubnetGroup: .subnetGroups, .eventSubscription: .eventSubscriptions, .dbClusterEndpoint: .clusterEndpoints,
        .dbClusterParameterGroup: .clusterParameterGroups, .dbParameterGroup: .instanceParameterGroups,
        .dbClusterSnapshot: .clusterSnapshots, .globalCluster: .globalClusters, .dbInstance: .instances,
    ]
}

extension [String: ParameterValue] {
    /// The text of a scalar member, or nil.
    func text(_ name: String) -> String? {
        if case .scalar(let text)? = self[name] { text } else { nil }
    }

    /// The text of `field` in a structure member, or in the first structure of a list member.
    func nestedText(_ name: String, _ field: String) -> String? {
        let structure: ParameterValue?
        switch self[name] {
        case .list(let items)?: structure = items.first
        case let value: structure = value
        }
        guard case .structure(let members)? = structure,
            case .scalar(let text)? = members.first(where: { $0.name == field })?.value
        else { return nil }
        return text
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
