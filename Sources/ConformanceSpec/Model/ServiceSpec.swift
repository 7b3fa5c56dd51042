/// The whole API as `Specs/` describes it.
public struct ServiceSpec: Sendable, Equatable {
    /// The query protocol's `Version` parameter (`2014-10-31`).
    public var apiVersion: String
    /// The XML namespace of every answer.
    public var xmlNamespace: String
    /// The service name used in SigV4 credential scopes (`rds`).
    public var signingName: String
    /// Operations in file-name order.
    public var operations: [OperationSpec] {
        didSet { operationIndex = operations.firstPositions(by: \.name) }
    }
    /// Operation positions by name: looked up on every request sent and served.
    private var operationIndex: [String: Int]
    /// Shared structures by name (`DBCluster`, `Tag`, ...), already resolved.
    public var shapes: [String: StructureSpec]
    /// Errors by wire code.
    public var errors: [String: ErrorSpec]
    /// The resource kinds and their lifecycles (`resources.yaml`).
    public var resources: ResourceCatalog
    /// The DB instance classes and the engine versions offering them (`instance-classes.yaml`; empty without it).
    public var instanceClasses: InstanceClassCatalogue
    /// The service's catalogues (`catalogues.yaml`) by name.
    public var catalogues: [String: Catalogue]
    /// The rough figures `run --plan` estimates with (`plan.yaml`).
    public var plan: PlanFigures
    /// The engine parameters of parameter groups by family and level (`parameters.yaml`).
    public var engineParameters: EngineParameterCatalog
    /// Stories across resources (`scenarios.yaml`; none without it), each one stateful case.
    public var scenarios: [Scenario]
    /// The values of status, type and enumeration answer members by vocabulary name (`vocabularies.yaml`).
    public var vocabularies: [String: Vocabulary]
    /// What successful operations record in the event log (`events.yaml`).
    public var events: EventCatalogue

    public init(
        apiVersion: String, xmlNamespace: String, signingName: String, operations: [OperationSpec],
        shapes: [String: StructureSpec], errors: [String: ErrorSpec], resources: ResourceCatalog = ResourceCatalog(),
        instanceClasses: InstanceClassCatalogue = InstanceClassCatalogue(),
        catalogues: [String: Catalogue] = [:], plan: PlanFigures = PlanFigures(),
        engineParameters: EngineParameterCatalog = EngineParameterCatalog(), scenarios: [Scenario] = [],
        vocabularies: [String: Vocabulary] = [:], events: EventCatalogue = EventCatalogue()
    ) {
        self.apiVersion = apiVersion
        self.xmlNamespace = xmlNamespace
        self.signingName = signingName
        self.operations = operations
        self.shapes = shapes
        self.errors = errors
        self.resources = resources
        self.instanceClasses = instanceClasses
        self.catalogues = catalogues
        self.plan = plan
        self.engineParameters = engineParameters
        self.scenarios = scenarios
        self.vocabularies = vocabularies
        self.events = events
        operationIndex = operations.firstPositions(by: \.name)
    }

    /// The operation with this name, if the spec has it.
    public func operation(named name: String) -> OperationSpec? {
        operationIndex[name].map { operations[$0] }
    }

    public static func == (left: ServiceSpec, right: ServiceSpec) -> Bool {
        left.apiVersion == right.apiVersion && left.xmlNamespace == right.xmlNamespace
            && left.signingName == right.signingName
            && left.operations == right.operations && left.shapes == right.shapes && left.errors == right.errors
            && left.resources == right.resources && left.instanceClasses == right.instanceClasses
            && left.catalogues == right.catalogues
            && left.plan == right.plan && left.engineParameters == right.engineParameters
            && left.scenarios == right.scenarios && left.vocabularies == right.vocabularies
    }

    /// The error an operation draws for `code`, from the operation's list or the common errors.
    public func error(code: String) -> ErrorSpec? { errors[code] }

    /// The answer member a request parameter sets, in whichever structure of `shapes.yaml` says so with `setBy:` (its
    /// own name when none does).
    public func answerMemberName(setBy parameter: String) -> String {
        for name in shapes.keys.sorted() {
            if let member = shapes[name]?.members.first(where: { $0.setBy == parameter }) { return member.name }
        }
        return parameter
    }
}
