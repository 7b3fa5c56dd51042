import ConformanceSpec
import QueryProtocol
import XMLCompare

/// Keeps an `ExploreWorld` true to the reference server: after each step, one describe of each (kind, region) the
/// world has names in, without an identifier, shows which of them exist, their status and deletion protection.
struct WorldObserver {
    let spec: ServiceSpec
    let prefix: String

    /// Asks about the kinds `step` can change: those of the resources it names, the kinds whose resources belong
    /// to one of those (a cluster's instances share its stopped state), and kinds with a resource in a passing state.
    func refresh(_ world: inout ExploreWorld, after step: ExploreStep, reference: ExploreSide) async {
        var kinds: Set<ResourceKind> = [step.kind]
        for name in step.names { if let kind = world.resource(name)?.kind { kinds.insert(kind) } }
        for lifecycle in spec.resources.lifecycles {
            if let owner = lifecycle.memberOf, kinds.contains(owner) { kinds.insert(lifecycle.kind) }
            // And kinds with a resource on its way somewhere (creating, modifying): it may have settled since.
            let settled =
                [lifecycle.readyState ?? "present", "present", "deleted", "absent"] + lifecycle.sharesStates
                + lifecycle.actions.compactMap(\.reaches)
            if world.live(lifecycle.kind).contains(where: { !settled.contains($0.state) }) {
                kinds.insert(lifecycle.kind)
            }
        }
        for (kind, second) in world.regionsByKind where kinds.contains(kind) {
            guard let lifecycle = spec.resources.lifecycle(of: kind) else { continue }
            let describe = Request(operation: lifecycle.describe.operation, parameters: [])
            guard let tree = await reference.read(describe, second: second) else { continue }
            let itemPath = lifecycle.describe.items.split(separator: "/").map(String.init)
            let items = Self.elements(at: itemPath, under: tree.root)
            let idMember = lifecycle.describe.identifierMember ?? lifecycle.describe.identifier
            var found: [String: XMLTree.Element] = [:]
            for item in items {
                guard let id = item.child(idMember)?.value, id.hasPrefix(prefix + "-") else { continue }
                found[String(id.dropFirst(prefix.count + 1))] = item
            }
            for resource in world.resources where resource.kind == kind && resource.inSecondRegion == second {
                let item = found[resource.name]
                let state = lifecycle.describe.status.flatMap { item?.child($0)?.value }
                // The member the kind's `deletionProtection.on` sets shows whether it is on (resources.yaml).
                let protected = lifecycle.deletionProtection?.on.first.flatMap { member in
                    item?.child(member.name).map { $0.value == "true" }
                }
                world.observe(resource.name, alive: item != nil, state: state, deletionProtected: protected)
            }
        }
    }

    /// The elements at `path` below `root` (each step may match several siblings; the last names the items).
    static func elements(at path: [String], under root: XMLTree.Element) -> [XMLTree.Element] {
        var current = [root]
        for part in path { current = current.flatMap { $0.children(named: part) } }
        return current
    }
}
