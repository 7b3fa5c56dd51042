/// The kind of list an operation that pages (`paging:`) answers with. The case generator, the golden recorder and
/// the reference server's paging faults all learn it here (`ServiceSpec.pagedListKind(of:)`), from the spec's
/// data: the resource kinds of `resources.yaml`, the operation's preconditions and required parameters, its paging
/// key, and the catalogues.
public enum PagedListKind: Sendable, Hashable {
    /// The resources of a kind, as its describe lists them (DescribeDBClusters): the run's cases make and delete
    /// them.
    case resources(ResourceKind)
    /// Facts about resources that requests name by ARN (DescribePendingMaintenanceActions), of the kind its
    /// `namesResource` precondition names; its items are keyed by ARN.
    case aboutResourcesNamedByARN(ResourceKind)
    /// A catalogue of the spec that the endpoint offers and no case changes (engine versions, orderable instance
    /// options), with as many entries as the spec's catalogue knows at least.
    case catalogue(entries: Int)
    /// What one resource a required parameter names holds (a parameter group's parameters): the endpoint's, which
    /// no case changes; the kind is the one the spec says the operation acts on, if it says.
    case contents(of: ResourceKind?)
    /// What the endpoint recorded of the run's own requests (its events): a list that needs no parameter and grows
    /// while the cases run.
    case runHistory

    /// True when the run's other cases change the list while a walk pages it (resources, facts about resources,
    /// the run's history), so a walk runs alone, after them.
    public var changesDuringTheRun: Bool {
        switch self {
        case .resources, .aboutResourcesNamedByARN, .runHistory: true
        case .catalogue, .contents: false
        }
    }

    /// True when a walk at `smallestPage` items a page is sure to span pages: its set-up makes one resource more
    /// than a page holds, the catalogue is longer than a page, or the history has grown by the time it runs. A
    /// resource's contents (a group's dozen parameters) may fit on one.
    public func walkSpansPages(smallestPage: Int) -> Bool {
        switch self {
        case .resources, .aboutResourcesNamedByARN, .runHistory: true
        case .catalogue(let entries): entries > smallestPage
        case .contents: false
        }
    }
}

extension ServiceSpec {
    /// The kind of list `operation` answers with, or nil when it does not page (it has no `paging:`).
    public func pagedListKind(of operation: OperationSpec) -> PagedListKind? {
        guard let paging = operation.paging else { return nil }
        if let lifecycle = resources.lifecycle(describedBy: operation.name) { return .resources(lifecycle.kind) }
        let named = operation.preconditions.lazy.compactMap { condition -> ResourceKind? in
            if case .namesResource(let kind) = condition.kind { kind } else { nil }
        }.first
        if let named { return .aboutResourcesNamedByARN(named) }
        var catalogued = catalogues.values.filter { $0.ask.operation == operation.name }.map(\.entries.count)
        // A list keyed by instance class lists the instance-class catalogue (an option per class and version).
        if paging.key.split(separator: "+").contains("DBInstanceClass") {
            catalogued.append(instanceClasses.entries.count)
        }
        if let longest = catalogued.max() { return .catalogue(entries: longest) }
        if operation.parameters.members.contains(where: \.required) {
            return .contents(of: resources.subject(of: operation.name)?.lifecycle.kind)
        }
        return .runHistory
    }

    /// The walk items (`Op#paging`) of the operations that page; with `listingResourcesOnly`, of those that page a
    /// resource kind's describe answer, whose walks make resources first, so a page that loses one is seen.
    /// Otherwise of every list whose walk is sure to span pages (`PagedListKind.walkSpansPages`): a walk over a
    /// list that fits on one page cannot see a limit ignored.
    public func pagingWalkItems(listingResourcesOnly: Bool) -> [String] {
        operations.compactMap { operation in
            guard let paging = operation.paging, let kind = pagedListKind(of: operation) else { return nil }
            let walked =
                if case .resources = kind { true } else {
                    !listingResourcesOnly && kind.walkSpansPages(smallestPage: operation.smallestPage ?? 0)
                }
            return walked ? paging.items(operation: operation.name).walk.text : nil
        }
    }
}
