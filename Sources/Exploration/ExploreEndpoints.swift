import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import EmulatorTransport
import ReferenceServer
import Transport

/// Makes the two sides of a sequence: the reference server in memory (a fresh one for every sequence and every
/// replay, so each starts clean), and the target: for `embedded` and `embedded:FAULT,…` an emulator in memory
/// (one for the run; a fresh one for each replay), for a URL the endpoint itself, through the network.
public struct ExploreEndpoints: Sendable {
    public let spec: ServiceSpec
    public let target: Target
    public let region: String
    let network: (endpoint: Endpoint, transport: any HTTPTransport)?
    /// Account resources of the reference (its own subnets, role and topic) and of the target.
    var referenceAccount = AccountResources()
    var targetAccount = AccountResources()
    /// What account discovery made on the target (a role, a topic), deleted at the end.
    var made = AccountDiscovery.Made()

    /// Endpoints for `target`.
    ///
    /// - Throws: `TargetError` when a URL target cannot be used with `settings` (no opt-in, no credentials).
    public init(spec: ServiceSpec, target: Target, settings: TargetSettings) throws(TargetError) {
        self.spec = spec
        self.target = target
        try settings.check(target)
        switch target {
        case .embedded:
            region = settings.region ?? "us-east-1"
            network = nil
        case .url(let url):
            let endpoint = try TargetRunner.resolvedEndpoint(url: url, settings: settings)
            region = endpoint.region
            network = (endpoint, NetworkTransport(options: settings.transport))
        }
    }

    /// A reference server holding nothing.
    public func freshReference() -> ExploreSide {
        var side = emulated(faults: [], label: "reference")
        side.account = referenceAccount
        return side
    }

    /// The target: a new emulator for an embedded target, the endpoint for a URL.
    public func freshTarget() -> ExploreSide {
        if let network {
            var side = ExploreSide(
                label: target.description, spec: spec, endpoint: network.endpoint, transport: network.transport)
            side.account = targetAccount
            return side
        }
        var side = emulated(faults: faults, label: target.description)
        side.account = targetAccount
        return side
    }

    /// True when every replay gets a target of its own (the embedded server); a URL target is shared.
    public var targetIsFresh: Bool { network == nil }

    var faults: [Fault] {
        if case .embedded(let faults) = target { return faults }
        return []
    }

    private func emulated(faults: [Fault], label: String) -> ExploreSide {
        let emulator = NeptuneEmulator(spec: spec, configuration: .init(faults: Set(faults), region: region))
        let endpoint = Endpoint(url: InMemoryTransport.url, region: region, label: label)
        return ExploreSide(
            label: label, spec: spec, endpoint: endpoint, transport: InMemoryTransport(emulator: emulator))
    }

    /// Finds the account resources of both sides (making a role or topic a loopback target lacks).
    public mutating func discoverAccounts(given: AccountResources.Given) async {
        let reference = freshReference()
        referenceAccount = await AccountDiscovery(given: AccountResources.Given(), client: reference.primary)
            .discover(regions: reference.regions).resources
        let target = freshTarget()
        if network == nil {
            targetAccount = referenceAccount
            return
        }
        let found = await AccountDiscovery(given: given, client: target.primary).discover(regions: target.regions)
        targetAccount = found.resources
        made = found.made
    }

    /// Deletes what account discovery made on the target; the lines say what could not be deleted.
    public func cleanUpAccount() async -> [String] {
        guard network != nil else { return [] }
        return await AccountDiscovery(given: AccountResources.Given(), client: freshTarget().primary).cleanUp(made)
    }

    /// Closes the network transport, if there is one.
    public func shutdown() async { await network?.transport.shutdown() }
}
