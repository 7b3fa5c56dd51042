/// Region names the suite picks for itself.
public enum AWSRegions {
    /// The region the runner's region cases sign for besides `region`: eu-central-1, or ap-southeast-2 when
    /// `region` is eu-central-1. Never the region of the wrong-region signature case (us-west-2 or eu-west-1).
    public static func second(besides region: String) -> String {
        region == "eu-central-1" ? "ap-southeast-2" : "eu-central-1"
    }
}
