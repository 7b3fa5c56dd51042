import QueryProtocol
import Testing

/// Run-time value tokens: found wherever they sit in a request, filled in exactly, and never mistaken for text.
@Suite struct RuntimeValueTests {
    @Test func tokensRoundTrip() {
        let value = RuntimeValue.latestRestorableTime(cluster: "nc-source-1")
        #expect(value.token == "{{LatestRestorableTime:nc-source-1}}")
        #expect(RuntimeValue(token: value.token) == value)
    }

    /// Any describe member (`runtimeMembers`), with text after the token appended to the endpoint's value.
    @Test func describedMembersCarryASuffix() {
        let arn = RuntimeValue.describedMember(member: "DBClusterArn", resource: "nc-c1", suffix: "x")
        #expect(arn.token == "{{DBClusterArn:nc-c1}}x")
        #expect(RuntimeValue(token: arn.token) == arn)
        #expect(arn.member == "DBClusterArn" && arn.resource == "nc-c1")
        let request = Request(
            operation: "ListTagsForResource", parameters: [Parameter("ResourceName", .scalar(arn.token))])
        #expect(request.runtimeValues == [arn])
        let filled = request.filling([arn: "arn:aws:rds:us-east-1:123456789012:cluster:nc-c1"])
        #expect(filled.value(at: "ResourceName") == .scalar("arn:aws:rds:us-east-1:123456789012:cluster:nc-c1x"))
    }

    @Test(arguments: [
        "{{DBClusterArn:a}}{", "{{dbClusterArn:a}}", "{{DB-Arn:a}}", "{{DBClusterArn}}",
        "", "2024-01-01T00:00:00Z", "{{LatestRestorableTime:}}", "{{LatestRestorableTime:a}",
        "x{{LatestRestorableTime:a}}",
        "{{string}}", "{{LatestRestorableTime:a}}}", "{{latestrestorabletime:a}}",
    ])
    func ordinaryTextIsNotAToken(_ text: String) {
        #expect(RuntimeValue(token: text) == nil)
    }

    @Test func fillingReplacesEveryTokenAndNothingElse() {
        let source = RuntimeValue.latestRestorableTime(cluster: "src")
        let other = RuntimeValue.latestRestorableTime(cluster: "other")
        let request = Request(
            operation: "RestoreDBClusterToPointInTime",
            parameters: [
                Parameter("SourceDBClusterIdentifier", .scalar("src")),
                Parameter("RestoreToTime", .scalar(source.token)),
                Parameter(
                    "Nested",
                    .structure([Parameter("When", .scalar(other.token)), Parameter("Again", .scalar(source.token))])),
                Parameter("List", .list([.scalar(source.token), .scalar("plain")])),
            ])
        #expect(request.runtimeValues == [source, other])
        let filled = request.filling([source: "2026-11-25T01:00:00.123Z", other: "2026-11-25T02:00:00Z"])
        #expect(filled.runtimeValues.isEmpty)
        #expect(filled.value(at: "RestoreToTime") == .scalar("2026-11-25T01:00:00.123Z"))
        #expect(filled.value(at: "Nested.When") == .scalar("2026-11-25T02:00:00Z"))
        #expect(filled.value(at: "Nested.Again") == .scalar("2026-11-25T01:00:00.123Z"))
        #expect(filled.value(at: "List") == .list([.scalar("2026-11-25T01:00:00.123Z"), .scalar("plain")]))
        #expect(filled.value(at: "SourceDBClusterIdentifier") == .scalar("src"))
        // A value without a filling stays a token, so the endpoint would refuse it visibly rather than get a guess.
        #expect(request.filling([other: "x"]).value(at: "RestoreToTime") == .scalar(source.token))
    }
}
