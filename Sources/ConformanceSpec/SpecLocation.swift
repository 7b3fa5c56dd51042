import Foundation

/// Finds the `Specs/` directory when none is given: `$NEPTUNE_CONFORMANCE_SPECS`, then `./Specs`,
/// then the `Specs/` folder of the package this module was built from.
public enum SpecLocation {
    public static let environmentVariable = "NEPTUNE_CONFORMANCE_SPECS"

    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment[environmentVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Specs")
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("service.yaml").path) { return local }
        return packageRoot.appendingPathComponent("Specs")
    }

    /// The root of the package holding this source file (Sources/ConformanceSpec/SpecLocation.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
