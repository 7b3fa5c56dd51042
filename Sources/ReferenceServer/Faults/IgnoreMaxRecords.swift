import ConformanceSpec

/// Answers: a paged answer holds every remaining item whatever the request's limit (`MaxRecords`), and so never
/// sends a token (moto 5.2.1 does this for DescribeDBClusters).
struct IgnoreMaxRecords: FaultDecorator {
    var summary: String { "ignores MaxRecords: one page holds everything" }
    var operations: [String] { ["DescribeDBClusters"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.pagingWalkItems(listingResourcesOnly: false) }

    func cutting(_ page: inout PageCut) {
        page.size = page.total - page.offset
        page.next = page.total
        page.marker = false
    }
}

extension ServiceSpec {
    /// The walk items (`Op#paging`) of the operations that page; with `listingResourcesOnly`, of those that page a
    /// resource kind's describe answer, whose walks make resources first, so a page that loses one is seen.
    /// Otherwise also those listing a catalogue of the spec longer than the smallest page (the engine versions, the
    /// instance classes):
    /// a walk over a list that fits on one page (a group's dozen parameters) cannot see a limit ignored.
    func pagingWalkItems(listingResourcesOnly: Bool) -> [String] {
        operations.compactMap { operation in
            guard let paging = operation.paging else { return nil }
            let listsResources = resources.lifecycle(describedBy: operation.name) != nil
            // A list about resources named by ARN, whose walk makes one more of them than a page holds first.
            let listsNamedResources = operation.preconditions.contains {
                if case .namesResource = $0.kind { true } else { false }
            }
            let smallest = Double(operation.smallestPage ?? 0)
            // A list keyed by instance class lists the instance-class catalogue (an option per class and version).
            let listsInstanceClasses =
                paging.key.split(separator: "+").contains("DBInstanceClass")
                && Double(instanceClasses.entries.count) > smallest
            let listsLongCatalogue =
                listsInstanceClasses
                || catalogues.values.contains {
                    $0.ask.operation == operation.name && Double($0.entries.count) > smallest
                }
            // The run's history (its events), walked after the other cases: longer than a page by then.
            let listsHistory = pagesTheRunsHistory(operation)
            guard
                listsResources || (!listingResourcesOnly && (listsLongCatalogue || listsNamedResources || listsHistory))
            else {
                return nil
            }
            return paging.items(operation: operation.name).walk.text
        }
    }
}
