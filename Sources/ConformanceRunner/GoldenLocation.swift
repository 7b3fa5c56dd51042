import ConformanceSpec
import Foundation

/// Where goldens are read from (and written to) when none is given: the `Golden/` folder beside the executable
/// (a release archive) or of the package this module was built from, beside its `Specs/` (`SpecLocation.dataRoot`). Never the working directory: a user's package that runs
/// `ConformanceSuite()` may have a `Golden/` folder of its own.
public enum GoldenLocation {
    public static func directory(_ given: String? = nil) -> String {
        given ?? SpecLocation.dataRoot.appendingPathComponent("Golden").path
    }
}
