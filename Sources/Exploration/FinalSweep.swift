import ConformanceSpec
import QueryProtocol

/// After the run: lists every resource of every kind in both regions on the target, deletes any whose identifier
/// carries the run's root prefix, and reports those still there afterwards.
struct FinalSweep {
    let spec: ServiceSpec
    let root: String

    func sweep(_ side: ExploreSide) async -> [String] {
        var left: [String] = []
        for pass in 0..<2 {
            left = []
            for lifecycle in spec.resources.lifecycles {
                for second in lifecycle.regional ? [false, true] : [false] {
                    for id in await identifiers(of: lifecycle, on: side, second: second) {
                        if pass == 0 {
                            await SequenceCleaner(spec: spec).delete(
                                id: id, lifecycle: lifecycle, second: second, on: side)
                        } else {
                            left.append("\(lifecycle.kind.rawValue) \(id)\(second ? " (second region)" : "")")
                        }
                    }
                }
            }
        }
        return left
    }

    private func identifiers(of lifecycle: ResourceLifecycle, on side: ExploreSide, second: Bool) async -> [String] {
        let describe = Request(operation: lifecycle.describe.operation, parameters: [])
        guard let tree = await side.read(describe, second: second) else { return [] }
        let items = WorldObserver.elements(
            at: lifecycle.describe.items.split(separator: "/").map(String.init), under: tree.root)
        let member = lifecycle.describe.identifierMember ?? lifecycle.describe.identifier
        return items.compactMap { $0.child(member)?.value }.filter { $0.hasPrefix(root) }
    }
}
