import Foundation

/// Finds the `Specs/` directory when none is given: `$NEPTUNE_CONFORMANCE_SPECS`, else the `Specs/` folder
/// beside the executable (an unpacked release archive), else that of the package this module was built from.
/// Never the working directory: a user's package that depends on this one may have a `Specs/` folder of its own.
public enum SpecLocation {
    public static let environmentVariable = "NEPTUNE_CONFORMANCE_SPECS"

    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment[environmentVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        return dataRoot.appendingPathComponent("Specs")
    }

    /// The folder holding `Specs/` and `Golden/`: the executable's own folder when they are beside it (a release
    /// archive, `Scripts/package-release.sh`), else the package's root.
    public static let dataRoot: URL = {
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            let marker = folder.appendingPathComponent("Specs/resources.yaml").path
            if FileManager.default.fileExists(atPath: marker) { return folder }
        }
        return packageRoot
    }()

    /// The root of the package holding this source file (Sources/ConformanceSpec/SpecLocation.swift): its
    /// checkout, also when it is a dependency of another package (`.build/checkouts/...`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
