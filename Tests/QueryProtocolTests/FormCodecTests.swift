import CaseGenerator
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import QueryProtocol
import Testing

enum Loaded {
    static let spec: ServiceSpec = try! SpecLoader(directory: BuiltCLI.packageRoot.appendingPathComponent("Specs"))
        .load()
    static let cases = CaseGenerator(spec: spec).generate()
    /// Every request the suite sends: the cases' own and their set-up steps' for the ten operations.
    static let requests: [Request] = {
        var all: [Request] = []
        for testCase in cases {
            all.append(testCase.request)
            all += testCase.setup.map(\.request).filter { spec.operation(named: $0.operation) != nil }
        }
        return all
    }()
}

@Suite struct FormCodecTests {
    /// Decoding what the encoder wrote gives back the same request, for every request the suite sends.
    @Test func everyGeneratedRequestRoundTrips() throws {
        #expect(Loaded.requests.count > 400)
        for request in Loaded.requests {
            let body = request.formBody(spec: Loaded.spec)
            let decoded = try FormCodec.request(fromBody: body, spec: Loaded.spec)
            #expect(decoded.action == request.operation)
            #expect(decoded.version == "2014-10-31")
            #expect(decoded.request == request, "\(body)")
        }
    }

    @Test func listsStructuresAndEscapes() throws {
        let body =
            "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.2.Key=b&Tags.Tag.1.Key=a%20b&Tags.Tag.1.Value=x%2By"
            + "&ServerlessV2ScalingConfiguration.MinCapacity=1.0&AvailabilityZones=&DBClusterIdentifier=My+Cluster"
        let request = try FormCodec.request(fromBody: body, spec: Loaded.spec).request
        #expect(
            request.value(at: "Tags")
                == .list([
                    .structure([Parameter("Key", .scalar("a b")), Parameter("Value", .scalar("x+y"))]),
                    .structure([Parameter("Key", .scalar("b"))]),
                ]))
        #expect(request.value(at: "ServerlessV2ScalingConfiguration.MinCapacity") == .scalar("1.0"))
        #expect(request.value(at: "AvailabilityZones") == .list([]))
        #expect(request.value(at: "DBClusterIdentifier") == .scalar("My Cluster"))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var body: String
        var kind: FormDecodingError.Kind
        var testDescription: String { body }
    }

    @Test(arguments: [
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.0.Key=a", kind: .badListIndex),
        Malformed(
            body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.1.Key=a&Tags.Tag.3.Key=c", kind: .badListIndex),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.01.Key=a", kind: .badListIndex),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.x.Key=a", kind: .badListIndex),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Port=1&Port=2", kind: .duplicateKey),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Port=%zz", kind: .badEncoding),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Port=%FF%FE", kind: .badEncoding),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Tags.member.1.Key=a", kind: .badKey),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag=a", kind: .badKey),
        Malformed(body: "Action=CreateDBCluster&Version=2014-10-31&Port.Inner=1", kind: .badKey),
    ])
    func malformedBodiesAreNamedErrors(_ sample: Malformed) {
        do {
            _ = try FormCodec.request(fromBody: sample.body, spec: Loaded.spec)
            Issue.record("decoded without error")
        } catch {
            #expect(error.kind == sample.kind, "\(error.description)")
            #expect(!error.description.isEmpty)
        }
    }

    @Test func unknownParametersAreKeptByTheirFullKey() throws {
        let request = try FormCodec.request(
            fromBody: "Action=StopDBCluster&Version=2014-10-31&Bogus.Thing.1=x&DBClusterIdentifier=a", spec: Loaded.spec
        ).request
        #expect(request.parameters.map(\.name) == ["Bogus.Thing.1", "DBClusterIdentifier"])
    }
}

/// Markup escaping: the five special characters and control characters, and text that needs nothing
/// comes back unchanged.
@Suite struct MarkupEscapingTests {
    @Test(arguments: [
        ("plain text, nothing to do", "plain text, nothing to do"),
        ("<a href=\"x\">Tom & Jerry's</a>", "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"),
        ("tab\tnew\nline\rok", "tab\tnew\nline\rok"),
        ("bell\u{07}nul\u{00}", "bell\u{FFFD}nul\u{FFFD}"),
        ("é ü 日本 <", "é ü 日本 &lt;"),
        ("", ""),
    ])
    func escapes(input: String, expected: String) {
        #expect(MarkupEscaping.escape(input) == expected)
    }
}
