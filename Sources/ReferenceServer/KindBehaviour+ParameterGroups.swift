import ConformanceSpec

/// Parameter groups of both levels are served by the resource engine (create, copy, describe, delete); what is theirs
/// alone is here (NEPTUNE-FACTS-2 §2.3, §3.2): the `default.<family>` group every region holds for each family of the
/// engine parameter catalog, and a copy, which takes its source's family and the values set on it (inferred), with the
/// description the request gives. A modify sets the values and apply methods its Parameters give; a deleted group's
/// values go with it, and a reset (resources.yaml `resets:`) returns values to their defaults. Describing the values is
/// behaviour (`NeptuneEmulator+ParameterGroups`).
extension KindBehaviour {
    static let clusterParameterGroups = parameterGroups(.cluster, kind: .dbClusterParameterGroup)
    static let instanceParameterGroups = parameterGroups(.instance, kind: .dbParameterGroup)

    private static func parameterGroups(_ level: EngineParameterLevel, kind: ResourceKind) -> KindBehaviour {
        KindBehaviour(
            standing: { context in
                let noun = level == .cluster ? "cluster parameter group" : "parameter group"
                return context.spec.engineParameters.families.map { family in
                    let name = "default.\(family)"
                    return SpecResourceRecord(
                        id: name,
                        members: [
                            "\(kind.rawValue)Name": .scalar(name), "DBParameterGroupFamily": .scalar(family),
                            "Description": .scalar("Default \(noun) for \(family)"),
                            "\(kind.rawValue)Arn": .scalar(
                                "arn:aws:rds:\(context.region):\(context.account):"
                                    + (level == .cluster ? "cluster-pg" : "pg") + ":\(name)"),
                        ],
                        sequence: 0)
                }
            },
            completing: { emulator, members, request, phase in
                let name = members.text("\(kind.rawValue)Name") ?? ""
                switch phase {
                case .create:
                    // A copy names its source (resources.yaml's reference of the copy), by name or ARN ([model]).
                    guard let given = emulator.copiedSource(kind, request) else { return nil }
                    guard let source = emulator.parameterGroup(kind, given) else {
                        return Refusal(
                            code: "DBParameterGroupNotFound", message: "DBParameterGroup not found: \(given)")
                    }
                    members["DBParameterGroupFamily"] = source.members["DBParameterGroupFamily"]
                    members["Description"] = request.value(at: "Target\(kind.rawValue)Description")
                    emulator.parameterValues[level][name] = emulator.parameterValues[level][source.id]
                case .delete:
                    emulator.parameterValues[level][name] = nil
                case .modify:
                    // The values and apply methods the request's Parameters set ([model] ModifyDBClusterParameterGroup).
                    for entry in ContractEvaluator.engineEntries("Parameters", in: request) {
                        if let value = entry.value {
                            emulator.parameterValues[level][name, default: .init()].values[entry.name] = value
                        }
                        if let method = entry.method {
                            emulator.parameterValues[level][name, default: .init()].methods[entry.name] = method
                        }
                    }
                }
                return nil
            },
            acting: { emulator, action, record, request in
                // A reset returns the values its list names to their defaults; naming none, all of them ([model]).
                guard let list = action.resets else { return nil }
                let entries = ContractEvaluator.engineEntries(list, in: request)
                if entries.isEmpty { emulator.parameterValues[level][record.id] = nil }
                for entry in entries {
                    emulator.parameterValues[level][record.id]?.values[entry.name] = nil
                    emulator.parameterValues[level][record.id]?.methods[entry.name] = nil
                }
                return nil
            })
    }
}
