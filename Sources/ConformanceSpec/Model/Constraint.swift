/// A rule on one value, and the error code a violation must draw.
public struct Constraint: Sendable, Equatable {
    public var kind: Kind
    /// The error code (wire code, e.g. `InvalidParameterValue`) a request breaking this constraint must draw.
    public var error: String
    /// True when no captured answer of the real service backs the error code.
    public var inferred: Bool

    public init(kind: Kind, error: String, inferred: Bool = false) {
        self.kind = kind
        self.error = error
        self.inferred = inferred
    }

    public enum Kind: Sendable, Equatable {
        /// An AWS identifier: `minLength`...`maxLength` letters, digits or hyphens, first a letter,
        /// no trailing hyphen, no two consecutive hyphens.
        case identifier(minLength: Int, maxLength: Int)
        /// A number within `min`...`max` (either bound may be absent).
        case range(min: Double?, max: Double?)
        /// A string whose length is within `min`...`max` characters.
        case length(min: Int?, max: Int?)
        /// One of the listed values (compared case-sensitively).
        case oneOf([String])
        /// None of the listed values, compared case-insensitively (a subnet group may not be named `default`).
        case notOneOf([String])
        /// The whole value matches this regular expression.
        case pattern(String)
        /// The value must not start with any of these prefixes.
        case forbiddenPrefixes([String])
        /// The value is a multiple of `step` (NCUs in half steps).
        case step(Double)
        /// A time window (`hh24:mi-hh24:mi` daily or `ddd:hh24:mi-ddd:hh24:mi` weekly) of at least `minMinutes`.
        case window(WindowFormat, minMinutes: Int)
        /// One of the values of a catalogue of the service (engine versions): valid requests ask the endpoint for
        /// one at run time; the values are the reference server's copy of the catalogue.
        case catalogue(name: String, values: [String])
    }

    /// The keyword spec files use for this kind of constraint.
    public var keyword: String {
        switch kind {
        case .identifier: "identifier"
        case .range: "range"
        case .length: "length"
        case .oneOf: "oneOf"
        case .notOneOf: "notOneOf"
        case .pattern: "pattern"
        case .forbiddenPrefixes: "forbiddenPrefixes"
        case .step: "step"
        case .window: "window"
        case .catalogue: "catalogue"
        }
    }
}

/// The two window formats of the API document.
public enum WindowFormat: String, Sendable, Equatable, CaseIterable {
    /// `hh24:mi-hh24:mi`, UTC (PreferredBackupWindow).
    case daily
    /// `ddd:hh24:mi-ddd:hh24:mi`, UTC, days Mon..Sun (PreferredMaintenanceWindow).
    case weekly
}
