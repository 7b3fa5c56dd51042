/// The engine parameters parameter groups hold, as `parameters.yaml` lists them: the parameter group families,
/// and per level (a DB cluster parameter group or a DB parameter group) each parameter with its allowed values,
/// default, apply type and data type.
public struct EngineParameterCatalog: Sendable, Equatable {
    /// The parameter group families, oldest first (`neptune1`, `neptune1.2`, ...).
    public var families: [String]
    /// The parameters of DB cluster parameter groups.
    public var cluster: [EngineParameter]
    /// The parameters of DB parameter groups (instance level).
    public var instance: [EngineParameter]

    public init(families: [String] = [], cluster: [EngineParameter] = [], instance: [EngineParameter] = []) {
        self.families = families
        self.cluster = cluster
        self.instance = instance
    }

    /// The parameters of a level, of one family when `family` is given (every family when nil).
    public func parameters(_ level: EngineParameterLevel, family: String? = nil) -> [EngineParameter] {
        let all = level == .cluster ? cluster : instance
        guard let family else { return all }
        return all.filter { $0.families.isEmpty || $0.families.contains(family) }
    }
}

/// Which kind of parameter group a parameter belongs in.
public enum EngineParameterLevel: String, Sendable, Equatable, CaseIterable {
    /// A DB cluster parameter group.
    case cluster
    /// A DB parameter group (instance level).
    case instance
}

/// One engine parameter of a level.
public struct EngineParameter: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The engine default, when the sources state one.
    public var defaultValue: String?
    /// `AllowedValues` as the service prints it (`0,1`, `10-2147483647`), when it has one.
    public var allowedValues: String?
    /// True for a static parameter (applied at the next reboot), false for a dynamic one.
    public var isStatic: Bool
    /// `DataType` as the service prints it (`boolean`, `integer`, `string`).
    public var dataType: String
    public var isModifiable: Bool
    /// The oldest engine version that has the parameter, when it is younger than the families.
    public var minimumEngineVersion: String?
    /// The families that have the parameter (empty: every family).
    public var families: [String]

    public init(
        name: String, description: String, defaultValue: String? = nil, allowedValues: String? = nil,
        isStatic: Bool = true, dataType: String = "string", isModifiable: Bool = true,
        minimumEngineVersion: String? = nil, families: [String] = []
    ) {
        self.name = name
        self.description = description
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.isStatic = isStatic
        self.dataType = dataType
        self.isModifiable = isModifiable
        self.minimumEngineVersion = minimumEngineVersion
        self.families = families
    }

    /// What `allowedValues` admits.
    public enum Allowed: Sendable, Equatable {
        /// Any value (free text, a role ARN, a JSON document).
        case any
        /// One of these values.
        case values([String])
        /// An integer within these bounds.
        case range(Int, Int)
    }

    /// `allowedValues` read: `a-b` with two integers is a range, anything else a comma-separated list.
    public var allowed: Allowed {
        guard let text = allowedValues, !text.isEmpty else { return .any }
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]) { return .range(low, high) }
        return .values(text.split(separator: ",").map(String.init))
    }

    /// True when the parameter may be set to `value`.
    public func accepts(_ value: String) -> Bool {
        switch allowed {
        case .any: true
        case .values(let values): values.contains(value)
        case .range(let low, let high): Int(value).map { (low...high).contains($0) } ?? false
        }
    }

    /// `ApplyType` as the service prints it.
    public var applyType: String { isStatic ? "static" : "dynamic" }
}
