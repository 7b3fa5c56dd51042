import ConformanceSpec
import Foundation
import Testing
import XMLCompare

@Suite struct ShapeCheckerTests {
    let checker = ShapeChecker(spec: Fixtures.spec, mode: .strict)
    var create: OperationSpec { Fixtures.spec.operation(named: "CreateDBCluster")! }

    @Test func fullDBClusterAnswerConforms() {
        #expect(checker.checkSuccess(Fixtures.tree(Fixtures.fullCreateAnswer()), operation: create).isEmpty)
    }

    @Test(arguments: [
        ("<Port>8182</Port>", "<Port>eighty</Port>", XMLDifference.Kind.type, "/DBCluster/Port"),
        ("<MultiAZ>false</MultiAZ>", "<MultiAZ>no</MultiAZ>", .type, "/DBCluster/MultiAZ"),
        (
            "<MinCapacity>1.0</MinCapacity>", "<MinCapacity>one</MinCapacity>", .type,
            "/ServerlessV2ScalingConfiguration/MinCapacity"
        ),
        (
            "<ClusterCreateTime>2024-05-01T09:59:00.5Z</ClusterCreateTime>",
            "<ClusterCreateTime>May 1</ClusterCreateTime>", .type, "/DBCluster/ClusterCreateTime"
        ),
        (
            "<AvailabilityZone>us-east-1a</AvailabilityZone>", "<Zone>us-east-1a</Zone>", .unexpected,
            "/AvailabilityZones/Zone[1]"
        ),
        (
            "<HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId>", "<HostedZoneId>Z</HostedZoneId><Bogus>1</Bogus>",
            .unexpected, "/DBCluster/Bogus"
        ),
        (
            "<DBClusterIdentifier>my-cluster</DBClusterIdentifier>",
            "<DBClusterIdentifier><X>1</X></DBClusterIdentifier>", .type, "/DBCluster/DBClusterIdentifier"
        ),
    ])
    func departuresAreFound(original: String, replacement: String, kind: XMLDifference.Kind, pathSuffix: String) {
        let answer = Fixtures.fullCreateAnswer().replacingOccurrences(of: original, with: replacement)
        let differences = checker.checkSuccess(Fixtures.tree(answer), operation: create)
        #expect(differences.count == 1, "\(differences.rendered)")
        #expect(differences.first?.kind == kind)
        #expect(differences.first?.path.hasSuffix(pathSuffix) == true, "\(differences.first?.path ?? "")")
    }

