import ConformanceSpec
import Foundation

/// The resource engine: the operations `resources.yaml` names as a kind's create, describe, modify or delete, and the
/// reads a catalogue of `catalogues.yaml` is asked through, answered from the spec alone when no behaviour code
/// claims them. A record keeps the request members its kind's structure has (under their own name, or the member whose
/// `setBy:` names them; a create's parameter left out gives its documented `default:`), its identifier as the create's
/// parameter stores it (lower-cased or as given), the members the
/// structure fixes (`constant:`) or derives (`derive:`), and its status (the state set-up waits for, else the first of
/// its vocabulary; while a change is under way, the state `transitions:` names). Answers are rendered through the
/// operation's `output:`. Preconditions (exists, absent, state, …) have been judged before, against this store too
/// (`EmulatorContractState`). An operation the spec makes a tagging one (`TaggingRole`) adds, lists or removes the tags
/// of any kind with an `arn` type. What a kind does beyond this is its `KindBehaviour`.
extension NeptuneEmulator {
    /// The answer of an operation the engine can serve from the spec, or nil when the spec says nothing it can serve.
    func performFromSpec(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer? {
        for lifecycle in spec.resources.lifecycles {
            if let create = lifecycle.creates.first(where: { $0.operation == operation.name }) {
                return createFromSpec(lifecycle, identifier: create.parameter, operation, request)
            }
            if lifecycle.describe.operation == operation.name { return describeFromSpec(lifecycle, operation, request) }
            if lifecycle.modify?.operation == operation.name { return modifyFromSpec(lifecycle, operation, request) }
            if lifecycle.delete.operation == operation.name { return deleteFromSpec(lifecycle, operation, request) }
            if let action = lifecycle.actions.first(where: { $0.operation == operation.name }),
                action.reaches != nil || action.listChange != nil || action.resets != nil
            {
                return actFromSpec(lifecycle, action, operation, request)
            }
        }
        if let catalogue = spec.catalogues.values.first(where: { $0.ask.operation == operation.name }) {
            return listCatalogue(catalogue, operation, request)
        }
        if let role = spec.taggingRole(of: operation) { return tagging(role, operation, request) }
        return nil
    }

    private func itemShape(_ kind: ResourceKind) -> StructureSpec {
        spec.shapes[kind.rawValue] ?? StructureSpec(members: [])
    }

    /// What a kind's standing records may depend on, in the working region.
    var behaviourContext: KindBehaviour.Context {
        KindBehaviour.Context(spec: spec, region: region, account: configuration.accountId)
    }

    /// The identifier (or ARN) a copy names its source by: the parameter of `request`'s operation that resources.yaml
    /// lists among the kind's references (CopyDBClusterSnapshot's SourceDBClusterSnapshotIdentifier); nil for another
    /// create.
    func copiedSource(_ kind: ResourceKind, _ request: Request) -> String? {
        spec.resources.lifecycle(of: kind)?.references.first { $0.operation == request.operation }
            .flatMap { text($0.parameter, request) }
    }

    /// The stored form of a resource's identifier (or ARN): lower-cased when the create's parameter says the service
    /// stores it so (`lowercased: true`), else as given.
    func storedKey(_ kind: ResourceKind, _ identifier: String) -> String {
        SpecResourceStore.storedKey(identifier, lowercased: lowercasedKinds.contains(kind), key: key)
    }

    /// The member of the kind's structure that holds its identifier.
    private func identifierMember(_ lifecycle: ResourceLifecycle) -> String {
        lifecycle.describe.identifierMember ?? lifecycle.describe.identifier
    }

    private func createFromSpec(
        _ lifecycle: ResourceLifecycle, identifier parameter: String, _ operation: OperationSpec, _ request: Request
    ) -> EmulatorAnswer {
        let shape = itemShape(lifecycle.kind)
        let id = storedKey(lifecycle.kind, text(parameter, request) ?? "")
        let behaviour = KindBehaviour.byKind[lifecycle.kind]
        var members: [String: ParameterValue] = [:]
        for given in request.parameters where behaviour?.takesRequestMembers != false {
            let name = shape.memberName(setBy: given.name)
            if shape.member(named: name) != nil { members[name] = given.value }
        }
        // A member a parameter of the create sets, which the request leaves out: the parameter's documented default.
        for parameter in operation.parameters.members where request.value(at: parameter.name) == nil {
            let name = shape.memberName(setBy: parameter.name)
            if let value = parameter.defaultValue, shape.member(named: name) != nil { members[name] = .scalar(value) }
        }
        members[identifierMember(lifecycle)] = .scalar(id)
        if let status = lifecycle.describe.status {
            // The state set-up waits for, else the first its status member may hold.
            let first = shape.member(named: status)?.vocabulary?.values.first
            members[status] = .scalar(lifecycle.setup.create.waitFor ?? first ?? "available")
        }
        if let refusal = behaviour?.completing(self, &members, request, .create) {
            return renderer.error(refusal.code, refusal.message)
        }
        var record = newRecord(lifecycle.kind, id: id, members)
        begin(
            lifecycle.transitions.creating(by: operation.name), of: &record, lifecycle,
            settlingIn: lifecycle.describe.status.flatMap {
                record.members.text($0)
            })
        self[storeOf: lifecycle.kind][lifecycle.kind, id] = record
        return itemAnswer(record, of: lifecycle.kind, operation)
    }

    /// A new record of `kind`: the members given, and those its structure fixes (`constant:`) or derives (`derive:`)
    /// where not given; numbered next in the region.
    func newRecord(_ kind: ResourceKind, id: String, _ given: [String: ParameterValue]) -> SpecResourceRecord {
        var members = given
        sequence += 1
        let made = String(format: "%026X", sequence)
        let texts = members.compactMapValues { if case .scalar(let text) = $0 { text } else { nil } }
        for member in itemShape(kind).members where members[member.name] == nil {
            if let constant = member.constant {
                members[member.name] = .scalar(constant)
            } else if let derivation = member.derivation {
                members[member.name] = .scalar(
                    derivation.value(siblings: texts, region: region, account: configuration.accountId, made: made))
            }
        }
        return SpecResourceRecord(id: id, members: members, sequence: sequence)
    }

    private func describeFromSpec(
        _ lifecycle: ResourceLifecycle, _ operation: OperationSpec, _ request: Request
    ) -> EmulatorAnswer {
        let stored = self[storeOf: lifecycle.kind].records(lifecycle.kind)
        let behaviour = KindBehaviour.byKind[lifecycle.kind]
        let paging = [operation.paging?.token, operation.paging?.limit]
        let selected = operation.parameters.members.contains {
            !paging.contains($0.name) && text($0.name, request) != nil
        }
        // Every record of a kind that lists only its own: a page of the store's order, with nothing sorted.
        if !selected, request.filters.isEmpty, behaviour?.listsOthers != true {
            return listAnswer(page(stored, of: operation, request), kind: lifecycle.kind, operation)
        }
        let standing = behaviour?.standing?(behaviourContext) ?? []
        var records: [SpecResourceRecord]
        if let name = text(lifecycle.describe.identifier, request) {
            // One by identifier: the stored record, else a standing one (listed records have no identifier).
            let id = storedKey(lifecycle.kind, name)
            records = stored[id].map { [$0] } ?? standing.filter { $0.id == id }
            if records.isEmpty, let notFound = lifecycle.describe.notFound {
                return renderer.error(notFound, "\(lifecycle.kind.rawValue) \(name) not found.")
            }
        } else {
            records =
                Array(stored.values) + standing.filter { stored[$0.id] == nil } + (behaviour?.listing?(self) ?? [])
        }
        // Another parameter naming a member of the kind's structure lists the records holding that value (the
        // endpoints of one cluster), compared lower-cased where the service stores the value so.
        let shape = itemShape(lifecycle.kind)
        for given in operation.parameters.members where given.name != lifecycle.describe.identifier {
            guard let value = text(given.name, request) else { continue }
            if let selects = behaviour?.selecting[given.name] {
                records = records.filter { selects(self, $0, value) }
            } else if shape.member(named: given.name) != nil {
                let wanted = given.lowercased ? key(value) : value
                records = records.filter { $0.members.text(given.name) == wanted }
            }
        }
        let filters = request.filters
        if !filters.isEmpty {
            let identifier = identifierMember(lifecycle)
            records = records.filter {
                Self.passes(
                    $0.members, filters: filters, of: operation, identifierMember: identifier, storedKey: storedKey)
            }
        }
        return listAnswer(page(records, key: \.id, of: operation, request), kind: lifecycle.kind, operation)
    }

    /// A describe's answer of a page of records of `kind`, or the refusal of its token.
    private func listAnswer(_ cut: Page<SpecResourceRecord>, kind: ResourceKind, _ operation: OperationSpec)
        -> EmulatorAnswer
    {
        switch cut {
        case .refused(let refusal): return refusal
        case .page(let page, let marker):
            let items = page.map { ParameterValue.structure(members(of: $0, kind: kind)) }
            return listAnswer(items, marker: marker, operation)
        }
    }

    private func modifyFromSpec(
        _ lifecycle: ResourceLifecycle, _ operation: OperationSpec, _ request: Request
    ) -> EmulatorAnswer {
        let id = storedKey(
            lifecycle.kind, text(lifecycle.modify?.identifier ?? lifecycle.describe.identifier, request) ?? "")
        guard var record = self[storeOf: lifecycle.kind].record(lifecycle.kind, id) else {
            return missingAnswer(lifecycle, id: id, operation)
        }
        let shape = itemShape(lifecycle.kind)
        let behaviour = KindBehaviour.byKind[lifecycle.kind]
        for given in request.parameters where behaviour?.takesRequestMembers != false {
            let name = shape.memberName(setBy: given.name)
            if shape.member(named: name) != nil, name != identifierMember(lifecycle) {
                record.members[name] = given.value
            }
        }
        if let refusal = behaviour?.completing(self, &record.members, request, .modify) {
            return renderer.error(refusal.code, refusal.message)
        }
        begin(
            lifecycle.transitions.modify, of: &record, lifecycle,
            settlingIn: lifecycle.describe.status.flatMap {
                record.pending?.target ?? record.members.text($0)
            })
        if let renaming = operation.renaming(lifecycle.modify?.identifier ?? lifecycle.describe.identifier),
            let newName = text(renaming, request)
        {
            rename(&record, of: lifecycle, to: storedKey(lifecycle.kind, newName))
        }
        self[storeOf: lifecycle.kind][lifecycle.kind, record.id] = record
        return itemAnswer(record, of: lifecycle.kind, operation)
    }

    private func deleteFromSpec(
        _ lifecycle: ResourceLifecycle, _ operation: OperationSpec, _ request: Request
    ) -> EmulatorAnswer {
        let id = storedKey(lifecycle.kind, text(lifecycle.delete.identifier, request) ?? "")
        guard var record = self[storeOf: lifecycle.kind].record(lifecycle.kind, id) else {
            return missingAnswer(lifecycle, id: id, operation)
        }
        if let refusal = KindBehaviour.byKind[lifecycle.kind]?.completing(self, &record.members, request, .delete) {
            return renderer.error(refusal.code, refusal.message)
        }
        if lifecycle.transitions.delete != nil {
            begin(lifecycle.transitions.delete, of: &record, lifecycle, settlingIn: nil)
            self[storeOf: lifecycle.kind][lifecycle.kind, id] = record
        } else {
            remove(lifecycle.kind, id)
        }
        return itemAnswer(record, of: lifecycle.kind, operation)
    }

    /// An action on one record (`actions:` with `reaches:`, `adds:`/`removes:` or `resets:`): the kind's `acting` hook
    /// judges and completes it, the list change adds or removes the parameter's value (once), and the record shows
    /// `during` for the transition delay, then `reaches`.
    private func actFromSpec(
        _ lifecycle: ResourceLifecycle, _ action: ResourceLifecycle.Action, _ operation: OperationSpec,
        _ request: Request
    ) -> EmulatorAnswer {
        let id = storedKey(lifecycle.kind, text(action.identifier, request) ?? "")
        guard var record = self[storeOf: lifecycle.kind].record(lifecycle.kind, id) else {
            return missingAnswer(lifecycle, id: id, operation)
        }
        if let refusal = KindBehaviour.byKind[lifecycle.kind]?.acting?(self, action, &record, request) {
            return renderer.error(refusal.code, refusal.message)
        }
        if let change = action.listChange, let given = text(change.parameter, request) {
            // Stored as the kind it names stores identifiers (a subscription's sources: lower-cased).
            let value =
                spec.resources.kind(named: change.parameter, in: operation.name).map { storedKey($0, given) } ?? given
            var values = record.members.texts(change.member)
            if change.adds {
                if !values.contains(value) { values.append(value) }
            } else {
                values.removeAll { $0 == value }
            }
            record.members.setTexts(change.member, values)
        }
        if let during = action.during {
            begin(during, of: &record, lifecycle, settlingIn: action.reaches)
        } else if let reaches = action.reaches, let status = lifecycle.describe.status {
            record.members[status] = .scalar(reaches)
        }
        self[storeOf: lifecycle.kind][lifecycle.kind, id] = record
        return itemAnswer(record, of: lifecycle.kind, operation)
    }

    /// The answer of a modify, delete or action whose identifier names no stored record: a record every region holds
    /// (a default parameter group, reached only when a fault waived its precondition) as it is, since the service keeps
    /// it; else the kind's not-found error.
    private func missingAnswer(_ lifecycle: ResourceLifecycle, id: String, _ operation: OperationSpec) -> EmulatorAnswer
    {
        if let standing = KindBehaviour.byKind[lifecycle.kind]?.standing?(behaviourContext).first(where: { $0.id == id }
        ) {
            return itemAnswer(standing, of: lifecycle.kind, operation)
        }
        return renderer.error(lifecycle.delete.notFound, "\(lifecycle.kind.rawValue) \(id) not found.")
    }

    /// A modify that renames (its parameter with `renames:`): the record moves to its new identifier, the members
    /// derived from the identifier alone follow it, and so do its tags and what its behaviour keeps beside it.
    private func rename(_ record: inout SpecResourceRecord, of lifecycle: ResourceLifecycle, to newId: String) {
        let kind = lifecycle.kind
        let oldId = record.id
        // The caller stores the record under its new identifier, with the change under way it has.
        self[storeOf: kind][kind, oldId] = nil
        record.id = newId
        record.members[identifierMember(lifecycle)] = .scalar(newId)
        let texts = record.members.compactMapValues { if case .scalar(let text) = $0 { text } else { nil } }
        for member in itemShape(kind).members {
            guard let derivation = member.derivation, !derivation.parts.contains(.any),
                !derivation.siblings.isEmpty
            else { continue }
            record.members[member.name] = .scalar(
                derivation.value(siblings: texts, region: region, account: configuration.accountId, made: ""))
        }
        if let type = lifecycle.arn?.type,
            let tags = tagStore.tags.removeValue(forKey: canonicalARN(type: type, id: oldId))
        {
            tagStore.tags[canonicalARN(type: type, id: newId)] = tags
        }
        KindBehaviour.byKind[kind]?.renamed?(self, oldId, newId)
    }

    /// Starts the change a step's `transitions:` state names: the record shows that status until the transition
    /// delay has passed, then `settled` (nil: it is gone). Without a state the change is already done.
    private func begin(
        _ state: String?, of record: inout SpecResourceRecord, _ lifecycle: ResourceLifecycle,
        settlingIn settled: String?
    ) {
        guard let state, let status = lifecycle.describe.status else { return }
        record.members[status] = .scalar(state)
        record.pending = later(settled)
    }

    /// Removes a record and its tags; its behaviour forgets what it kept of it elsewhere.
    private func remove(_ kind: ResourceKind, _ id: String) {
        self[storeOf: kind][kind, id] = nil
        KindBehaviour.byKind[kind]?.removed?(self, id)
        if let type = spec.resources.lifecycle(of: kind)?.arn?.type {
            tagStore.tags[canonicalARN(type: type, id: id)] = nil
        }
    }

    /// Completes the engine's changes whose delay has passed (only the records waiting for one are looked at).
    func settleSpecResources(at now: ContinuousClock.Instant) {
        // Most requests find nothing waiting: no list of keys is built for them.
        let waiting = specResources.hasPending || sharedResources.hasPending
        for key in waiting ? specResources.pendingKeys + sharedResources.pendingKeys : [] {
            guard var record = self[storeOf: key.kind].record(key.kind, key.id) else { continue }
            guard let pending = record.pending, pending.at <= now else { continue }
            guard let target = pending.target else {
                remove(key.kind, key.id)
                continue
            }
            if let status = spec.resources.lifecycle(of: key.kind)?.describe.status {
                record.members[status] = .scalar(target)
            }
            record.pending = nil
            self[storeOf: key.kind][key.kind, key.id] = record
        }
        for (kind, behaviour) in KindBehaviour.byKind {
            guard let keeping = behaviour.keeping else { continue }
            for (id, record) in self[storeOf: kind].records(kind) {
                var kept = record
                if !keeping(self, &kept) {
                    remove(kind, id)
                } else if kept != record {
                    self[storeOf: kind][kind, id] = kept
                }
            }
        }
    }

    /// The record's members in the kind's structure's order.
    private func members(of record: SpecResourceRecord, kind: ResourceKind) -> [Parameter] {
        let shown = shownMembers(of: record, kind: kind)
        return itemShape(kind).members.compactMap { member in shown[member.name].map { Parameter(member.name, $0) } }
    }

    /// The record's members as an answer shows them (its kind's `showing` applied, then the active faults').
    private func shownMembers(of record: SpecResourceRecord, kind: ResourceKind) -> [String: ParameterValue] {
        var shown = record.members
        KindBehaviour.byKind[kind]?.showing?(self, &shown)
        for decorator in decorators { decorator.rendering(members: &shown, of: kind) }
        return shown
    }

    /// The answer of an operation on one resource: the output member holding the kind's structure gets the record;
    /// an operation without output answers with its metadata only.
    func itemAnswer(_ record: SpecResourceRecord, of kind: ResourceKind, _ operation: OperationSpec)
        -> EmulatorAnswer
    {
        guard !operation.output.members.isEmpty else {
            return renderer.success(action: operation.name, result: "", hasResult: false)
        }
        let shape = itemShape(kind)
        var xml = ""
        for member in operation.output.members {
            if case .structure(let structure) = member.type, member.name == kind.rawValue || structure == shape {
                renderer.append(member.name, .structure(members(of: record, kind: kind)), type: member.type, to: &xml)
            }
        }
        // An output whose members are the kind's (the endpoint operations' results, a parameter group's name) holds
        // them flat, as the output lists them.
        if xml.isEmpty, operation.output.members.allSatisfy({ shape.member(named: $0.name) != nil }) {
            xml = renderer.structureBody(shownMembers(of: record, kind: kind), shape: operation.output)
        }
        return renderer.success(action: operation.name, result: xml)
    }

    /// The answer of a read that lists structures, in the order of the operation's output (as `pagedAnswer` writes
    /// the behaviour code's lists): its paging token holds the next page's marker, its list member `items`.
    private func listAnswer(_ items: [ParameterValue], marker: String?, _ operation: OperationSpec) -> EmulatorAnswer {
        var xml = ""
        for member in operation.output.members {
            if member.name == operation.paging?.token {
                xml += markerElement(marker, of: operation)
            } else if case .list = member.type {
                renderer.append(member.name, .list(items), type: member.type, to: &xml)
            }
        }
        return renderer.success(action: operation.name, result: xml)
    }

    /// A catalogue read: the entries whose fields equal every request parameter of the same name, in the file's order
    /// (paged by the catalogue's key), each rendered with the fields its list's structure has.
    private func listCatalogue(_ catalogue: Catalogue, _ operation: OperationSpec, _ request: Request) -> EmulatorAnswer
    {
        var entries = catalogue.entries
        for given in request.parameters {
            guard case .scalar(let value) = given.value, entries.contains(where: { $0[given.name] != nil }) else {
                continue
            }
            entries = entries.filter { $0[given.name] == value }
        }
        let listType = operation.output.members.lazy.compactMap { member -> ListSpec? in
            if case .list(let list) = member.type { list } else { nil }
        }.first
        guard case .structure(let shape)? = listType?.member else {
            return renderer.error("InvalidAction", "\(operation.name) lists no structure the spec describes")
        }
        let ordered = entries.enumerated().map { (String(format: "%08d", $0.offset), $0.element) }
        switch page(ordered, key: \.0, of: operation, request) {
        case .refused(let refusal): return refusal
        case .page(let page, let marker):
            let items = page.map { _, entry in
                ParameterValue.structure(
                    shape.members.compactMap { member in entry[member.name].map { Parameter(member.name, .scalar($0)) }
                    })
            }
            return listAnswer(items, marker: marker, operation)
        }
    }
}
