/// A DB subnet group as the emulator keeps it.
struct SubnetGroupRecord: Sendable, Equatable {
    /// The stored name (lower-cased).
    var name: String
    var description: String
    /// Subnet ids in the order first given, without repeats.
    var subnets: [String]
    var sequence: Int
}

/// One tag of a resource.
struct TagRecord: Sendable, Equatable {
    var key: String
    var value: String
}

/// What the subnet-group, tag and role operations keep per region: the subnet groups besides `default`, and the
/// tags of every resource by its canonical ARN.
struct SubnetsTagsRolesStore: Sendable {
    var subnetGroups: [String: SubnetGroupRecord] = [:]
    var tags: [String: [TagRecord]] = [:]
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
