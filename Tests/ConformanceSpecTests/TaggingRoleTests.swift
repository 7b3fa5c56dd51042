import ConformanceSpec
import Testing

/// Which operations tag resources, and how, read from their specs (`ServiceSpec.taggingRole(of:)`) rather than their
/// names: of the 70 operations exactly botocore's three tagging operations have a role, each with the parameter or
/// output member the model gives it (ResourceName, Tags as TagList, TagKeys as KeyList, the TagList output).
@Suite struct TaggingRoleTests {
    static let spec = PagedListKindTests.spec

    @Test func exactlyTheThreeTaggingOperationsHaveTheirRoles() {
        var roles: [String: TaggingRole] = [:]
        for operation in Self.spec.operations {
            if let role = Self.spec.taggingRole(of: operation) { roles[operation.name] = role }
        }
        #expect(
            roles == [
                "AddTagsToResource": .add(resource: "ResourceName", tags: "Tags"),
                "ListTagsForResource": .list(resource: "ResourceName", tags: "TagList"),
                "RemoveTagsFromResource": .remove(resource: "ResourceName", keys: "TagKeys"),
            ])
    }

    /// A create that takes tags, a describe of a kind, an action on one resource: none tags by ARN.
    @Test(arguments: ["CreateDBCluster", "DescribeDBClusters", "FailoverDBCluster", "ApplyPendingMaintenanceAction"])
    func operationsOfAResourceHaveNoTaggingRole(_ name: String) throws {
        let operation = try #require(Self.spec.operation(named: name))
        #expect(Self.spec.taggingRole(of: operation) == nil)
    }
}
