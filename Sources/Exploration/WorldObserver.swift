import ConformanceSpec
import QueryProtocol
import XMLCompare

/// Keeps an `ExploreWorld` true to the reference server: after each step, one describe of each (kind, region) the
/// world has names in, without an identifier, shows which of them exist, their status and deletion protection.
struct WorldObserver {
    let spec: ServiceSpec
    let prefix: String

    func refresh(_ world: inout ExploreWorld, reference: ExploreSide) async {
        for (kind, second) in world.regionsByKind {
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
                let protected = item?.child("DeletionProtection").map { $0.value == "true" }
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
