import ConformanceSpec

/// What a resource kind does beyond the resource engine's create, describe, modify and delete
/// (`NeptuneEmulator+SpecResources`): records every region holds without a create, and the members a create or modify
/// derives from the request by rules the spec cannot state (a subnet's zone), with the refusals those rules make.
struct KindBehaviour: Sendable {
    /// Why a create or modify is refused: an error code of the spec and its message.
    struct Refusal: Error, Sendable, Equatable {
        var code: String
        var message: String
    }

    /// The records every region holds from the start, made for a region and account.
    var standing: @Sendable (_ region: String, _ account: String) -> [SpecResourceRecord] = { _, _ in [] }
    /// Completes the members of a record a create or modify is about to store; a refusal stores nothing.
    var completing:
        @Sendable (_ members: inout [String: ParameterValue], _ request: Request, _ region: String) -> Refusal? = {
            _, _, _ in nil
        }

    /// The behaviour of each kind that has one; the other kinds are the spec's alone.
    static let byKind: [ResourceKind: KindBehaviour] = [.dbSubnetGroup: .subnetGroups]
}