    @Test func missingWrapperAndRequestIdAndWrongNamespace() {
        let noRequestId = Fixtures.fullCreateAnswer().replacingOccurrences(
            of: "<ResponseMetadata><RequestId>0c1e1a8e-8d07-4bd5-a9a7-6d2e7e0ffb39</RequestId></ResponseMetadata>",
            with: "")
        #expect(
            checker.checkSuccess(Fixtures.tree(noRequestId), operation: create).map(\.path) == [
                "/CreateDBClusterResponse/ResponseMetadata"
            ])
        let wrongNamespace = Fixtures.fullCreateAnswer().replacingOccurrences(
            of: Fixtures.namespace, with: "http://example.com/")
        let differences = checker.checkSuccess(Fixtures.tree(wrongNamespace), operation: create)
        #expect(
            differences.first
                == XMLDifference(
                    kind: .namespace, path: "/CreateDBClusterResponse", expected: Fixtures.namespace,
                    found: "http://example.com/"))
        let wrongRoot = "<DeleteDBClusterResponse xmlns=\"\(Fixtures.namespace)\"/>"
        #expect(
            checker.checkSuccess(Fixtures.tree(wrongRoot), operation: create).first?.expected
                == "root <CreateDBClusterResponse>")
    }

    @Test func lenientTurnsUnknownMembersIntoWarnings() {
        let answer = Fixtures.fullCreateAnswer().replacingOccurrences(
            of: "<MultiAZ>false</MultiAZ>",
            with: "<MultiAZ>false</MultiAZ><AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>")
        let lenient = ShapeChecker(spec: Fixtures.spec, mode: .lenient).checkSuccess(
            Fixtures.tree(answer), operation: create)
        #expect(lenient.map(\.severity) == [.warning])
        #expect(checker.checkSuccess(Fixtures.tree(answer), operation: create).map(\.severity) == [.error])
    }

    @Test func errorEnvelope() throws {
        let good = """
            <ErrorResponse xmlns="\(Fixtures.namespace)"><Error><Type>Sender</Type><Code>DBClusterNotFoundFault</Code>
            <Message>DBCluster x not found.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>
            """
        #expect(checker.checkError(Fixtures.tree(good)).isEmpty)
        let envelope = try #require(ErrorEnvelope(Fixtures.tree(good)))
        #expect(
            envelope
                == ErrorEnvelope(
                    type: "Sender", code: "DBClusterNotFoundFault", message: "DBCluster x not found.", requestId: "r-1")
        )
        let bad = good.replacingOccurrences(of: "<Type>Sender</Type>", with: "<Type>Client</Type>")
            .replacingOccurrences(of: "<RequestId>r-1</RequestId>", with: "")
        let differences = checker.checkError(Fixtures.tree(bad))
        #expect(differences.map(\.path).sorted() == ["/ErrorResponse/Error/Type", "/ErrorResponse/RequestId"])
    }

    /// The parameterized test below has one argument per file: an empty or unreadable folder would run it
    /// zero times and pass, so the count SOURCES.md lists is checked here.
    @Test func theRealAWSAnswersAreAllThere() throws {
        #expect(Fixtures.realAWSFiles.count == 23, "Facts/real-aws holds \(Fixtures.realAWSFiles)")
        let sources = try String(contentsOf: Fixtures.realAWS.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        for file in Fixtures.realAWSFiles {
            #expect(sources.contains(file), "SOURCES.md does not say where \(file) comes from")
        }
    }

    /// What AWS published or sent: element order varies, RDS-only elements appear, timestamps
    /// with and without milliseconds. In lenient mode none of it is an error.
    /// Doc samples whose derived members name another cluster than the sample's own identifier.
    static let handEditedIdentities: [String: [String]] = [
        // Endpoint sample-cluster.cluster-…, DBClusterIdentifier my-cluster-replica1.
        "PromoteReadReplicaDBCluster-1.xml": ["Endpoint"],
        // Endpoint, ReaderEndpoint and DBClusterArn name my-multi-az-cluster, DBClusterIdentifier my-multi-az-cluster-pit.
        "RestoreDBClusterToPointInTime-2.xml": ["Endpoint", "ReaderEndpoint", "DBClusterArn"],
    ]

    /// With the region each answer was given in, its vocabularies and derivations hold too. The captures SOURCES.md
    /// calls "captured (trimmed)" had most elements cut by their authors: presence is not judged on them.
    @Test(arguments: Fixtures.realAWSFiles)
    func realAWSAnswersAreAcceptedInLenientMode(file: String) throws {
        let data = try Data(contentsOf: Fixtures.realAWS.appendingPathComponent(file))
        let tree = try SafeXMLParser().parse([UInt8](data))
        let lenient = ShapeChecker(spec: Fixtures.spec, mode: .lenient, region: try Fixtures.realAWSRegion(of: file))
        var differences: [XMLDifference]
        if file.hasPrefix("error-") {
            differences = lenient.checkError(tree)
            #expect(ErrorEnvelope(tree)?.code == "DBClusterNotFoundFault")
        } else {
            let name = String(file.prefix { $0 != "-" })
            differences = lenient.checkSuccess(tree, operation: try #require(Fixtures.spec.operation(named: name)))
            if try Fixtures.realAWSTrimmed().contains(file) {
                differences.removeAll { $0.kind == .missing && $0.expected?.hasSuffix("always present)") == true }
            }
            // Hand-edited samples (SOURCES.md: "internally inconsistent ... evidence of the wire format, not of
            // behaviour") whose hosts and ARN name another cluster than their DBClusterIdentifier.
            let edited = Self.handEditedIdentities[file] ?? []
            let departures = differences.filter { difference in
                difference.kind == .value && edited.contains { difference.path.hasSuffix("/DBCluster/" + $0) }
            }
            #expect(departures.count == edited.count, "\(file): \(departures.rendered)")
            differences.removeAll { departures.contains($0) }
        }
        #expect(differences.errors.isEmpty, "\(differences.errors.rendered)")
        #expect(GoldenComparison(mode: .strict).compare(golden: tree, actual: tree).isEmpty)
    }
}
