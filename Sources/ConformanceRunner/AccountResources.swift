import QueryProtocol

/// The resources of the target's account that valid requests name and the suite cannot make on its own: subnets in
/// two Availability Zones, an IAM role, an SNS topic. Cases carry `{{account:NAME}}` tokens (`RuntimeValue.account`)
/// for them; the run fills them in per region from what it found on the target or was given. A case that needs one
/// the account does not have is skipped with the reason, never judged.
public struct AccountResources: Sendable, Equatable {
    /// The first and second subnet, in two different Availability Zones of the region.
    public static let subnets = ["SubnetId.1", "SubnetId.2"]
    /// An IAM role ARN a cluster can be associated with.
    public static let role = "IAMRoleArn"
    /// An SNS topic ARN event subscriptions can notify.
    public static let topic = "SnsTopicArn"
    /// Every name a `{{account:NAME}}` token may use.
    public static let names = subnets + [role, topic]

    /// The values found or given, by region and then by name.
    public var values: [String: [String: String]] = [:]
    /// Why a resource is not available, by region and then by name.
    public var missing: [String: [String: String]] = [:]

    public init() {}

    /// The value of `name` in `region`, or nil.
    public func value(_ name: String, region: String) -> String? { values[region]?[name] }

    /// Why `name` has no value in `region`.
    public func reason(_ name: String, region: String) -> String {
        missing[region]?[name]
            ?? (Self.names.contains(name)
                ? "the run found no \(name) in \(region)"
                : "{{account:\(name)}} names no account resource the suite knows")
    }

    /// Records the value of `name` in `region`.
    public mutating func set(_ name: String, _ value: String, region: String) {
        values[region, default: [:]][name] = value
        missing[region]?[name] = nil
    }

    /// Records why `name` has no value in `region`.
    public mutating func lack(_ name: String, _ reason: String, region: String) {
        if values[region]?[name] == nil { missing[region, default: [:]][name] = reason }
    }

    /// Resources given to the run, the same in every region it uses: subnet ids (`--subnet-ids`, at least two, in
    /// different zones), a role (`--iam-role-arn`) and a topic (`--sns-topic-arn`).
    public struct Given: Sendable, Equatable {
        public var subnetIds: [String]
        public var iamRoleArn: String?
        public var snsTopicArn: String?
        /// Against a loopback endpoint, make the role and topic the target lacks (deleted after the run).
        public var createOnLoopback: Bool

        public init(
            subnetIds: [String] = [], iamRoleArn: String? = nil, snsTopicArn: String? = nil,
            createOnLoopback: Bool = true
        ) {
            self.subnetIds = subnetIds
            self.iamRoleArn = iamRoleArn
            self.snsTopicArn = snsTopicArn
            self.createOnLoopback = createOnLoopback
        }
    }
}

extension RuntimeValue {
    /// The account resource's name, when the value is one.
    public var accountName: String? {
        if case .account(let name) = self { return name }
        return nil
    }
}
