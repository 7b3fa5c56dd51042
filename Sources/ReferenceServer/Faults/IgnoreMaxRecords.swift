import ConformanceSpec

/// Answers: a paged answer holds every remaining item whatever the request's limit (`MaxRecords`), and so never
/// sends a token (moto 5.2.1 does this for DescribeDBClusters).
struct IgnoreMaxRecords: FaultDecorator {
    var summary: String { "ignores MaxRecords: one page holds everything" }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.pagingWalkItems(listingResourcesOnly: false) }

    func cutting(_ page: inout PageCut) {
        page.size = page.total - page.offset
        page.next = page.total
        page.marker = false
    }
}
