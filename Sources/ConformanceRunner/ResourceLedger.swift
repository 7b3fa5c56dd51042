import CaseGenerator
import ConformanceSpec
import QueryProtocol

/// Every resource the run created and has not yet deleted, so tear-down only ever deletes what the
/// run made, and a final sweep deletes what is left (after failures and interrupts). What creates, deletes
/// and renames a resource comes from the spec (`resources.yaml` and the parameters' `renames`).
public actor ResourceLedger {
    var live: [ResourceKind: [String]] = [:]
    /// For a resource a modify renamed: the modify that renames it back (kind and new identifier as the key). An
    /// endpoint that accepted an invalid new name may refuse every delete naming it, yet take the rename back.
    var renamedBack: [Entry: (request: Request, former: String)] = [:]
    /// The resources made in a region other than the run's own (region cases), so tear-down and the sweep sign
    /// their deletes for that region.
    var elsewhere: [Entry: SigningRegion] = [:]
    /// Everything the run made (or may have made), with the region it was made in (nil: the run's own): the sweep's
    /// check lists each kind again and looks for these.
    var made: [Entry: SigningRegion?] = [:]
    /// Which case's request made or renamed a resource (`made by the set-up of X`, `renamed by X`), so a leftover says
    /// where it comes from.
    var origins: [Entry: String] = [:]
    /// The resources only a request without a clear answer may have made (no answer, or HTTP 5xx): none of their
    /// creates was answered with success.
    var unconfirmed: Set<Entry> = []

    struct Entry: Hashable {
        var kind: ResourceKind
        var id: String
    }

    /// The resource kinds and their lifecycles.
    let resources: ResourceCatalog

    /// Per operation, the parameters whose resource another parameter renames, with that parameter
    /// (a modify's identifier renamed by its new-identifier parameter), from the spec's `renames`.
    let renames: [String: [(named: String, renaming: String)]]

    /// A ledger that knows the spec's resource kinds; without a spec it knows none and records nothing.
    public init(spec: ServiceSpec? = nil) {
        var renames: [String: [(named: String, renaming: String)]] = [:]
        for operation in spec?.operations ?? [] {
            for member in operation.parameters.members {
                if let named = member.renames { renames[operation.name, default: []].append((named, member.name)) }
            }
        }
        self.renames = renames
        resources = spec?.resources ?? ResourceCatalog()
    }

    public func contains(_ kind: ResourceKind, _ id: String) -> Bool { live[kind]?.contains(id.lowercased()) ?? false }

    /// What is left, kind by kind in the order `resources.yaml` lists the kinds (members before what they belong to).
    public var remaining: [(ResourceKind, String)] {
        resources.lifecycles.flatMap { lifecycle in (live[lifecycle.kind] ?? []).map { (lifecycle.kind, $0) } }
    }

    /// The region a live resource was made in, when not the run's own.
    public func region(of kind: ResourceKind, _ id: String) -> SigningRegion? { elsewhere[Entry(kind: kind, id: id)] }

    /// Updates the ledger after a request that the endpoint answered with success, signed for `region` (nil: the
    /// run's own).
    public func record(_ request: Request, region: SigningRegion?, by origin: String? = nil) {
        let appeared = apply(request)
        for (kind, id) in creations(of: request) { unconfirmed.remove(Entry(kind: kind, id: id)) }
        for entry in appeared {
            if let origin { origins[entry] = origin }
            if let region { place(entry, in: region) }
        }
    }

    /// True when only a request without a clear answer (none, or HTTP 5xx) may have made the resource.
    public func isUnconfirmed(_ kind: ResourceKind, _ id: String) -> Bool {
        unconfirmed.contains(Entry(kind: kind, id: id.lowercased()))
    }

    /// Which case made or renamed a resource, when the run said so.
    public func origin(of kind: ResourceKind, _ id: String) -> String? {
        origins[Entry(kind: kind, id: id.lowercased())]
    }

    /// Updates the ledger after a request that the endpoint answered with success.
    public func record(_ request: Request) { apply(request) }

    /// `record(_:)`, giving what is live now and was not before the request.
    @discardableResult
    func apply(_ request: Request) -> [Entry] {
        let value = { (name: String) in Self.identifier(name, in: request) }
        var removed: Set<Entry> = []
        var appeared: [Entry] = []
        if let (lifecycle, parameter) = resources.deletion(by: request.operation), let id = value(parameter) {
            if remove(lifecycle.kind, id) { removed.insert(Entry(kind: lifecycle.kind, id: id)) }
        }
        for (kind, parameter) in resources.creations(by: request.operation) {
            if let id = value(parameter), add(kind, id) { appeared.append(Entry(kind: kind, id: id)) }
        }
        for (named, renaming) in renames[request.operation] ?? [] {
            guard let old = value(named), let new = value(renaming) else { continue }
            for lifecycle in resources.lifecycles where contains(lifecycle.kind, old) {
                if remove(lifecycle.kind, old) { removed.insert(Entry(kind: lifecycle.kind, id: old)) }
                if add(lifecycle.kind, new) { appeared.append(Entry(kind: lifecycle.kind, id: new)) }
                rememberRenamingBack(lifecycle, request, named: named, renaming: renaming, old: old, new: new)
            }
        }
        // A resource removed and added again by the same request was there before it.
        return appeared.filter { !removed.contains($0) }
    }

    /// Keeps the kind's modify that renames `new` back to `old`, when that modify made the rename.
    func rememberRenamingBack(
        _ lifecycle: ResourceLifecycle, _ request: Request, named: String, renaming: String, old: String, new: String
    ) {
        guard let modify = lifecycle.modify, modify.operation == request.operation, modify.identifier == named else {
            return
        }
        let back = Request(modify.adding([StepParameter(name: renaming, value: .literal(old))]), id: new)
        renamedBack[Entry(kind: lifecycle.kind, id: new)] = (back, old)
    }

    /// The kind's modify that gives a renamed resource its former identifier back, if a modify renamed it.
    public func renamingBack(_ kind: ResourceKind, _ id: String) -> (request: Request, former: String)? {
        renamedBack[Entry(kind: kind, id: id.lowercased())]
    }

    /// Updates the ledger after a request whose answer never came (cancelled or cut off): what it creates may exist,
    /// and a resource it renames may exist under either name, so the sweep tries both.
    public func recordPossible(_ request: Request, region: SigningRegion? = nil, by origin: String? = nil) {
        let value = { (name: String) in Self.identifier(name, in: request) }
        for (kind, parameter) in resources.creations(by: request.operation) {
            if let id = value(parameter) {
                if !contains(kind, id) { unconfirmed.insert(Entry(kind: kind, id: id)) }
                add(kind, id)
                if let origin { origins[Entry(kind: kind, id: id)] = origin }
                if let region { place(Entry(kind: kind, id: id), in: region) }
            }
        }
        for (named, renaming) in renames[request.operation] ?? [] {
            guard let old = value(named), let new = value(renaming) else { continue }
            for lifecycle in resources.lifecycles where contains(lifecycle.kind, old) {
                add(lifecycle.kind, new)
                if let origin { origins[Entry(kind: lifecycle.kind, id: new)] = origin }
                rememberRenamingBack(lifecycle, request, named: named, renaming: renaming, old: old, new: new)
            }
        }
    }

    /// Marks a resource gone (the endpoint said it does not exist).
    public func forget(_ kind: ResourceKind, _ id: String) { remove(kind, id) }

    /// Notes that a resource was made in `region`, not the run's own: for its deletes now, and for the sweep's check.
    func place(_ entry: Entry, in region: SigningRegion) {
        elsewhere[entry] = region
        made[entry] = .some(region)
    }

    /// Adds a live resource; true when it was not live.
    @discardableResult
    func add(_ kind: ResourceKind, _ id: String) -> Bool {
        let added = !(live[kind]?.contains(id) ?? false)
        if added { live[kind, default: []].append(id) }
        if made[Entry(kind: kind, id: id)] == nil { made[Entry(kind: kind, id: id)] = .some(nil) }
        return added
    }

    /// Every resource the run made or may have made, kind by kind in the order of `resources.yaml`, with its region.
    public var everMade: [(kind: ResourceKind, id: String, region: SigningRegion?)] {
        resources.lifecycles.flatMap { lifecycle in
            made.filter { $0.key.kind == lifecycle.kind }.keys.sorted { $0.id < $1.id }.map {
                (lifecycle.kind, $0.id, made[$0] ?? nil)
            }
        }
    }

    /// Removes a live resource; true when it was live.
    @discardableResult
    func remove(_ kind: ResourceKind, _ id: String) -> Bool {
        let count = live[kind]?.count ?? 0
        live[kind]?.removeAll { $0 == id }
        renamedBack[Entry(kind: kind, id: id)] = nil
        elsewhere[Entry(kind: kind, id: id)] = nil
        return (live[kind]?.count ?? 0) < count
    }

    /// The resource a tear-down step acts on (deletes, or switches deletion protection off for), if the
    /// spec says which: its kind and lower-cased identifier.
    public nonisolated func target(of request: Request) -> (ResourceKind, String)? {
        guard let (lifecycle, parameter) = resources.subject(of: request.operation) else { return nil }
        return Self.identifier(parameter, in: request).map { (lifecycle.kind, $0) }
    }

    /// The resources a request creates when it succeeds: kind and lower-cased identifier.
    public nonisolated func creations(of request: Request) -> [(ResourceKind, String)] {
        resources.creations(by: request.operation).compactMap { kind, parameter in
            Self.identifier(parameter, in: request).map { (kind, $0) }
        }
    }

    /// The lower-cased identifier a request gives in `name`, if any.
    static func identifier(_ name: String, in request: Request) -> String? {
        if case .scalar(let text)? = request.value(at: name) { return text.lowercased() }
        return nil
    }
}
