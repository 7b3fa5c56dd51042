import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// Parameter groups are the resource engine's records with a little behaviour (`KindBehaviour+ParameterGroups`): the
/// `default.<family>` groups every region lists, a copy (its source named by ARN) that takes the source's family and
/// values with the description it gives, values that go with a deleted group, and a default group a fault lets a
/// delete reach, which stays.
@Suite struct ParameterGroupEngineTests {
    static func send(_ emulator: NeptuneEmulator, _ action: String, _ pairs: [(String, String)]) async -> (
        status: Int, body: String
    ) {
        let answer = await emulator.handle(body: SubnetsTagsRolesTests.form(action, pairs))
        return (answer.status, answer.body)
    }

    static let timeout = [
        ("Parameters.Parameter.1.ParameterName", "neptune_query_timeout"),
        ("Parameters.Parameter.1.ParameterValue", "30000"), ("Parameters.Parameter.1.ApplyMethod", "pending-reboot"),
    ]

    static func userParameters(_ emulator: NeptuneEmulator, _ group: String) async -> String {
        await send(
            emulator, "DescribeDBClusterParameters", [("DBClusterParameterGroupName", group), ("Source", "customer")]
        ).body
    }

    @Test func aCopyTakesItsSourcesFamilyAndValuesAndValuesGoWithTheirGroup() async throws {
        let emulator = NeptuneEmulator(spec: SubnetsTagsRolesTests.spec)
        let made = await Self.send(
            emulator, "CreateDBClusterParameterGroup",
            [("DBClusterParameterGroupName", "Tuned"), ("DBParameterGroupFamily", "neptune1.3"), ("Description", "d")])
        #expect(made.status == 200 && made.body.contains("<DBClusterParameterGroupName>tuned<"), "\(made.body)")
        let set = await Self.send(
            emulator, "ModifyDBClusterParameterGroup", [("DBClusterParameterGroupName", "tuned")] + Self.timeout)
        #expect(set.status == 200, "\(set.body)")

        let arn = "arn:aws:rds:us-east-1:123456789012:cluster-pg:tuned"
        let copied = await Self.send(
            emulator, "CopyDBClusterParameterGroup",
            [
                ("SourceDBClusterParameterGroupIdentifier", arn), ("TargetDBClusterParameterGroupIdentifier", "Copy"),
                ("TargetDBClusterParameterGroupDescription", "the copy"),
            ])
        #expect(copied.status == 200, "\(copied.body)")
        #expect(copied.body.contains("<DBParameterGroupFamily>neptune1.3</DBParameterGroupFamily>"), "\(copied.body)")
        #expect(copied.body.contains("<Description>the copy</Description>"))
        #expect(copied.body.contains("<DBClusterParameterGroupArn>arn:aws:rds:us-east-1:123456789012:cluster-pg:copy<"))
        #expect(await Self.userParameters(emulator, "copy").contains("<ParameterValue>30000</ParameterValue>"))

        // Every family's default group is listed with the stored ones, in name order.
        let listed = await Self.send(emulator, "DescribeDBClusterParameterGroups", [])
        let names = listed.body.components(separatedBy: "<DBClusterParameterGroupName>").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        #expect(
            names == [
                "copy", "default.neptune1", "default.neptune1.2", "default.neptune1.3", "default.neptune1.4", "tuned",
            ], "\(listed.body)")

        let deleted = await Self.send(
            emulator, "DeleteDBClusterParameterGroup", [("DBClusterParameterGroupName", "tuned")])
        #expect(deleted.status == 200, "\(deleted.body)")
        let remade = await Self.send(
            emulator, "CreateDBClusterParameterGroup",
            [("DBClusterParameterGroupName", "tuned"), ("DBParameterGroupFamily", "neptune1.3"), ("Description", "d")])
        #expect(remade.status == 200)
        #expect(!(await Self.userParameters(emulator, "tuned")).contains("<ParameterValue>30000</ParameterValue>"))
        #expect(await Self.userParameters(emulator, "copy").contains("<ParameterValue>30000</ParameterValue>"))
    }

    @Test func aDefaultGroupAFaultLetsADeleteReachStaysAndTakesNoValues() async throws {
        let emulator = NeptuneEmulator(
            spec: SubnetsTagsRolesTests.spec,
            configuration: NeptuneEmulator.Configuration(faults: [.changeDefaultParameterGroups]))
        let name = ("DBParameterGroupName", "default.neptune1.3")
        let deleted = await Self.send(emulator, "DeleteDBParameterGroup", [name])
        #expect(deleted.status == 200, "\(deleted.body)")
        let modified = await Self.send(
            emulator, "ModifyDBParameterGroup",
            [
                name, ("Parameters.Parameter.1.ParameterName", "neptune_query_timeout"),
                ("Parameters.Parameter.1.ParameterValue", "30000"),
                ("Parameters.Parameter.1.ApplyMethod", "pending-reboot"),
            ])
        #expect(modified.status == 200, "\(modified.body)")
        let listed = await Self.send(emulator, "DescribeDBParameterGroups", [name])
        #expect(listed.status == 200 && listed.body.contains("<DBParameterGroupName>default.neptune1.3<"))
        let parameters = await Self.send(emulator, "DescribeDBParameters", [name])
        #expect(!parameters.body.contains("<Source>user</Source>"), "\(parameters.body)")
    }
}
