import ConformanceSpec
import QueryProtocol

/// The parameters of parameter groups, for DB cluster parameter groups (`cluster`) and DB parameter groups (`instance`)
/// alike: describe, modify and reset a group's parameters, and the engine defaults. The groups themselves are the
/// resource engine's (`KindBehaviour+ParameterGroups`). The request was validated and its preconditions judged before
/// (`perform`), so these only change the values and answer; the parameters come from the spec's engine parameter
/// catalog.
extension NeptuneEmulator {
    /// The level an operation works on: cluster parameter groups for the `…DBCluster…`/`…Cluster…` operations.
    static func level(of operation: OperationSpec) -> EngineParameterLevel {
        operation.name.contains("Cluster") ? .cluster : .instance
    }

    /// The element and member names of a group at `level`.
    static func groupElement(_ level: EngineParameterLevel) -> String {
        level == .cluster ? "DBClusterParameterGroup" : "DBParameterGroup"
    }

    /// The kind of parameter group at `level`.
    static func groupKind(_ level: EngineParameterLevel) -> ResourceKind {
        level == .cluster ? .dbClusterParameterGroup : .dbParameterGroup
    }

    /// The parameter group a name or ARN names: a stored one (found ignoring case, as one the keep-identifier-case
    /// fault stored is) or a family's default.
    func parameterGroup(_ kind: ResourceKind, _ given: String) -> SpecResourceRecord? {
        let name = storedKey(kind, given)
        let stored = specResources.records(kind)
        if let record = stored[name] ?? stored.values.first(where: { $0.id.lowercased() == name.lowercased() }) {
            return record
        }
        return KindBehaviour.byKind[kind]?.standing?(behaviourContext).first { $0.id == name }
    }

    /// The stored name and the family of the group a request names at `level`, or nil.
    func group(_ level: EngineParameterLevel, _ given: String) -> (name: String, family: String)? {
        parameterGroup(Self.groupKind(level), given).map { ($0.id, $0.members.text("DBParameterGroupFamily") ?? "") }
    }

    /// The `Source` a parameter shows: `engine-default` until a request sets it, `user` afterwards (the RDS
    /// vocabulary; the cluster operations' filter asks for it as engine, service or customer, quirk 9).
    static func source(filter: String, level: EngineParameterLevel) -> String {
        guard level == .cluster else { return filter }
        switch filter {
        case "engine": return "engine-default"
        case "service": return "system"
        case "customer": return "user"
        default: return filter
        }
    }

    /// One `<Parameter>` member: the catalog's facts with the group's value when one was set.
    func parameterValue(_ parameter: EngineParameter, in record: ParameterValuesStore.Values?) -> ParameterValue {
        let set = record?.values[parameter.name]
        var members = [Parameter("ParameterName", .scalar(parameter.name))]
        if let value = set ?? parameter.defaultValue { members.append(Parameter("ParameterValue", .scalar(value))) }
        members += [
            Parameter("Description", .scalar(parameter.description)),
            Parameter("Source", .scalar(set == nil ? "engine-default" : "user")),
            Parameter("ApplyType", .scalar(parameter.applyType)),
            Parameter("DataType", .scalar(parameter.dataType)),
        ]
        if let allowed = parameter.allowedValues { members.append(Parameter("AllowedValues", .scalar(allowed))) }
        members.append(Parameter("IsModifiable", .scalar(parameter.isModifiable ? "true" : "false")))
        if let version = parameter.minimumEngineVersion {
            members.append(Parameter("MinimumEngineVersion", .scalar(version)))
        }
        let method = record?.methods[parameter.name] ?? (parameter.isStatic ? "pending-reboot" : "immediate")
        members.append(Parameter("ApplyMethod", .scalar(method)))
        return .structure(members)
    }

    var parametersType: TypeSpec {
        .list(
            ListSpec(
                member: .structure(spec.shapes["Parameter"] ?? StructureSpec(members: [])), memberName: "Parameter",
                unordered: true))
    }

    func describeParameters(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let given = text("\(Self.groupElement(level))Name", request) ?? ""
        guard let group = group(level, given) else {
            return renderer.error("DBParameterGroupNotFound", "DBParameterGroup not found: \(given)")
        }
        let record = parameterValues[level][group.name]
        var parameters = spec.engineParameters.parameters(level, family: group.family)
        if let filter = text("Source", request) {
            let wanted = Self.source(filter: filter, level: level)
            parameters = parameters.filter { (record?.values[$0.name] == nil ? "engine-default" : "user") == wanted }
        }
        guard case .list(let list) = parametersType else {
            return renderer.error("InvalidAction", "\(operation.name) lists no Parameters in the spec")
        }
        return pagedAnswer(page(parameters, key: \.name, of: operation, request), of: operation) {
            renderer.element(list.memberName, parameterValue($0, in: record), type: list.member)
        }
    }

    func describeEngineDefaults(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let family = text("DBParameterGroupFamily", request) ?? ""
        let parameters = spec.engineParameters.parameters(level, family: family).map { parameterValue($0, in: nil) }
        let defaults: ParameterValue = .structure([
            Parameter("DBParameterGroupFamily", .scalar(family)), Parameter("Parameters", .list(parameters)),
        ])
        let type: TypeSpec = .structure(spec.shapes["EngineDefaults"] ?? StructureSpec(members: []))
        return renderer.success(
            action: operation.name, result: renderer.element("EngineDefaults", defaults, type: type))
    }
}
