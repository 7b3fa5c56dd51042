import ConformanceSpec

/// Global clusters are served by the resource engine, in the store every region shares (`regional: false`), with
/// renames; what is theirs alone is here (NEPTUNE-FACTS-2 §2.9, §3.7). A new one takes its source cluster's engine,
/// version, database name and encryption unless the request gives them, and the source becomes its writer (a cluster
/// already in a global cluster is refused); booleans show as `true`/`false`. A modify waits for `available`, and a
/// version of another major needs AllowMajorVersionUpgrade (row 132). A rename carries the members with it; a deleted
/// one shows `deleting`. Its members (the writer first, the readers under it) and a switchover or failover under way
/// are shown from `globalMemberships`.
extension KindBehaviour {
    static let globalClusters = KindBehaviour(
        completing: { emulator, members, request, phase in
            let id = members.text("GlobalClusterIdentifier") ?? ""
            func flag(_ value: String?) -> ParameterValue { .scalar(value?.lowercased() == "true" ? "true" : "false") }
            switch phase {
            case .create:
                var source: [String: ParameterValue] = [:]
                var writer: String?
                if let arn = emulator.text("SourceDBClusterIdentifier", request) {
                    guard let found = emulator.cluster(arn: arn) else {
                        return Refusal(code: "DBClusterNotFoundFault", message: "DBCluster \(arn) not found.")
                    }
                    if let other = emulator.globalCluster(having: arn) {
                        return Refusal(
                            code: "InvalidDBClusterStateFault",
                            message: "The cluster \(arn) is already a member of global cluster \(other).")
                    }
                    source = found.attributes
                    writer = found.attributes.text("DBClusterArn")
                }
                members["Engine"] = members["Engine"] ?? source["Engine"] ?? .scalar("neptune")
                members["EngineVersion"] =
                    members["EngineVersion"] ?? source["EngineVersion"] ?? .scalar(emulator.defaults.engineVersion)
                members["DatabaseName"] = members["DatabaseName"] ?? source["DatabaseName"]
                members["StorageEncrypted"] = flag(members.text("StorageEncrypted") ?? source.text("StorageEncrypted"))
                members["DeletionProtection"] = flag(members.text("DeletionProtection"))
                // The engine numbers the new record next: the resource id is made from that number.
                members["GlobalClusterResourceId"] = .scalar(
                    "cluster-" + String(format: "%016llx", UInt64(emulator.sequence + 1) &* 0x9E37_79B9_7F4A))
                let tags = NeptuneEmulator.tags(request.value(at: "Tags")).map {
                    ParameterValue.structure([Parameter("Key", .scalar($0.key)), Parameter("Value", .scalar($0.value))])
                }
                members["TagList"] = .list(tags)
                emulator.globalMemberships[id] = GlobalMembership(members: writer.map { [$0] } ?? [])
                if let writer {
                    emulator.updateCluster(arn: writer) { $0.attributes["GlobalClusterIdentifier"] = .scalar(id) }
                }
            case .modify:
                let stored = emulator.globalRecord(id)?.members ?? [:]
                let status = stored.text("Status") ?? ""
                guard status == "available" else {
                    return Refusal(
                        code: "InvalidGlobalClusterStateFault",
                        message: "Global cluster \(id) is \(status), not available.")
                }
                let current = stored.text("EngineVersion") ?? ""
                if let version = emulator.text("EngineVersion", request), version != current {
                    // NEPTUNE-FACTS-2 row 132: a catalogue version of another major (1.2 to 1.3: the first two fields)
                    // needs the flag (the catalogue constraint has judged a version the service does not offer).
                    let major = { (text: String) in text.split(separator: ".").prefix(2).joined(separator: ".") }
                    if emulator.spec.catalogues["EngineVersion"]?.entry(version) != nil,
                        major(version) != major(current),
                        emulator.text("AllowMajorVersionUpgrade", request)?.lowercased() != "true"
                    {
                        return Refusal(
                            code: "InvalidParameterCombination",
                            message:
                                "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version."
                        )
                    }
                }
                if let protection = emulator.text("DeletionProtection", request) {
                    members["DeletionProtection"] = flag(protection)
                }
            case .delete:
                members["Status"] = .scalar("deleting")
                emulator.globalMemberships[id] = nil
            }
            return nil
        },
        showing: { emulator, members in
            let id = members.text("GlobalClusterIdentifier") ?? ""
            let live = emulator.liveMembers(id)
            members["GlobalClusterMembers"] = .list(
                live.enumerated().map { index, arn in
                    .structure([
                        Parameter("DBClusterArn", .scalar(arn)),
                        Parameter("Readers", .list(index == 0 ? live.dropFirst().map { .scalar($0) } : [])),
                        Parameter("IsWriter", .scalar(index == 0 ? "true" : "false")),
                    ])
                })
            if let failover = emulator.globalMemberships[id]?.failover {
                members["FailoverState"] = .structure([
                    Parameter("Status", .scalar("pending")), Parameter("FromDbClusterArn", .scalar(failover.from)),
                    Parameter("ToDbClusterArn", .scalar(failover.to)),
                    Parameter("IsDataLossAllowed", .scalar(String(failover.isDataLossAllowed))),
                ])
            }
        },
        renamed: { emulator, from, to in
            let membership = emulator.globalMemberships.removeValue(forKey: from)
            emulator.globalMemberships[to] = membership
            for arn in emulator.liveMembers(to) {
                emulator.updateCluster(arn: arn) { $0.attributes["GlobalClusterIdentifier"] = .scalar(to) }
            }
        })
}
