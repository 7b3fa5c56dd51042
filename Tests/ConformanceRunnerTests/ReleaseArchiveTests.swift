import ConformanceTestSupport
import Foundation
import Testing

/// A release archive (`Scripts/package-release.sh`, here packing this build's binary) runs from a folder outside
/// the checkout on the `Specs/` and `Golden/` beside its binary, not on the checkout's: a spec broken in the
/// unpacked copy is the one the error names.
@Suite struct ReleaseArchiveTests {
    @Test func theUnpackedBinaryReadsTheDataBesideIt() async throws {
        let folder = RunCommandTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let packed = try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                BuiltCLI.packageRoot.appendingPathComponent("Scripts/package-release.sh").path, "--binary",
                BuiltCLI.url.path, folder,
            ])
        try #require(packed.status == 0, "\(packed.stderr.suffix(800))")
        let archive = packed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(archive.hasPrefix(folder) && archive.hasSuffix(".tar.gz"), "\(archive)")
        let unpack = try await ProcessResult.run(URL(fileURLWithPath: "/bin/tar"), ["-C", folder, "-xzf", archive])
        try #require(unpack.status == 0, "\(unpack.stderr)")
        let root =
            "\(folder)/"
            + ((archive as NSString).lastPathComponent as NSString).deletingPathExtension
            .replacingOccurrences(of: ".tar", with: "")
        let binary = URL(fileURLWithPath: "\(root)/neptune-conformance")
        var environment = ProcessInfo.processInfo.environment
        environment["NEPTUNE_CONFORMANCE_SPECS"] = nil

        let listed = try await ProcessResult.run(
            binary, ["cases", "--operation", "StopDBCluster"], environment: environment)
        #expect(listed.status == 0 && listed.stdout.contains("StopDBCluster/"), "\(listed.stderr.suffix(800))")

        try "service: [this is not the service file\n".write(
            toFile: "\(root)/Specs/service.yaml", atomically: true, encoding: .utf8)
        let broken = try await ProcessResult.run(binary, ["cases"], environment: environment)
        #expect(broken.status != 0)
        #expect(
            broken.stderr.contains("the spec in \(root)/Specs is broken") && broken.stderr.contains("service.yaml:2:1"),
            "\(broken.stderr.suffix(800))")
    }
}
