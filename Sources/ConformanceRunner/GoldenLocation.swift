import ConformanceSpec
import Foundation

/// Where goldens are read from (and written to) when none is given: `./Golden`, else the `Golden/`
/// folder of the package this module was built from.
public enum GoldenLocation {
    public static func directory(_ given: String? = nil) -> String {
        if let given { return given }
        let local = FileManager.default.currentDirectoryPath + "/Golden"
        if FileManager.default.fileExists(atPath: local) { return local }
        return SpecLocation.packageRoot.appendingPathComponent("Golden").path
    }
}
