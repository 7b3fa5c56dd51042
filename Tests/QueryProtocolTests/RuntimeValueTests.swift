import QueryProtocol
import Testing

/// Run-time value tokens: found wherever they sit in a request, filled in exactly, and never mistaken for text.
@Suite struct RuntimeValueTests {
    @Test func tokensRoundTrip() {
        let value = RuntimeValue.latestRestorableTime(cluster: "nc-source-1")
        #expect(value.token == "{{LatestRestorableTime:nc-source-1}}")
        #expect(RuntimeValue(token: value.token) == value)
    }

    @Test(arguments: [
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
