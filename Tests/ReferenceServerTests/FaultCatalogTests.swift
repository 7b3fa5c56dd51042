import CaseGenerator
import ConformanceTestSupport
import Foundation
import Testing

@testable import ReferenceServer

/// The faults as a catalogue, without running the suite: each is one decorator in its own file naming
/// spec items, the emulator asks them and never branches on a fault itself, and the README counts them.
@Suite struct FaultCatalogTests {
    static let sources = BuiltCLI.packageRoot.appendingPathComponent("Sources/ReferenceServer")

    @Test(arguments: Fault.allCases)
    func eachFaultIsADecoratorInItsOwnFileNamingSpecItems(_ fault: Fault) throws {
        let typeName = String(describing: type(of: fault.decorator))
        let file = Self.sources.appendingPathComponent("Faults/\(typeName).swift")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("struct \(typeName): FaultDecorator"), "\(file.path)")
        let reach = FaultReach(fault: fault, spec: Suite.spec)
        #expect(!reach.items.isEmpty, "\(fault.rawValue) names no spec item")
        #expect(reach.unknownItems(coverage: Coverage(spec: Suite.spec, cases: Suite.cases)).isEmpty)
        #expect(!fault.summary.isEmpty)
        #expect(
            Suite.cases.contains { !reach.exercised(by: $0).isEmpty }, "no case exercises \(fault.rawValue)'s items")
    }

    /// Outside `Faults/` and the `Fault` name list, the server's code does not name a fault: it asks the
    /// decorators at its hooks.
    @Test func theEmulatorHasNoFaultBranches() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
            $0.hasSuffix(".swift") && $0 != "Fault.swift"
        }
        #expect(files.contains("NeptuneEmulator.swift"))
        for name in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("faults.contains("), "\(name) asks whether a fault is on")
            for fault in Fault.allCases {
                #expect(!text.contains(".\(String(describing: fault))"), "\(name) names the fault \(fault.rawValue)")
            }
        }
    }

    @Test func theReadmeCountsTheFaults() throws {
        let readme = try String(contentsOf: BuiltCLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let count = Fault.allCases.count
        #expect(readme.contains("`serve --help` lists its \(count) deliberate faults"))
        #expect(readme.contains("mutation score \(count)/\(count)"))
    }
}
