import ConformanceSpec

/// Answers: each page's token points one item back, so the last item of a page comes again on the next.
struct RepeatAcrossPages: FaultDecorator {
    var summary: String { "repeats the last item of each page on the next page" }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.pagingWalkItems(listingResourcesOnly: false) }

    func cutting(_ page: inout PageCut) {
        if page.marker, page.next > page.offset + 1 { page.next -= 1 }
    }
}
