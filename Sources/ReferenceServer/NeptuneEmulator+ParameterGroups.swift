import ConformanceSpec
import QueryProtocol

/// The sixteen parameter group operations, for DB cluster parameter groups (`cluster`) and DB parameter groups
/// (`instance`) alike. The request was validated and its preconditions judged before (`perform`), so these only
/// change the store and answer; the parameters a group holds come from the spec's engine parameter catalog.
extension NeptuneEmulator {
    /// The level an operation works on: cluster parameter groups for the `…DBCluster…`/`…Cluster…` operations.
    static func level(of operation: OperationSpec) -> EngineParameterLevel {
        operation.name.contains("Cluster") ? .cluster : .instance
    }

    /// The element and member names of a group at `level`.
    static func groupElement(_ level: EngineParameterLevel) -> String {
        level == .cluster ? "DBClusterParameterGroup" : "DBParameterGroup"
    }

    var families: [String] { spec.engineParameters.families }

    func group(_ level: EngineParameterLevel, _ given: String) -> ParameterGroupRecord? {
        parameterGroups.group(level, given, families: families)
    }

    /// `<DBClusterParameterGroup>` or `<DBParameterGroup>` with the group's members.
    func groupXML(_ record: ParameterGroupRecord, level: EngineParameterLevel) -> String {
        let element = Self.groupElement(level)
        let arnType = level == .cluster ? "cluster-pg" : "pg"
        let values: [String: ParameterValue] = [
            "\(element)Name": .scalar(record.name), "DBParameterGroupFamily": .scalar(record.family),
            "Description": .scalar(record.description),
            "\(element)Arn": .scalar("arn:aws:rds:\(region):\(configuration.accountId):\(arnType):\(record.name)"),
        ]
        let shape = spec.shapes[element] ?? StructureSpec(members: [])
        return "<\(element)>" + renderer.structureBody(values, shape: shape) + "</\(element)>"
    }

    func createParameterGroup(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let element = Self.groupElement(level)
        let name = key(text("\(element)Name", request) ?? "")
        let record = ParameterGroupRecord(
            name: name, family: text("DBParameterGroupFamily", request) ?? "",
            description: text("Description", request) ?? "")
        parameterGroups[level][name] = record
        return renderer.success(action: operation.name, result: groupXML(record, level: level))
    }

    func copyParameterGroup(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let element = Self.groupElement(level)
        let given = text("Source\(element)Identifier", request) ?? ""
        guard var record = group(level, given) else {
            return renderer.error("DBParameterGroupNotFound", "DBParameterGroup not found: \(given)")
        }
        // The copy keeps the source's family and values (NEPTUNE-FACTS-2 §2.3, inferred).
        record.name = key(text("Target\(element)Identifier", request) ?? "")
        record.description = text("Target\(element)Description", request) ?? ""
        parameterGroups[level][record.name] = record
        return renderer.success(action: operation.name, result: groupXML(record, level: level))
    }

    func deleteParameterGroup(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let given = text("\(Self.groupElement(level))Name", request) ?? ""
        guard let record = group(level, given) else {
            return renderer.error("DBParameterGroupNotFound", "DBParameterGroup not found: \(given)")
        }
        // A default group reaches here only when a fault waived `notDefault`; it stays, as the service keeps it.
        parameterGroups[level][record.name] = nil
        return renderer.successWithoutResult(action: operation.name)
    }

    func describeParameterGroups(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let element = Self.groupElement(level)
        var selected =
            families.map { ParameterGroupRecord.serviceDefault(level, family: $0) }
            + parameterGroups[level].values.sorted { $0.name < $1.name }
        if let given = text("\(element)Name", request) {
            guard let record = group(level, given) else {
                return renderer.error("DBParameterGroupNotFound", "DBParameterGroup not found: \(given)")
            }
            selected = [record]
        }
        return pagedAnswer(page(selected, key: \.name, of: operation, request), of: operation) {
            groupXML($0, level: level)
        }
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
    func parameterValue(_ parameter: EngineParameter, in record: ParameterGroupRecord?) -> ParameterValue {
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
        guard let record = group(level, given) else {
            return renderer.error("DBParameterGroupNotFound", "DBParameterGroup not found: \(given)")
        }
        var parameters = spec.engineParameters.parameters(level, family: record.family)
        if let filter = text("Source", request) {
            let wanted = Self.source(filter: filter, level: level)
            parameters = parameters.filter { (record.values[$0.name] == nil ? "engine-default" : "user") == wanted }
        }
        guard case .list(let list) = parametersType else {
            return renderer.error("InvalidAction", "\(operation.name) lists no Parameters in the spec")
        }
        return pagedAnswer(page(parameters, key: \.name, of: operation, request), of: operation) {
            renderer.element(list.memberName, parameterValue($0, in: record), type: list.member)
        }
    }

    func modifyParameterGroup(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let element = Self.groupElement(level)
        let name = group(level, text("\(element)Name", request) ?? "")?.name ?? ""
        for entry in ContractEvaluator.engineEntries("Parameters", in: request) {
            if let value = entry.value { parameterGroups[level][name]?.values[entry.name] = value }
            if let method = entry.method { parameterGroups[level][name]?.methods[entry.name] = method }
        }
        return renderer.success(
            action: operation.name, result: "<\(element)Name>\(AnswerRenderer.escape(name))</\(element)Name>")
    }

    func resetParameterGroup(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let level = Self.level(of: operation)
        let element = Self.groupElement(level)
        let name = group(level, text("\(element)Name", request) ?? "")?.name ?? ""
        let entries = ContractEvaluator.engineEntries("Parameters", in: request)
        if entries.isEmpty {
            parameterGroups[level][name]?.values = [:]
            parameterGroups[level][name]?.methods = [:]
        }
        for entry in entries {
            parameterGroups[level][name]?.values[entry.name] = nil
            parameterGroups[level][name]?.methods[entry.name] = nil
        }
        return renderer.success(
            action: operation.name, result: "<\(element)Name>\(AnswerRenderer.escape(name))</\(element)Name>")
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
