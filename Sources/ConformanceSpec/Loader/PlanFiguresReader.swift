/// Reads `plan.yaml` into `PlanFigures`, checking that each kind is a resource kind and each figure a count.
struct PlanFiguresReader {
    /// The kinds a figure may be given for.
    var kinds = ResourceKind.builtIn

    func read(_ root: YAMLCursor) throws(SpecLoadError) -> PlanFigures {
        let entries = try root.mapping(
            allowed: ["minimumBilledMinutes", "pricingPage", "typicalMinutes", "hourlyBilled"],
            required: ["minimumBilledMinutes", "typicalMinutes"])
        var figures = PlanFigures()
        let minimum = YAMLCursor.value("minimumBilledMinutes", in: entries)!
        figures.minimumBilledMinutes = try minimum.int()
        if figures.minimumBilledMinutes < 0 { throw minimum.error("expected 0 or more minutes") }
        figures.pricingPage = try YAMLCursor.value("pricingPage", in: entries)?.string() ?? ""
        for (kind, node) in try YAMLCursor.value("typicalMinutes", in: entries)!.namedEntries() {
            guard ResourceKind.named(kind, among: kinds) != nil else {
                let names = kinds.map(\.rawValue).joined(separator: ", ")
                throw node.error("unknown resource kind '\(kind)'; expected one of \(names)")
            }
            let minutes = try node.int()
            if minutes < 0 { throw node.error("expected 0 or more minutes") }
            figures.typicalMinutes[kind] = minutes
        }
        if let node = YAMLCursor.value("hourlyBilled", in: entries) {
            for (kind, parameter) in try node.namedEntries() {
                guard ResourceKind.named(kind, among: kinds) != nil else {
                    throw parameter.error("unknown resource kind '\(kind)'")
                }
                figures.hourlyBilled[kind] = try parameter.nonEmptyString()
            }
        }
        return figures
    }
}
