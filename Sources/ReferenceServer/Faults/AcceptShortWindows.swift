import ConformanceSpec

/// Validation: windows may be shorter than their minimum length. Only the length part of the `window`
/// constraints is switched off: malformed windows are still refused, so their cases (which cover the same
/// items) still pass.
struct AcceptShortWindows: FaultDecorator {
    var summary: String { "accepts windows shorter than 30 minutes" }
    var skippedChecks: Set<String> { ["window-length"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.constraintItems(keyword: "window") }
}
