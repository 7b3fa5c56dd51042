import ConformanceSpec
import Foundation
import QueryProtocol

/// The maintenance operations (NEPTUNE-FACTS-2 §2.12, §3.10). Which actions are pending is the emulator's choice,
/// since no source lists a Neptune resource's: every DB cluster has one pending `system-update` ("New Operating
/// System update is available", as RDS reports one, app-sre/aws-resource-exporter#32) until it is applied
/// immediately; nothing else is pending. Applying an action that is not pending is refused with
/// InvalidParameterCombination "There is no pending db-upgrade action for arn:..." (RDS, cloud-custodian#1897).
extension NeptuneEmulator {
    /// The one action the emulator's clusters have pending, and its description.
    static let pendingAction = (action: "system-update", description: "New Operating System update is available")

    /// The cluster a resource ARN names in this region and account, or nil (another kind, or none).
    func maintainedCluster(arn: String) -> ClusterRecord? {
        guard case .success(let found) = ResourceARN.parse(arn, resources: spec.resources), found.kind == .dbCluster,
            found.region == region, found.account == configuration.accountId
        else { return nil }
        return cluster(named: found.name)
    }

    func clusterArn(_ record: ClusterRecord) -> String {
        if case .scalar(let arn)? = record.attributes["DBClusterArn"] { return arn }
        return canonicalARN(type: "cluster", id: record.id)
    }

    /// The actions still pending on a cluster (not yet applied), each with the opt-in it received.
    func pendingActions(of record: ClusterRecord) -> [(action: String, optIn: MaintenanceOptIn?)] {
        let arn = clusterArn(record)
        let (action, _) = Self.pendingAction
        guard !(maintenance.applied[arn]?.contains(action) ?? false) else { return [] }
        return [(action, maintenance.optIns[arn]?[action])]
    }

    /// `ResourcePendingMaintenanceActions` members of a cluster: its ARN and its pending actions.
    func pendingMembers(arn: String, actions: [(action: String, optIn: MaintenanceOptIn?)]) -> [String:
        ParameterValue]
    {
        [
            "ResourceIdentifier": .scalar(arn),
            "PendingMaintenanceActionDetails": .list(
                actions.map { action, optIn in
                    var members = [Parameter("Action", .scalar(action))]
                    if let optIn {
                        members.append(Parameter("OptInStatus", .scalar(optIn.type)))
                        members.append(Parameter("CurrentApplyDate", .scalar(optIn.currentApplyDate)))
                    }
                    members.append(Parameter("Description", .scalar(Self.pendingAction.description)))
                    return .structure(members)
                }),
        ]
    }

    func describePendingMaintenance(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        var selected = clusters.values.sorted { $0.id < $1.id }
        if let arn = text("ResourceIdentifier", request) {
            selected = maintainedCluster(arn: arn).map { [$0] } ?? []
        }
        for (_, values) in request.filters {
            // A value that is neither an ARN nor an identifier (RDS, turbot/steampipe-plugin-aws#2545; row 173).
            if let bad = values.first(where: { !$0.hasPrefix("arn:") && !Self.isIdentifier($0) }) {
                return renderer.error(
                    "InvalidParameterValue",
                    "The parameter Filter: \(bad) is not a valid identifier. Identifiers must begin with a letter; "
                        + "must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or "
                        + "contain two consecutive hyphens.")
            }
        }
        for (name, values) in request.filters {
            // [model] db-cluster-id takes cluster identifiers and ARNs; db-instance-id names instances, which have
            // nothing pending here.
            selected = selected.filter { record in
                name == "db-cluster-id"
                    && values.contains { $0.lowercased() == record.id || $0 == clusterArn(record) }
            }
        }
        let listed = selected.map { (arn: clusterArn($0), actions: pendingActions(of: $0)) }.filter {
            !$0.actions.isEmpty
        }
        let shape = spec.shapes["ResourcePendingMaintenanceActions"] ?? StructureSpec(members: [])
        return pagedAnswer(page(listed, key: \.arn, of: operation, request), of: operation) {
            "<ResourcePendingMaintenanceActions>"
                + renderer.structureBody(pendingMembers(arn: $0.arn, actions: $0.actions), shape: shape)
                + "</ResourcePendingMaintenanceActions>"
        }
    }

    func applyPendingMaintenance(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let arn = text("ResourceIdentifier", request) ?? ""
        let action = text("ApplyAction", request) ?? ""
        let optInType = text("OptInType", request) ?? ""
        guard let record = maintainedCluster(arn: arn),
            let pending = pendingActions(of: record).first(where: { $0.action == action })
        else {
            return renderer.error(
                "InvalidParameterCombination", "There is no pending \(action) action for \(arn)")
        }
        let key = clusterArn(record)
        var shown = pendingActions(of: record)
        switch optInType {
        case "immediate":
            // Applied now ("can't be undone"): shown with its opt-in this once, no longer pending afterwards.
            let optIn = MaintenanceOptIn(type: optInType, currentApplyDate: ISOTimestamp.format(Date()))
            maintenance.applied[key, default: []].insert(action)
            maintenance.optIns[key]?[action] = nil
            shown = shown.map { $0.action == action ? ($0.action, optIn) : $0 }
        case "next-maintenance":
            let optIn = MaintenanceOptIn(type: optInType, currentApplyDate: nextWindowStart(of: record))
            maintenance.optIns[key, default: [:]][action] = optIn
            shown = pendingActions(of: record)
        default:
            // undo-opt-in: cancels a next-maintenance opt-in.
            if pending.optIn?.type == "next-maintenance" { maintenance.optIns[key]?[action] = nil }
            shown = pendingActions(of: record)
        }
        let shape = spec.shapes["ResourcePendingMaintenanceActions"] ?? StructureSpec(members: [])
        return renderer.success(
            action: operation.name,
            result: "<ResourcePendingMaintenanceActions>"
                + renderer.structureBody(pendingMembers(arn: key, actions: shown), shape: shape)
                + "</ResourcePendingMaintenanceActions>")
    }

    /// A letter first, then letters, digits and hyphens, no trailing hyphen and no two in a row (NEPTUNE-FACTS-2 §1.3).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        return allowed && !text.hasSuffix("-") && !text.contains("--")
    }

    /// The start of the cluster's next weekly maintenance window (`ddd:hh24:mi-ddd:hh24:mi`, UTC) after now.
    func nextWindowStart(of record: ClusterRecord) -> String {
        var window = "sun:09:00"
        if case .scalar(let text)? = record.attributes["PreferredMaintenanceWindow"] {
            window = String(text.prefix { $0 != "-" })
        }
        let parts = window.split(separator: ":").map(String.init)
        let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard parts.count == 3, let day = days.firstIndex(of: parts[0].lowercased()), let hour = Int(parts[1]),
            let minute = Int(parts[2]),
            let next = calendar.nextDate(
                after: Date(), matching: DateComponents(hour: hour, minute: minute, weekday: day + 1),
                matchingPolicy: .nextTime)
        else { return ISOTimestamp.format(Date()) }
        return ISOTimestamp.format(next)
    }
}
