import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// The emulator agrees with itself and with `Specs/`: what a request leaves out (engine version, parameter groups,
/// port) is what the catalogue operations answer, in every region, and changing the catalogue changes it.
@Suite struct DefaultsTests {
    static let spec = try! SpecLoader(directory: SpecLocation.defaultDirectory()).load()
    static let regions = ["us-east-2", "eu-west-1"]

    /// The text of the first `<name>` element of `xml`.
    static func first(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"),
            let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }

    /// Sends one request in `region` and expects HTTP 200.
    static func send(
        _ emulator: NeptuneEmulator, _ region: String, _ form: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> String {
        let answer = await emulator.handle(headers: RegionTests.signedIn(region), body: "Version=2014-10-31&" + form)
        #expect(answer.status == 200, "\(form): \(answer.body)", sourceLocation: sourceLocation)
        return answer.body
    }

    @Test func specGivesTheDefaults() throws {
        let defaults = try #require(Self.spec.defaults)
        let catalogue = try #require(Self.spec.catalogues["EngineVersion"])
        #expect(catalogue.entry(defaults.engineVersion)?["default"] == "true")
        #expect(catalogue.entry(defaults.engineVersion)?["family"] == defaults.family)
        #expect(Self.spec.operation(named: "CreateDBCluster")?.parameter(at: "Port")?.defaultValue == defaults.port)
        #expect(defaults.clusterParameterGroup == "default.\(defaults.family)")
    }

    @Test(arguments: regions) func minimalRequestsGetTheCatalogueDefaults(region: String) async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        let catalogue = await Self.send(
            emulator, region, "Action=DescribeDBEngineVersions&Engine=neptune&DefaultOnly=true")
        let version = try #require(Self.first("EngineVersion", in: catalogue))
        let family = try #require(Self.first("DBParameterGroupFamily", in: catalogue))
        let port = try #require(Self.spec.defaults?.port)
        #expect(version == Self.spec.defaults?.engineVersion && family == Self.spec.defaults?.family)

        let cluster = await Self.send(emulator, region, "Action=CreateDBCluster&DBClusterIdentifier=d1&Engine=neptune")
        #expect(Self.first("EngineVersion", in: cluster) == version)
        #expect(Self.first("DBClusterParameterGroup", in: cluster) == "default.\(family)")
        #expect(Self.first("Port", in: cluster) == port)
        let clusterGroups = await Self.send(
            emulator, region, "Action=DescribeDBClusterParameterGroups&DBClusterParameterGroupName=default.\(family)")
        #expect(Self.first("DBParameterGroupFamily", in: clusterGroups) == family)

        let instance = await Self.send(
            emulator, region,
            "Action=CreateDBInstance&DBInstanceIdentifier=i1&DBInstanceClass=db.r5.large&Engine=neptune&DBClusterIdentifier=d1"
        )
        #expect(Self.first("EngineVersion", in: instance) == version)
        #expect(Self.first("DBParameterGroupName", in: instance) == "default.\(family)")
        #expect(Self.first("Port", in: instance) == port)
        let instanceGroups = await Self.send(
            emulator, region, "Action=DescribeDBParameterGroups&DBParameterGroupName=default.\(family)")
        #expect(Self.first("DBParameterGroupFamily", in: instanceGroups) == family)

        let snapshot = await Self.send(
            emulator, region, "Action=CreateDBClusterSnapshot&DBClusterSnapshotIdentifier=s1&DBClusterIdentifier=d1")
        #expect(Self.first("EngineVersion", in: snapshot) == version)
        #expect(Self.first("Port", in: snapshot) == port)
        let restored = await Self.send(
            emulator, region,
            "Action=RestoreDBClusterFromSnapshot&DBClusterIdentifier=r1&SnapshotIdentifier=s1&Engine=neptune")
        #expect(Self.first("EngineVersion", in: restored) == version)
        #expect(Self.first("DBClusterParameterGroup", in: restored) == "default.\(family)")

        let global = await Self.send(
            emulator, region, "Action=CreateGlobalCluster&GlobalClusterIdentifier=g1-\(region)&Engine=neptune")
        #expect(Self.first("EngineVersion", in: global) == version)

        // A cluster of another version gets that version's family's default group.
        let older = await Self.send(
            emulator, region, "Action=CreateDBCluster&DBClusterIdentifier=d2&Engine=neptune&EngineVersion=1.2.0.0")
        #expect(Self.first("DBClusterParameterGroup", in: older) == "default.neptune1.2")
    }

    @Test func changingTheCatalogueChangesTheDefaults() async throws {
        var spec = Self.spec
        var catalogue = try #require(spec.catalogues["EngineVersion"])
        catalogue.entries = catalogue.entries.map { entry in
            var entry = entry
            entry["default"] = entry["version"] == "1.3.2.1" ? "true" : nil
            return entry
        }
        spec.catalogues["EngineVersion"] = catalogue
        #expect(spec.defaults?.engineVersion == "1.3.2.1" && spec.defaults?.family == "neptune1.3")
        let emulator = NeptuneEmulator(spec: spec)
        let listed = await Self.send(
            emulator, "us-east-1", "Action=DescribeDBEngineVersions&Engine=neptune&DefaultOnly=true")
        #expect(Self.first("EngineVersion", in: listed) == "1.3.2.1")
        let cluster = await Self.send(
            emulator, "us-east-1", "Action=CreateDBCluster&DBClusterIdentifier=d1&Engine=neptune")
        #expect(Self.first("EngineVersion", in: cluster) == "1.3.2.1")
        #expect(Self.first("DBClusterParameterGroup", in: cluster) == "default.neptune1.3")
    }
}
