/// The rough figures of `Specs/plan.yaml` that `run --plan` estimates with: how long each kind of resource takes to
/// become usable (typical, inferred), the shortest instance time billed, and where the hourly rates are.
public struct PlanFigures: Sendable, Equatable {
    public var typicalMinutes: [String: Int]
    public var minimumBilledMinutes: Int
    public var pricingPage: String
    /// Kinds billed by the hour while they exist, with the parameter of their create that names the class billed.
    public var hourlyBilled: [String: String] = [:]

    public init(typicalMinutes: [String: Int] = [:], minimumBilledMinutes: Int = 10, pricingPage: String = "") {
        self.typicalMinutes = typicalMinutes
        self.minimumBilledMinutes = minimumBilledMinutes
        self.pricingPage = pricingPage
    }
}
