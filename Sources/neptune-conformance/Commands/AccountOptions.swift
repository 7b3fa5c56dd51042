import ArgumentParser
import ConformanceRunner

/// The account resources valid requests name (subnets, an IAM role, an SNS topic): given here, or found on the
/// target before the cases run.
struct AccountOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Two subnets of the target's account, in different Availability Zones, for the subnet groups cases make.",
            discussion:
                "Comma-separated, e.g. subnet-0a1b2c3d,subnet-4e5f6a7b. Without it the run asks the endpoint's EC2 DescribeSubnets (moto and LocalStack answer it, and so does the embedded server) and takes the default VPC's subnets in two zones. Cases that need subnets are skipped, with the reason, when none are found.",
            valueName: "id,id"),
        transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var subnetIds: [String] = []

    @Option(
        help: ArgumentHelp(
            "An IAM role ARN that rds.amazonaws.com may assume, for the cases that associate a role with a cluster.",
            discussion:
                "Without it the run asks the endpoint's IAM ListRoles for such a role; against a loopback endpoint that has none it makes one (neptune-conformance-role) and deletes it afterwards. Otherwise those cases are skipped, with the reason.",
            valueName: "arn"))
    var iamRoleArn: String?

    @Option(
        help: ArgumentHelp(
            "An SNS topic ARN for the event-subscription cases.",
            discussion:
                "Without it the run asks the endpoint's SNS ListTopics for a topic named neptune-conformance-events; against a loopback endpoint that has none it makes one and deletes it afterwards. No other topic is used: subscriptions would notify its subscribers. Otherwise those cases are skipped, with the reason.",
            valueName: "arn"))
    var snsTopicArn: String?

    @Flag(help: "Never make the role or topic on a loopback endpoint; skip the cases that need them instead.")
    var noAccountSetup = false

    func validate() throws {
        if !subnetIds.isEmpty, subnetIds.count < 2 || Set(subnetIds).count != subnetIds.count {
            throw ValidationError("--subnet-ids needs two different subnets (in different Availability Zones)")
        }
        if let iamRoleArn, !iamRoleArn.hasPrefix("arn:") || !iamRoleArn.contains(":role/") {
            throw ValidationError(
                "--iam-role-arn must be a role ARN (arn:aws:iam::ACCOUNT:role/NAME), not \(iamRoleArn)")
        }
        if let snsTopicArn, !snsTopicArn.hasPrefix("arn:") || !snsTopicArn.contains(":sns:") {
            throw ValidationError(
                "--sns-topic-arn must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME), not \(snsTopicArn)")
        }
    }

    var given: AccountResources.Given {
        AccountResources.Given(
            subnetIds: subnetIds, iamRoleArn: iamRoleArn, snsTopicArn: snsTopicArn, createOnLoopback: !noAccountSetup)
    }
}
