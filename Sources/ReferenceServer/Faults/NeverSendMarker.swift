import ConformanceSpec

/// Answers: a paged answer stops at the limit but sends no token, so what lies beyond the first page is never
/// listed.
struct NeverSendMarker: FaultDecorator {
    var summary: String { "never sends a Marker: the first page is all a caller sees" }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.pagingWalkItems(listingResourcesOnly: true) }

    func cutting(_ page: inout PageCut) { page.marker = false }
}
