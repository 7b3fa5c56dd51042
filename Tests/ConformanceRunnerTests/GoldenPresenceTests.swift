import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing
import XMLCompare

/// No golden lets a member the spec says is always sent (`presence: always`) be absent: where a golden holds
/// such a member, it holds it with a mandatory placeholder or a literal, never `{{…?}}`.
@Suite struct GoldenPresenceTests {
    static let root = BuiltCLI.packageRoot.appendingPathComponent("Golden")
    static let files: [String] =
        (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".xml")
        } ?? []).sorted()

    @Test func thereAreGoldens() { #expect(Self.files.count > 200) }

    @Test(arguments: files)
    func noAlwaysMemberIsOptional(_ file: String) throws {
        let operationName = String(file.prefix { $0 != "/" })
        let operation = try #require(Fixtures.spec.operation(named: operationName), "\(file): no operation")
        let data = try Data(contentsOf: Self.root.appendingPathComponent(file))
        let tree = try SafeXMLParser().parse([UInt8](data))
        var optional: [String] = []
        Self.walk(tree.root, context: .successRoot(operation), path: "/" + tree.root.name, into: &optional)
        #expect(optional.isEmpty, "\(file): always members left optional: \(optional)")
    }

    static func walk(_ element: XMLTree.Element, context: ShapeContext, path: String, into optional: inout [String]) {
        for child in element.children {
            let childPath = path + "/" + child.name
            if case .structure(let structure) = context, structure.member(named: child.name)?.presence == .always,
                child.children.isEmpty, Placeholder.isOptional(child.value)
            {
                optional.append(childPath)
            }
            walk(child, context: context.child(child.name), path: childPath, into: &optional)
        }
    }
}
