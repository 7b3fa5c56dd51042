import Foundation
import QueryProtocol

/// The account around the emulated Neptune: the reads other AWS services answer on the same URL that a client (the
/// suite's run, a boto3 application) uses to find the account's resources. EC2's DescribeSubnets lists the default
/// VPC's subnets, IAM's ListRoles a role rds.amazonaws.com may assume, SNS's ListTopics the suite's topic. Each is
/// signed for its own service (checked when signatures are).
extension NeptuneEmulator {
    /// The reads served, by `Action`: the service they are signed for and their `Version`.
    static let accountReads: [String: (service: String, version: String)] = [
        "DescribeSubnets": ("ec2", "2016-11-15"), "ListRoles": ("iam", "2010-05-08"),
        "ListTopics": ("sns", "2010-03-31"),
    ]
    /// The role the account has for Neptune (the service model's example name).
    static let accountRoleName = "NeptuneAccessRole"
    /// The topic the account has for event notifications.
    static let accountTopicName = "neptune-conformance-events"

    func accountRoleArn() -> String { "arn:aws:iam::\(configuration.accountId):role/\(Self.accountRoleName)" }
    func accountTopicArn() -> String { "arn:aws:sns:\(region):\(configuration.accountId):\(Self.accountTopicName)" }

    /// The answer to an account read, or nil when the request is not one (it goes to Neptune's operations).
    func answerAccountRead(
        method: String, path: String, query: String, headers: [(String, String)], body: String
    ) -> EmulatorAnswer? {
        let form = method.uppercased() == "GET" ? query : body
        let pairs = FormCodec.decodePairs(form)
        guard let action = pairs.first(where: { $0.0 == "Action" })?.1, let read = Self.accountReads[action],
            pairs.first(where: { $0.0 == "Version" })?.1 == read.version
        else { return nil }
        if let verifier, let keys = configuration.verifySignatures,
            let failure = SignatureVerifier(keys: keys, regions: verifier.regions, service: read.service).verify(
                method: method, path: path, query: query, headers: headers, body: body)
        {
            return renderer.error(failure.code, failure.message)
        }
        let named = RequestRegion.of(headers: headers, query: query)
        enter(region: answeringRegion(named))
        let requestId = RequestIdentifier.make()
        switch action {
        case "DescribeSubnets":
            let items = EmulatedSubnets.accountSubnets.map { id in
                "<item><subnetId>\(id)</subnetId><state>available</state><vpcId>\(EmulatedSubnets.vpcId)</vpcId>"
                    + "<availabilityZone>\(EmulatedSubnets.zone(of: id, region: region) ?? region)</availabilityZone>"
                    + "<defaultForAz>true</defaultForAz><ownerId>\(configuration.accountId)</ownerId></item>"
            }
            return EmulatorAnswer(
                status: 200,
                body: #"<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">"#
                    + "<requestId>\(requestId)</requestId><subnetSet>\(items.joined())</subnetSet>"
                    + "</DescribeSubnetsResponse>")
        case "ListRoles":
            let policy =
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rds.amazonaws.com"},"#
                + #""Action":"sts:AssumeRole"}]}"#
            return EmulatorAnswer(
                status: 200,
                body: #"<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult>"#
                    + "<IsTruncated>false</IsTruncated><Roles><member><Path>/</Path>"
                    + "<RoleName>\(Self.accountRoleName)</RoleName><RoleId>AROAC0NF0RM4NCE0ROLE</RoleId>"
                    + "<Arn>\(accountRoleArn())</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
                    + "<AssumeRolePolicyDocument>\(QueryEncoding.percentEncode(policy))</AssumeRolePolicyDocument>"
                    + "</member></Roles></ListRolesResult><ResponseMetadata><RequestId>\(requestId)</RequestId>"
                    + "</ResponseMetadata></ListRolesResponse>")
        default:
            return EmulatorAnswer(
                status: 200,
                body: #"<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult>"#
                    + "<Topics><member><TopicArn>\(accountTopicArn())</TopicArn></member></Topics></ListTopicsResult>"
                    + "<ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata></ListTopicsResponse>")
        }
    }
}
