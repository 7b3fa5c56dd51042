import ConformanceSpec
import Foundation
import QueryProtocol

/// DB subnet groups are served by the resource engine; what is theirs alone is here: the `default` group every region
/// has, the subnets' zones and VPC (the emulator cannot ask EC2: `EmulatedSubnets`), and the 20-subnet quota. The
/// spec's constraints and preconditions (names, `default`, existing subnets in two zones, a group no cluster uses)
/// have been checked before.
extension KindBehaviour {
    static let subnetGroups = KindBehaviour(
        standing: { context in
            let (region, account) = (context.region, context.account)
            var members: [String: ParameterValue] = [
                "DBSubnetGroupName": .scalar("default"), "DBSubnetGroupDescription": .scalar("default"),
                "SubnetGroupStatus": .scalar("Complete"),
                "DBSubnetGroupArn": .scalar("arn:aws:rds:\(region):\(account):subgrp:default"),
            ]
            members.merge(subnetMembers(EmulatedSubnets.defaultSubnets, region: region)) { $1 }
            return [SpecResourceRecord(id: "default", members: members, sequence: 0)]
        },
        completing: { emulator, members, request, phase in
            guard phase != .delete else { return nil }
            var ids: [String] = []
            for id in NeptuneEmulator.strings(request.value(at: "SubnetIds")) where !ids.contains(id) { ids.append(id) }
            guard ids.count <= EmulatedSubnets.subnetsPerGroup else {
                return Refusal(
                    code: "DBSubnetQuotaExceededFault",
                    message:
                        "A DB subnet group can have at most \(EmulatedSubnets.subnetsPerGroup) subnets; \(ids.count) given."
                )
            }
            // The Region's 50-subnet-group quota (RDS CHAP_Limits) is not enforced, as the instance and snapshot quotas
            // are not: one emulator serves many concurrent cases, and the spec holds no quota item.
            members.merge(subnetMembers(ids, region: emulator.region)) { $1 }
            return nil
        })

    /// The VPC and the `Subnet` structures of a group of these subnets, each in the zone its id places it in.
    static func subnetMembers(_ ids: [String], region: String) -> [String: ParameterValue] {
        let subnets = ids.map { id in
            ParameterValue.structure([
                Parameter("SubnetIdentifier", .scalar(id)),
                Parameter(
                    "SubnetAvailabilityZone",
                    .structure([Parameter("Name", .scalar(EmulatedSubnets.zone(of: id, region: region) ?? region))])),
                Parameter("SubnetStatus", .scalar("Active")),
            ])
        }
        return ["VpcId": .scalar(EmulatedSubnets.vpcId), "Subnets": .list(subnets)]
    }
}

/// The emulator's subnets: it cannot ask EC2, so it takes every id of EC2's form (`subnet-` and 8 or 17
/// lower-case hex digits) as an existing subnet of the region's one VPC, and places it in a zone derived from its
/// last hex digit (`0`, `3`, … in zone a; `1`, `4`, … in b; `2`, `5`, … in c). Deterministic, so cases can name
/// subnets in two zones (`…0`, `…1`) or one; any other id names no subnet (InvalidSubnet).
enum EmulatedSubnets {
    static let vpcId = "vpc-0123456789abcdef0"
    /// The subnets of the `default` group, one per zone a to c.
    static let defaultSubnets = ["subnet-00000000", "subnet-00000001", "subnet-00000002"]
    /// The subnets of the account's default VPC (`vpcId`), one per zone a to c, which EC2's DescribeSubnets lists.
    static let accountSubnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
    /// At most this many subnets per group (RDS CHAP_Limits, NEPTUNE-FACTS-2 §3.6).
    static let subnetsPerGroup = 20

    /// The zone of a subnet id in `region`, or nil when the id is not of EC2's form.
    static func zone(of subnet: String, region: String) -> String? {
        guard subnet.hasPrefix("subnet-") else { return nil }
        let digits = subnet.dropFirst("subnet-".count)
        guard digits.count == 8 || digits.count == 17,
            digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }),
            let last = digits.last?.hexDigitValue
        else { return nil }
        return region + ["a", "b", "c"][last % 3]
    }
}
