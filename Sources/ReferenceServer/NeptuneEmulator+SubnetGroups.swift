import ConformanceSpec
import Foundation
import QueryProtocol

/// DB subnet groups: CreateDBSubnetGroup, DeleteDBSubnetGroup, DescribeDBSubnetGroups and ModifyDBSubnetGroup, and
/// the dispatch of the subnet-group, tag and role family. The spec's constraints and preconditions have been
/// checked before these run (names, `default`, existing subnets in two zones, a group no cluster uses); what is
/// left here are the quotas and the store.
extension NeptuneEmulator {
    func performSubnetsTagsRoles(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        switch operation.name {
        case "CreateDBSubnetGroup": return createSubnetGroup(request)
        case "DeleteDBSubnetGroup": return deleteSubnetGroup(request)
        case "DescribeDBSubnetGroups": return describeSubnetGroups(request)
        case "ModifyDBSubnetGroup": return modifySubnetGroup(request)
        case "AddTagsToResource": return addTags(request)
        case "ListTagsForResource": return listTags(request)
        case "RemoveTagsFromResource": return removeTags(request)
        case "AddRoleToDBCluster": return addRole(request)
        case "RemoveRoleFromDBCluster": return removeRole(request)
        default: return renderer.error("InvalidAction", "\(operation.name) is not implemented by the reference server")
        }
    }

    /// The store as the evaluator sees it when it judges preconditions.
    func contractState() -> EmulatorContractState {
        var state = EmulatorContractState(
            clusters: clusters.byKey, instances: instances.byKey, snapshots: snapshots,
            endpoints: endpointsMaintenance.endpoints,
            subnetGroups: subnetsTagsRoles.subnetGroups, parameterGroups: parameterGroups,
            families: spec.engineParameters.families, decorators: decorators, resources: spec.resources,
            region: region, accountId: configuration.accountId)
        state.subscriptions = events.subscriptions
        state.specResources = specResources
        return state
    }

    /// The `default` group every region has: one subnet in each of three zones.
    var defaultSubnetGroup: SubnetGroupRecord {
        SubnetGroupRecord(name: "default", description: "default", subnets: EmulatedSubnets.defaultSubnets, sequence: 0)
    }

    /// The subnet ids of the request's list, without repeats, in the order given.
    func subnetIds(_ request: Request) -> [String] {
        var ids: [String] = []
        for id in Self.strings(request.value(at: "SubnetIds")) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    func subnetGroupARN(_ name: String) -> String { "arn:aws:rds:\(region):\(configuration.accountId):subgrp:\(name)" }

    func subnetGroupXML(_ record: SubnetGroupRecord) -> String {
        let escape = AnswerRenderer.escape
        let subnets = record.subnets.map { id in
            "<Subnet><SubnetIdentifier>\(escape(id))</SubnetIdentifier><SubnetAvailabilityZone><Name>"
                + escape(EmulatedSubnets.zone(of: id, region: region) ?? region)
                + "</Name></SubnetAvailabilityZone><SubnetStatus>Active</SubnetStatus></Subnet>"
        }.joined()
        return "<DBSubnetGroup><DBSubnetGroupName>\(escape(record.name))</DBSubnetGroupName>"
            + "<DBSubnetGroupDescription>\(escape(record.description))</DBSubnetGroupDescription>"
            + "<VpcId>\(EmulatedSubnets.vpcId)</VpcId><SubnetGroupStatus>Complete</SubnetGroupStatus>"
            + (subnets.isEmpty ? "<Subnets/>" : "<Subnets>\(subnets)</Subnets>")
            + "<DBSubnetGroupArn>\(escape(subnetGroupARN(record.name)))</DBSubnetGroupArn></DBSubnetGroup>"
    }

    func createSubnetGroup(_ request: Request) -> EmulatorAnswer {
        let name = key(text("DBSubnetGroupName", request) ?? "")
        let subnets = subnetIds(request)
        guard subnets.count <= EmulatedSubnets.subnetsPerGroup else {
            return renderer.error(
                "DBSubnetQuotaExceededFault",
                "A DB subnet group can have at most \(EmulatedSubnets.subnetsPerGroup) subnets; \(subnets.count) given."
            )
        }
        // The Region's 50-subnet-group quota (RDS CHAP_Limits) is not enforced, as the instance and snapshot quotas are
        // not: one emulator serves many concurrent cases (this package's tests run every case against one, and a
        // faster emulator overlapped more of them than 50 subnet groups allow), and the spec holds no quota item.
        sequence += 1
        let record = SubnetGroupRecord(
            name: name, description: text("DBSubnetGroupDescription", request) ?? "", subnets: subnets,
            sequence: sequence)
        subnetsTagsRoles.subnetGroups[name] = record
        return renderer.success(action: "CreateDBSubnetGroup", result: subnetGroupXML(record))
    }

    func deleteSubnetGroup(_ request: Request) -> EmulatorAnswer {
        let name = key(text("DBSubnetGroupName", request) ?? "")
        guard subnetsTagsRoles.subnetGroups.removeValue(forKey: name) != nil else {
            return renderer.error("DBSubnetGroupNotFoundFault", "DBSubnetGroup \(name) not found.")
        }
        subnetsTagsRoles.tags[subnetGroupARN(name)] = nil
        return renderer.success(action: "DeleteDBSubnetGroup", result: "", hasResult: false)
    }

    func describeSubnetGroups(_ request: Request) -> EmulatorAnswer {
        var selected = [defaultSubnetGroup] + subnetsTagsRoles.subnetGroups.values.sorted { $0.sequence < $1.sequence }
        if let name = text("DBSubnetGroupName", request)?.lowercased() {
            selected = selected.filter { $0.name == name }
        }
        guard let operation = spec.operation(named: "DescribeDBSubnetGroups") else {
            return renderer.error("InvalidAction", "DescribeDBSubnetGroups is not in the spec")
        }
        switch page(selected, key: \.name, of: operation, request) {
        case .refused(let refusal): return refusal
        case .page(let page, let marker):
            let items = page.map(subnetGroupXML).joined()
            return renderer.success(
                action: "DescribeDBSubnetGroups",
                result: markerElement(marker, of: operation)
                    + (items.isEmpty ? "<DBSubnetGroups/>" : "<DBSubnetGroups>\(items)</DBSubnetGroups>"))
        }
    }

    func modifySubnetGroup(_ request: Request) -> EmulatorAnswer {
        let name = key(text("DBSubnetGroupName", request) ?? "")
        guard var record = subnetsTagsRoles.subnetGroups[name] else {
            return renderer.error("DBSubnetGroupNotFoundFault", "DBSubnetGroup \(name) not found.")
        }
        let subnets = subnetIds(request)
        guard subnets.count <= EmulatedSubnets.subnetsPerGroup else {
            return renderer.error(
                "DBSubnetQuotaExceededFault",
                "A DB subnet group can have at most \(EmulatedSubnets.subnetsPerGroup) subnets; \(subnets.count) given."
            )
        }
        record.subnets = subnets
        if let description = text("DBSubnetGroupDescription", request) { record.description = description }
        subnetsTagsRoles.subnetGroups[name] = record
        return renderer.success(action: "ModifyDBSubnetGroup", result: subnetGroupXML(record))
    }
}
