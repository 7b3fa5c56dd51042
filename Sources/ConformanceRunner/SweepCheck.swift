import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

/// The sweep checks its own work: after tear-down and the sweep, each resource kind the run made is listed again
/// (its describe without an identifier, every page, in every region the run made one in), and whatever the run
/// made that is still listed, and not on its way out, is deleted again until it is gone or the state timeout
/// (one for the whole check) passes. A delete that was answered with success but did not happen (an endpoint that forgets a delete under
/// load) is caught here instead of being left on the account.
struct SweepCheck: Sendable {
    let spec: ServiceSpec
    let client: QueryClient
    let stateTimeout: Duration

    /// What the run made that is still there after the retries, as the run's leftovers list them
    /// (`DBCluster nc1-ab (in eu-central-1): still listed after its delete was answered; made by …`). What the sweep
    /// already gave up on (the ledger still holds it: the sweep forgets what it deletes) is listed by the sweep, and
    /// not tried again here.
    func leftovers(madeBy ledger: ResourceLedger) async -> [String] {
        var made: [(kind: ResourceKind, id: String, region: SigningRegion?)] = []
        for entry in await ledger.everMade where !(await ledger.contains(entry.kind, entry.id)) { made.append(entry) }
        let kinds = spec.resources.lifecycles.filter { lifecycle in made.contains { $0.kind == lifecycle.kind } }
        var remaining: [String] = []
        // One state timeout for the whole check: an endpoint that never deletes (a faulty mock) keeps the run waiting
        // once, not once per kind and region.
        let deadline = ContinuousClock.now.advanced(by: stateTimeout)
        for lifecycle in kinds {
            let regions = Set(made.filter { $0.kind == lifecycle.kind }.map(\.region))
            for region in regions.sorted(by: { ($0?.rawValue ?? "") < ($1?.rawValue ?? "") }) {
                let ours = Set(made.filter { $0.kind == lifecycle.kind && $0.region == region }.map(\.id))
                let client = client.signing(for: region)
                var pause = Duration.milliseconds(100)
                var listed = await stillListed(lifecycle, among: ours, client: client) ?? []
                while !listed.isEmpty, ContinuousClock.now.advanced(by: pause) < deadline {
                    for id in listed {
                        _ = await CaseExecutor.deleteOnce(lifecycle.kind, id, spec: spec, client: client)
                    }
                    try? await Task.sleep(for: pause)
                    pause = min(pause * 2, .seconds(10))
                    listed = await stillListed(lifecycle, among: ours, client: client) ?? []
                }
                let place = region.map { _ in " (in \(client.endpoint.region))" } ?? ""
                for id in listed.sorted() {
                    let origin = await ledger.origin(of: lifecycle.kind, id).map { "; \($0)" } ?? ""
                    remaining.append(
                        "\(lifecycle.kind.rawValue) \(id)\(place): still listed after its delete was answered\(origin)")
                }
            }
        }
        return remaining
    }

    /// True when the kind's describe lists `id` (and not as being deleted), false when it does not, nil when the listing
    /// could not be read (an endpoint without the operation): the sweep's test of whether a resource it could not
    /// delete, or only may have made, exists at all.
    func isListed(_ kind: ResourceKind, _ id: String, region: SigningRegion?) async -> Bool? {
        guard let lifecycle = spec.resources.lifecycle(of: kind) else { return nil }
        let id = id.lowercased()
        return await stillListed(lifecycle, among: [id], client: client.signing(for: region)).map { $0.contains(id) }
    }

    /// The identifiers among `ours` that the kind's describe still lists, leaving out those whose status says they
    /// are being deleted; nil when not even the first page could be read (nothing can be checked there).
    func stillListed(_ lifecycle: ResourceLifecycle, among ours: Set<String>, client: QueryClient) async -> Set<String>?
    {
        let describe = lifecycle.describe
        let paging = spec.operation(named: describe.operation)?.paging
        // `DescribeDBClustersResult/DBClusters/DBCluster`: the list between the result and the item's name.
        let steps = describe.items.split(separator: "/").map(String.init)
        let listPath = steps.dropFirst().dropLast().joined(separator: "/")
        let itemName = steps.last ?? ""
        let idMember = describe.identifierMember ?? describe.identifier
        var found: Set<String> = []
        var token: String?
        for page in 0..<CaseExecutor.pageLimit {
            var parameters: [Parameter] = []
            if let token, let paging { parameters.append(Parameter(paging.token, .scalar(token))) }
            guard let sent = try? await client.send(Request(operation: describe.operation, parameters: parameters)),
                sent.answer.status == 200, let tree = try? SafeXMLParser().parse(sent.answer.body),
                let result = tree.root.child("\(describe.operation)Result")
            else {
                if page == 0 { return nil }
                break
            }
            let list = listPath.isEmpty ? result : result.descendant(listPath)
            for item in list?.children(named: itemName) ?? [] {
                guard let id = item.child(idMember)?.value.lowercased(), ours.contains(id) else { continue }
                let status = describe.status.flatMap { item.child($0)?.value.lowercased() } ?? ""
                if !status.contains("delet") { found.insert(id) }
            }
            guard let paging, let next = result.child(paging.token)?.value, !next.isEmpty, next != token else {
                break
            }
            token = next
        }
        return found
    }
}
