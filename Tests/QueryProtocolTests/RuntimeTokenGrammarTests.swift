import ConformanceSpec
import QueryProtocol
import Testing

/// The one grammar of run-time tokens (`RuntimeToken`), as both of its readers see a text: the scenario reader
/// (which tokens a scenario's value holds, and whether every `{{` in it is readable) and the runner's
/// `RuntimeValue` (which value a case's scalar stands for). It sits beside `RuntimeValueTests` because this test
/// target sees both modules.
@Suite struct RuntimeTokenGrammarTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// The tokens the text holds, in order.
        var tokens: [RuntimeToken]
        /// What the text stands for as a case's scalar.
        var value: RuntimeValue?
        /// Whether a scenario may hold the text: every `{{` starts a token or a `{{name}}` reference.
        var readableInScenario: Bool
        var testDescription: String { name }
    }

    static func member(_ name: String, _ resource: String) -> RuntimeToken {
        RuntimeToken(head: .member(name), argument: .text(resource))
    }

    static let rows: [Row] = [
        Row(
            name: "plain member token", text: "{{DBClusterArn:nc-c1}}", tokens: [member("DBClusterArn", "nc-c1")],
            value: .describedMember(member: "DBClusterArn", resource: "nc-c1", suffix: ""), readableInScenario: true),
        Row(
            name: "member token with a suffix", text: "{{DBClusterArn:nc-c1}}x",
            tokens: [member("DBClusterArn", "nc-c1")],
            value: .describedMember(member: "DBClusterArn", resource: "nc-c1", suffix: "x"), readableInScenario: true),
        Row(
            name: "latest restorable time", text: "{{LatestRestorableTime:nc-src}}",
            tokens: [member("LatestRestorableTime", "nc-src")], value: .latestRestorableTime(cluster: "nc-src"),
            readableInScenario: true),
        Row(
            name: "account token", text: "{{account:SubnetId.1}}",
            tokens: [RuntimeToken(head: .account, argument: .text("SubnetId.1"))], value: .account(name: "SubnetId.1"),
            readableInScenario: true),
        Row(
            name: "catalogue token", text: "{{catalogue:EngineVersion}}",
            tokens: [RuntimeToken(head: .catalogue, argument: .text("EngineVersion"))],
            value: .catalogue(name: "EngineVersion"), readableInScenario: true),
        Row(
            name: "catalogue token takes no suffix", text: "{{catalogue:EngineVersion}}x",
            tokens: [RuntimeToken(head: .catalogue, argument: .text("EngineVersion"))], value: nil,
            readableInScenario: true),
        // A scenario's token names its resource by reference; case generation fills the identifier in, and only then
        // is it a value the runner can ask for.
        Row(
            name: "nested reference inside a member token", text: "{{DBClusterArn:{{c}}}}",
            tokens: [RuntimeToken(head: .member("DBClusterArn"), argument: .reference("c"))], value: nil,
            readableInScenario: true),
        Row(
            name: "nested reference left open", text: "{{DBClusterArn:{{c}}", tokens: [], value: nil,
            readableInScenario: false),
        Row(
            name: "unicode capital first", text: "{{ÄBClusterArn:nc-c1}}", tokens: [], value: nil,
            readableInScenario: false),
        Row(
            name: "unicode letter later", text: "{{DBClusterÅrn:nc-c1}}", tokens: [], value: nil,
            readableInScenario: false),
        Row(
            name: "lower-case member", text: "{{dbClusterArn:nc-c1}}", tokens: [], value: nil,
            readableInScenario: false),
        Row(name: "unclosed", text: "{{DBClusterArn:nc-c1", tokens: [], value: nil, readableInScenario: false),
        Row(
            name: "unclosed by one brace", text: "{{DBClusterArn:nc-c1}", tokens: [], value: nil,
            readableInScenario: false),
        Row(name: "empty member", text: "{{:nc-c1}}", tokens: [], value: nil, readableInScenario: false),
        Row(name: "empty argument", text: "{{DBClusterArn:}}", tokens: [], value: nil, readableInScenario: false),
        Row(name: "missing colon", text: "{{DBClusterArn}}", tokens: [], value: nil, readableInScenario: false),
        Row(
            name: "brace in the argument", text: "{{DBClusterArn:a{b}}", tokens: [], value: nil,
            readableInScenario: false),
        Row(
            name: "two tokens", text: "{{account:SubnetId.1}},{{DBClusterArn:{{c}}}}",
            tokens: [
                RuntimeToken(head: .account, argument: .text("SubnetId.1")),
                RuntimeToken(head: .member("DBClusterArn"), argument: .reference("c")),
            ],
            value: nil, readableInScenario: true),
        Row(
            name: "a token after text", text: "x{{DBClusterArn:nc-c1}}", tokens: [member("DBClusterArn", "nc-c1")],
            value: nil, readableInScenario: true),
        Row(name: "a reference alone", text: "{{c}}", tokens: [], value: nil, readableInScenario: true),
        Row(name: "ordinary text", text: "2024-01-01T00:00:00Z", tokens: [], value: nil, readableInScenario: true),
    ]

    @Test(arguments: rows)
    func bothReadersAgree(_ row: Row) {
        #expect(RuntimeToken.tokens(in: row.text) == row.tokens)
        #expect(RuntimeValue(token: row.text) == row.value)
        #expect((RuntimeToken.unreadable(in: row.text) == nil) == row.readableInScenario)
        // What the runner reads is a token of the grammar, written back as it was read.
        if let value = row.value {
            #expect(RuntimeToken.tokens(in: value.token) == row.tokens)
            #expect(value.token == row.text)
        }
        for token in row.tokens { #expect(RuntimeToken.tokens(in: token.text) == [token]) }
    }
}
