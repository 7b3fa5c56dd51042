/// Where a request parameter shows in a DBCluster answer, for the parameters whose member has another
/// name (`EnableIAMDatabaseAuthentication` comes back as `IAMDatabaseAuthenticationEnabled`). The
/// reference server stores values under it; golden recording finds the request's values by it.
public enum DBClusterMemberName {
    static let renamed = [
        "DBClusterParameterGroupName": "DBClusterParameterGroup", "DBSubnetGroupName": "DBSubnetGroup",
        "EnableIAMDatabaseAuthentication": "IAMDatabaseAuthenticationEnabled",
        "EnableCloudwatchLogsExports": "EnabledCloudwatchLogsExports",
    ]

    /// The DBCluster member `parameter` shows as (its own name when not renamed).
    public static func forParameter(_ parameter: String) -> String { renamed[parameter] ?? parameter }
}
