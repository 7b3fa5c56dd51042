import ConformanceSpec
import Foundation
import Testing

/// What the API document fixes is contract: each "X always returns N" it states is a `constant` of
/// the spec's answer shape, and every golden that carries <X> has N literally, never a type
/// placeholder (an endpoint answering AllocatedStorage 0 would pass a `{{integer?}}`).
@Suite
struct PinnedConstantsTests {
    struct Statement: Hashable, CustomStringConvertible {
        var member: String
        var value: String
        var description: String { "\(member) always returns \(value)" }
    }

    /// "AllocatedStorage always returns 1, because …" → (AllocatedStorage, 1), once each.
    static func statements(in document: String) -> Set<Statement> {
        let pattern = try! NSRegularExpression(
            pattern: #"\b([A-Z][A-Za-z0-9]+) always returns ([A-Za-z0-9.-]+?)[,.]?\s"#)
        let range = NSRange(document.startIndex..., in: document)
        return Set(
            pattern.matches(in: document, range: range).map { match in
                Statement(
                    member: String(document[Range(match.range(at: 1), in: document)!]),
                    value: String(document[Range(match.range(at: 2), in: document)!]))
            })
    }

    /// Goldens (path, text) of DBCluster answers (the shape the document's statements are about; a cluster
    /// snapshot's AllocatedStorage is another member) that carry `<member>` with anything but `value`.
    static func unpinned(_ statement: Statement, goldens: [(String, String)]) -> [String] {
        goldens.compactMap { path, text in
            let open = "<\(statement.member)>"
            guard text.contains(open), text.contains("<DBCluster>") else { return nil }
            return text.contains("\(open)\(statement.value)</\(statement.member)>") ? nil : path
        }
    }

    static func goldens() throws -> [(String, String)] {
        let root = TestPaths.packageRoot.appendingPathComponent("Golden")
        let files =
            FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".xml")
            } ?? []
        return try files.sorted().map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func everyConstantTheDocumentStatesIsPinnedInSpecAndGoldens() throws {
        let document = try String(contentsOf: TestPaths.seedDocument, encoding: .utf8)
        let statements = Self.statements(in: document)
        #expect(statements.contains(Statement(member: "AllocatedStorage", value: "1")), "found \(statements)")
        let spec = try SpecLoader(directory: TestPaths.specs).load()
        let goldens = try Self.goldens()
        for statement in statements {
            let holders = spec.shapes.filter { $0.value.member(named: statement.member) != nil }
            #expect(!holders.isEmpty, "no answer shape has \(statement.member)")
            for (shape, structure) in holders where shape == "DBCluster" {
                #expect(
                    structure.member(named: statement.member)?.constant == statement.value,
                    "\(shape).\(statement.member): the spec does not pin \(statement)")
            }
            let carriers = goldens.filter { $0.1.contains("<\(statement.member)>") }
            #expect(carriers.count > 20, "only \(carriers.count) goldens carry \(statement.member)")
            let loose = Self.unpinned(statement, goldens: goldens)
            #expect(loose.isEmpty, "\(statement) but these goldens leave it loose: \(loose.prefix(5))")
        }
    }

    /// The check has teeth: one golden spoiled back to a type placeholder is named.
    @Test func aGoldenThatLeavesTheConstantLooseIsNamed() throws {
        var goldens = try Self.goldens()
        let index = try #require(goldens.firstIndex { $0.1.contains("<AllocatedStorage>1</AllocatedStorage>") })
        goldens[index].1 = goldens[index].1.replacingOccurrences(
            of: "<AllocatedStorage>1</AllocatedStorage>", with: "<AllocatedStorage>{{integer?}}</AllocatedStorage>")
        #expect(
            Self.unpinned(Statement(member: "AllocatedStorage", value: "1"), goldens: goldens) == [goldens[index].0])
    }
}
