import Foundation
import QueryProtocol
import Transport
import XMLCompare

extension AccountDiscovery {
    /// Whether the run may make what the account lacks: only on a loopback endpoint (a local emulator), and only when
    /// the run allows it.
    var mayMake: Bool { given.createOnLoopback && client.endpoint.isLoopback }

    /// Makes a role that rds.amazonaws.com may assume; its ARN, or nil.
    func makeRole(region: String, made: inout Made) async -> String? {
        guard mayMake else { return nil }
        let name = "\(Self.madeName)-role"
        if made.roles.contains(name) {
            if case .success(let root) = await read(
                service: "iam", version: Self.iamVersion, action: "GetRole", parameters: [("RoleName", name)],
                region: region)
            {
                return root.descendant("GetRoleResult/Role/Arn")?.value
            }
            return nil
        }
        let policy =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rds.amazonaws.com"},"#
            + #""Action":"sts:AssumeRole"}]}"#
        guard
            case .success(let root) = await read(
                service: "iam", version: Self.iamVersion, action: "CreateRole",
                parameters: [("RoleName", name), ("AssumeRolePolicyDocument", policy)], region: region),
            let arn = root.descendant("CreateRoleResult/Role/Arn")?.value
        else { return nil }
        made.roles.append(name)
        return arn
    }

    /// Makes the suite's topic in `region`; its ARN, or nil.
    func makeTopic(region: String, made: inout Made) async -> String? {
        guard mayMake,
            case .success(let root) = await read(
                service: "sns", version: Self.snsVersion, action: "CreateTopic",
                parameters: [("Name", "\(Self.madeName)-events")], region: region),
            let arn = root.descendant("CreateTopicResult/TopicArn")?.value
        else { return nil }
        made.topics.append((region, arn))
        return arn
    }

    /// Deletes what `discover` made; sentences for what could not be deleted.
    public func cleanUp(_ made: Made) async -> [String] {
        var left: [String] = []
        for topic in made.topics {
            if case .failure(let reason) = await read(
                service: "sns", version: Self.snsVersion, action: "DeleteTopic", parameters: [("TopicArn", topic.arn)],
                region: topic.region)
            {
                left.append("SNS topic \(topic.arn): \(reason)")
            }
        }
        for role in made.roles {
            if case .failure(let reason) = await read(
                service: "iam", version: Self.iamVersion, action: "DeleteRole", parameters: [("RoleName", role)],
                region: client.endpoint.region)
            {
                left.append("IAM role \(role): \(reason)")
            }
        }
        return left
    }
}
