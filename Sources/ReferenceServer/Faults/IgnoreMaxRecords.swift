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
    func pagingWalkItems(listingResourcesOnly: Bool) -> [String] {
        operations.compactMap { operation in
            if listingResourcesOnly && resources.lifecycle(describedBy: operation.name) == nil { return nil }
            return operation.paging?.items(operation: operation.name).walk.text
        }
    }
}
