/// A rule across several parameters of one request, and the error code a violation must draw.
///
/// Parameters are named by dotted paths from the request root (`ServerlessV2ScalingConfiguration.MinCapacity`).
/// A boolean parameter counts as "set" only when it is `true`.
public struct Rule: Sendable, Equatable {
    public var kind: Kind
    public var error: String
    public var inferred: Bool

    public init(kind: Kind, error: String, inferred: Bool = false) {
        self.kind = kind
        self.error = error
        self.inferred = inferred
    }

    public enum Kind: Sendable, Equatable {
        /// At most one of these may be set.
        case exclusive([String])
        /// At least one of these must be set.
        case atLeastOne([String])
        /// Either all or none of these are set.
        case together([String])
        /// When both are set, `lower` must not exceed `upper`.
        case ordered(lower: String, upper: String)
        /// The two windows (a daily and a weekly one) must not overlap.
        case disjointWindows(daily: String, weekly: String)
        /// `parameter` must not be set when `when` equals `equals`.
        case forbiddenWhen(parameter: String, when: String, equals: String)
        /// `parameter` may be set only when `requires` is set too.
        case requires(parameter: String, requires: String)
        /// No value may be in both lists (a log type enabled and disabled in one request).
        case disjoint([String])
        /// The list may hold at most `max` members.
        case maxItems(list: String, max: Int)
        /// Every member of the list is one of the values the `by` parameter's value allows (an event subscription's
        /// categories, by its SourceType), compared lower-cased; a `by` value not listed allows none. Holds when
        /// `by` is not set.
        case vocabularyOf(list: String, by: String, values: [String: [String]])
        /// Every member of the list (`ParameterName`, `ParameterValue`, `ApplyMethod` structures) names one of
        /// these engine parameters.
        case engineParameterNames(list: String, parameters: [EngineParameter])
        /// Every member of the list that names one of these parameters sets it to one of its allowed values.
        case engineParameterValues(list: String, parameters: [EngineParameter])
        /// No member of the list applies one of these parameters that is static with `immediate`.
        case engineApplyMethods(list: String, parameters: [EngineParameter])
    }

    /// Every parameter path the rule names.
    public var parameters: [String] {
        switch kind {
        case .exclusive(let p), .atLeastOne(let p), .together(let p), .disjoint(let p): p
        case .ordered(let a, let b): [a, b]
        case .disjointWindows(let a, let b): [a, b]
        case .forbiddenWhen(let a, let b, _): [a, b]
        case .requires(let a, let b): [a, b]
        case .maxItems(let list, _), .engineParameterNames(let list, _), .engineParameterValues(let list, _),
            .engineApplyMethods(let list, _):
            [list]
        case .vocabularyOf(let list, let by, _): [list, by]
        }
    }

    /// The keyword spec files use for this kind of rule.
    public var keyword: String {
        switch kind {
        case .exclusive: "exclusive"
        case .atLeastOne: "atLeastOne"
        case .together: "together"
        case .ordered: "ordered"
        case .disjointWindows: "disjointWindows"
        case .forbiddenWhen: "forbiddenWhen"
        case .requires: "requires"
        case .disjoint: "disjoint"
        case .maxItems: "maxItems"
        case .vocabularyOf: "vocabularyOf"
        case .engineParameterNames: "engineParameterNames"
        case .engineParameterValues: "engineParameterValues"
        case .engineApplyMethods: "engineApplyMethods"
        }
    }
}
