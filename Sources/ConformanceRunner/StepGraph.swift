import CaseGenerator
import ConformanceSpec
import QueryProtocol

/// Which steps of a case's set-up or tear-down must follow which, so that steps on unrelated resources may be sent
/// side by side. Two steps are ordered as written when they are *linked*: they act on or create the same resource,
/// one names what the other acts on or creates (an identifier or an ARN holding it), or, in a tear-down, the set-up
/// made one of their resources naming the other (an instance and its cluster, a snapshot and its cluster). A step
/// whose resource the spec does not know (`resources.yaml`) is linked to every other: it keeps its place.
public struct StepGraph: Sendable, Equatable {
    /// For each step, the earlier steps it must wait for.
    public let after: [[Int]]

    /// The graph of `steps`; `setup` holds the case's set-up steps when `steps` are its tear-down.
    public init(steps: [Step], resources: ResourceCatalog, setup: [Step] = []) {
        let facts = steps.map { Facts($0.request, resources: resources) }
        // What each resource's set-up step named besides the resource itself: deleting either waits for the other.
        var named: [String: Set<String>] = [:]
        for step in setup {
            let made = Facts(step.request, resources: resources)
            for id in made.touched { named[id, default: []].formUnion(made.others) }
        }
        after = facts.indices.map { later in
            facts.indices.prefix(later).filter { earlier in
                Self.linked(facts[earlier], facts[later], named: named)
            }
        }
    }

    /// True when no step waits for another: every step could be sent at once.
    public var isFlat: Bool { after.allSatisfy(\.isEmpty) }

    static func linked(_ one: Facts, _ other: Facts, named: [String: Set<String>]) -> Bool {
        if one.touched.isEmpty || other.touched.isEmpty { return true }
        if !one.touched.isDisjoint(with: other.touched) { return true }
        if one.names(any: other.touched) || other.names(any: one.touched) { return true }
        for id in one.touched where named[id].map({ Facts.any($0, holds: other.touched) }) == true { return true }
        for id in other.touched where named[id].map({ Facts.any($0, holds: one.touched) }) == true { return true }
        return false
    }

    /// What a step acts on or creates (lower-cased identifiers) and every other value it sends (lower-cased).
    struct Facts {
        var touched: Set<String> = []
        var others: Set<String> = []

        init(_ request: Request, resources: ResourceCatalog) {
            let values = request.flattenedInputs
            if let (_, parameter) = resources.subject(of: request.operation), let id = values[parameter] {
                touched.insert(id.lowercased())
            }
            for (_, parameter) in resources.creations(by: request.operation) {
                if let id = values[parameter] { touched.insert(id.lowercased()) }
            }
            others = Set(values.values.map { $0.lowercased() }).subtracting(touched)
        }

        /// True when some value sent holds one of `ids` (the identifier itself, or an ARN ending in it).
        func names(any ids: Set<String>) -> Bool { Self.any(others, holds: ids) }

        static func any(_ values: Set<String>, holds ids: Set<String>) -> Bool {
            values.contains { value in ids.contains { value.contains($0) } }
        }
    }
}
