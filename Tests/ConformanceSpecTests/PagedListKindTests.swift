import ConformanceSpec
import Foundation
import Testing

/// The kind of paged list each operation of Specs/ answers with (`ServiceSpec.pagedListKind(of:)`), against an
/// independent oracle: botocore's `paginators-1.json` for Neptune (a copy in Tests/Fixtures) says which operations
/// page and the result key of each; the kind of each paged list is written out here by hand.
@Suite struct PagedListKindTests {
    static let spec = try! SpecLoader(directory: TestPaths.specs).load()

    /// One paginator of `paginators-1.json`.
    struct Paginator: Decodable {
        var inputToken: String
        var outputToken: String
        var limitKey: String
        var resultKey: String

        enum CodingKeys: String, CodingKey {
            case inputToken = "input_token"
            case outputToken = "output_token"
            case limitKey = "limit_key"
            case resultKey = "result_key"
        }
    }

    static let paginators: [String: Paginator] = {
        struct File: Decodable { var pagination: [String: Paginator] }
        let url = TestPaths.packageRoot.appendingPathComponent(
            "Tests/Fixtures/botocore-1.43.11-neptune-2014-10-31-paginators-1.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).pagination
    }()

    /// The kind of every list the oracle pages, by reading what it lists; nil for a token below the answer's top
    /// level (`EngineDefaults.Marker`), which the spec does not hold as paging (`ServiceModelCrossCheckTests`).
    static let expected: [String: String?] = [
        "DescribeDBClusters": "resources DBCluster",
        "DescribeDBInstances": "resources DBInstance",
        "DescribeDBClusterSnapshots": "resources DBClusterSnapshot",
        "DescribeDBSubnetGroups": "resources DBSubnetGroup",
        "DescribeEventSubscriptions": "resources EventSubscription",
        "DescribeGlobalClusters": "resources GlobalCluster",
        "DescribeDBClusterEndpoints": "resources DBClusterEndpoint",
        "DescribeDBClusterParameterGroups": "resources DBClusterParameterGroup",
        "DescribeDBParameterGroups": "resources DBParameterGroup",
        "DescribePendingMaintenanceActions": "about resources named by ARN DBCluster",
        "DescribeDBEngineVersions": "catalogue",
        "DescribeOrderableDBInstanceOptions": "catalogue",
        "DescribeDBClusterParameters": "contents of DBClusterParameterGroup",
        "DescribeDBParameters": "contents of DBParameterGroup",
        "DescribeEvents": "run history",
        "DescribeEngineDefaultParameters": nil,
    ]

    /// The kind without a catalogue's size, which is the spec's data, not the oracle's.
    static func describe(_ kind: PagedListKind) -> String {
        switch kind {
        case .resources(let kind): "resources \(kind.rawValue)"
        case .aboutResourcesNamedByARN(let kind): "about resources named by ARN \(kind.rawValue)"
        case .catalogue: "catalogue"
        case .contents(let kind): "contents of \(kind?.rawValue ?? "an unknown kind")"
        case .runHistory: "run history"
        }
    }

    @Test func theOracleAndTheTableCoverTheSameOperations() {
        #expect(Self.spec.operations.count == 70)
        #expect(Set(Self.expected.keys) == Set(Self.paginators.keys))
        #expect(Self.paginators.keys.allSatisfy { Self.spec.operation(named: $0) != nil })
    }

    @Test(arguments: spec.operations.map(\.name))
    func kindOfTheList(_ name: String) throws {
        let operation = try #require(Self.spec.operation(named: name))
        let kind = Self.spec.pagedListKind(of: operation)
        guard let paginator = Self.paginators[name], let expected = Self.expected[name] ?? nil else {
            #expect(kind == nil, "\(name) pages in no paginator the spec holds")
            return
        }
        let found = try #require(kind, "\(name) pages in botocore (result key \(paginator.resultKey))")
        #expect(Self.describe(found) == expected)
        let paging = try #require(operation.paging)
        #expect(paging.items == paginator.resultKey)
        #expect(
            [paging.limit, paging.token, paging.token] == [
                paginator.limitKey, paginator.inputToken, paginator.outputToken,
            ])
        switch found {
        case .resources(let kind):
            // A describe's answer is the list of its kind's items.
            let items = try #require(Self.spec.resources.lifecycle(of: kind)?.describe.items)
            #expect(items.contains("/\(paginator.resultKey)/"))
        case .catalogue(let entries):
            #expect(entries > 0)
        case .aboutResourcesNamedByARN, .contents, .runHistory:
            break
        }
    }

    /// The walks the paging faults break: those of resource lists, and of every list a walk is sure to see span
    /// pages (never a group's parameters, which fit on one).
    @Test func pagingWalkItemsFollowTheKinds() {
        let resources = [
            "DescribeDBClusterEndpoints", "DescribeDBClusterParameterGroups", "DescribeDBClusterSnapshots",
            "DescribeDBClusters", "DescribeDBInstances", "DescribeDBParameterGroups", "DescribeDBSubnetGroups",
            "DescribeEventSubscriptions", "DescribeGlobalClusters",
        ]
        let spanning =
            resources + [
                "DescribeDBEngineVersions", "DescribeEvents", "DescribeOrderableDBInstanceOptions",
                "DescribePendingMaintenanceActions",
            ]
        #expect(Self.spec.pagingWalkItems(listingResourcesOnly: true).sorted() == resources.map { "\($0)#paging" })
        #expect(
            Self.spec.pagingWalkItems(listingResourcesOnly: false).sorted() == spanning.sorted().map { "\($0)#paging" })
    }
}
