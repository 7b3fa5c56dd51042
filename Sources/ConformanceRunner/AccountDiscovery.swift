import Foundation
import QueryProtocol
import Transport
import XMLCompare

/// Finds the resources of the target's account that valid requests name (`AccountResources`), before the cases
/// run: subnets through EC2's DescribeSubnets on the same endpoint URL (the default VPC's first, in two zones), a
/// role through IAM's ListRoles and a topic through SNS's ListTopics; what the run was given wins. Against a loopback
/// endpoint that lacks the role or topic it makes them (`made`, deleted by `cleanUp`); against any other endpoint it
/// makes nothing, and what is missing stays missing, with the option that gives it.
public struct AccountDiscovery: Sendable {
    /// The run's name for what it makes (`neptune-conformance-events`).
    static let madeName = "neptune-conformance"
    static let ec2Version = "2016-11-15"
    static let iamVersion = "2010-05-08"
    static let snsVersion = "2010-03-31"

    public let given: AccountResources.Given
    let client: QueryClient

    public init(given: AccountResources.Given, client: QueryClient) {
        self.given = given
        self.client = client
    }

    /// What one run made on the target, to delete afterwards: role names and topic ARNs.
    public struct Made: Sendable, Equatable {
        public var roles: [String] = []
        public var topics: [(region: String, arn: String)] = []

        public init() {}

        public static func == (left: Made, right: Made) -> Bool {
            left.roles == right.roles && left.topics.map(\.arn) == right.topics.map(\.arn)
        }
    }

    /// The account's resources in each of `regions`, and what was made to have them.
    public func discover(regions: [String]) async -> (resources: AccountResources, made: Made) {
        var resources = AccountResources()
        var made = Made()
        for region in regions {
            await findSubnets(region: region, into: &resources)
            await findRole(region: region, into: &resources, made: &made)
            await findTopic(region: region, into: &resources, made: &made)
        }
        return (resources, made)
    }

    func findSubnets(region: String, into resources: inout AccountResources) async {
        if given.subnetIds.count >= 2 {
            for (name, id) in zip(AccountResources.subnets, given.subnetIds) { resources.set(name, id, region: region) }
            return
        }
        let option = "give two subnets in different Availability Zones with --subnet-ids"
        let items: [XMLTree.Element]
        switch await read(service: "ec2", version: Self.ec2Version, action: "DescribeSubnets", region: region) {
        case .failure(let reason):
            for name in AccountResources.subnets { resources.lack(name, "\(reason); \(option)", region: region) }
            return
        case .success(let root): items = root.descendant("subnetSet")?.children(named: "item") ?? []
        }
        // The default VPC's subnets first (defaultForAz), then the rest, in the order listed; one per zone.
        let ordered =
            items.filter { $0.child("defaultForAz")?.value == "true" }
            + items.filter { $0.child("defaultForAz")?.value != "true" }
        var chosen: [(id: String, zone: String, vpc: String)] = []
        for item in ordered {
            guard let id = item.child("subnetId")?.value, let zone = item.child("availabilityZone")?.value,
                item.child("state").map({ $0.value == "available" }) ?? true
            else { continue }
            let vpc = item.child("vpcId")?.value ?? ""
            guard !chosen.contains(where: { $0.zone == zone }), chosen.first.map({ $0.vpc == vpc }) ?? true else {
                continue
            }
            chosen.append((id, zone, vpc))
            if chosen.count == AccountResources.subnets.count { break }
        }
        guard chosen.count == AccountResources.subnets.count else {
            let reason =
                "DescribeSubnets in \(region) listed \(items.count) subnet(s), not two of one VPC in different Availability Zones"
            for name in AccountResources.subnets { resources.lack(name, "\(reason); \(option)", region: region) }
            return
        }
        for (name, subnet) in zip(AccountResources.subnets, chosen) { resources.set(name, subnet.id, region: region) }
    }

    func findRole(region: String, into resources: inout AccountResources, made: inout Made) async {
        if let role = given.iamRoleArn {
            resources.set(AccountResources.role, role, region: region)
            return
        }
        let option = "give a role Neptune may assume with --iam-role-arn"
        switch await read(service: "iam", version: Self.iamVersion, action: "ListRoles", region: region) {
        case .failure(let reason):
            resources.lack(AccountResources.role, "\(reason); \(option)", region: region)
        case .success(let root):
            // A role that RDS (Neptune's service principal) may assume; any other role is not the run's to use.
            let roles = root.descendant("ListRolesResult/Roles")?.children(named: "member") ?? []
            let usable = roles.first {
                let policy = $0.child("AssumeRolePolicyDocument")?.value.removingPercentEncoding ?? ""
                return policy.contains("rds.amazonaws.com")
            }
            if let arn = usable?.child("Arn")?.value {
                resources.set(AccountResources.role, arn, region: region)
            } else if let arn = await makeRole(region: region, made: &made) {
                resources.set(AccountResources.role, arn, region: region)
            } else {
                resources.lack(
                    AccountResources.role,
                    "ListRoles listed no role that rds.amazonaws.com may assume; \(option)", region: region)
            }
        }
    }

    func findTopic(region: String, into resources: inout AccountResources, made: inout Made) async {
        if let topic = given.snsTopicArn {
            resources.set(AccountResources.topic, topic, region: region)
            return
        }
        let option = "give a topic for event notifications with --sns-topic-arn"
        switch await read(service: "sns", version: Self.snsVersion, action: "ListTopics", region: region) {
        case .failure(let reason):
            resources.lack(AccountResources.topic, "\(reason); \(option)", region: region)
        case .success(let root):
            // Only a topic named for the suite: notifications to another topic would reach its subscribers.
            let arns = (root.descendant("ListTopicsResult/Topics")?.children(named: "member") ?? []).compactMap {
                $0.child("TopicArn")?.value
            }
            if let arn = arns.first(where: { $0.hasSuffix(":\(Self.madeName)-events") }) {
                resources.set(AccountResources.topic, arn, region: region)
            } else if let arn = await makeTopic(region: region, made: &made) {
                resources.set(AccountResources.topic, arn, region: region)
            } else {
                resources.lack(
                    AccountResources.topic, "ListTopics listed no topic named \(Self.madeName)-events; \(option)",
                    region: region)
            }
        }
    }

    /// Sends one read and parses its answer; the failure is a sentence.
    func read(
        service: String, version: String, action: String, parameters: [(String, String)] = [], region: String
    ) async -> Result<XMLTree.Element, AccountFailure> {
        let answer: HTTPAnswer
        do {
            answer = try await client.sendForeign(
                service: service, version: version, action: action, parameters: parameters, region: region)
        } catch {
            return .failure(AccountFailure("\(action) got no answer (\(error.description))"))
        }
        guard answer.status == 200, let tree = try? SafeXMLParser().parse(answer.body) else {
            return .failure(AccountFailure("the endpoint answered \(action) with HTTP \(answer.status)"))
        }
        return .success(tree.root)
    }
}

/// Why the run could not find an account resource: a sentence.
struct AccountFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
