import ConformanceTestSupport
import Foundation
import Testing

/// Neptune knowledge lives in Specs/: no operation name of the API appears in the code of the runner or the
/// generator, comments and doc comments included (they name operations by what `resources.yaml` says of
/// them), and no verb of one (`"Create"`) is matched as text. A hit names the file, the line and the name.
@Suite struct NoOperationNamesInCodeTests {
    static let folders = ["Sources/ConformanceRunner", "Sources/CaseGenerator", "Sources/Exploration"]

    /// One place in the code that names an operation.
    struct Hit: CustomStringConvertible {
        var file: String
        var line: Int
        var name: String
        var text: String
        var description: String { "\(file):\(line): \(name) in `\(text.trimmingCharacters(in: .whitespaces))`" }
    }

    /// The operation names of botocore's neptune model (`data/neptune/2014-10-31/service-2.json.gz`), read by a
    /// python3 child; nil when python3 or botocore is missing.
    static let modelNames = Task<[String]?, Never> {
        let script = """
            import gzip, json, os, sys
            try:
                import botocore
            except ImportError:
                sys.exit(3)
            base = os.path.join(os.path.dirname(botocore.__file__), "data", "neptune", "2014-10-31")
            for name in ("service-2.json.gz", "service-2.json"):
                path = os.path.join(base, name)
                if os.path.exists(path):
                    with (gzip.open if name.endswith(".gz") else open)(path, "rt") as model:
                        print("\\n".join(sorted(json.load(model)["operations"])))
                    sys.exit(0)
            sys.exit(4)
            """
        guard
            let result = try? await ProcessResult.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script]),
            result.status == 0
        else { return nil }
        let names = result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return names.isEmpty ? nil : names
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The names the spec knows: every operation of `operations/` and the helpers of `resources.yaml`.
    static var specNames: [String] { Fixtures.spec.operations.map(\.name) + Fixtures.spec.resources.helperOperations }

    @Test func codeNamesNoOperationOfTheSpec() throws {
        #expect(Self.specNames.count >= 16)
        let hits = try Self.scan(names: Set(Self.specNames))
        #expect(hits.isEmpty, "\(Self.report(hits))")
    }

    @Test(
        .enabled("needs python3 with botocore (pip install botocore); CI installs it") {
            await NoOperationNamesInCodeTests.modelNames.value != nil || NoOperationNamesInCodeTests.inCI
        })
    func codeNamesNoOperationOfTheServiceModel() async throws {
        let names = try #require(await Self.modelNames.value, "botocore's neptune model could not be read")
        // The model has every operation the spec has (70 in botocore 1.43).
        #expect(
            Set(Self.specNames).isSubset(of: Set(names)),
            "spec operations missing from the model: \(Set(Self.specNames).subtracting(names).sorted())")
        #expect(names.count >= 70)
        let hits = try Self.scan(names: Set(names))
        #expect(hits.isEmpty, "\(Self.report(hits))")
    }

    @Test func theScanFindsNamesAndVerbs() {
        let names: Set<String> = ["DescribeDBClusters", "CreateDBCluster"]
        let text = """
            let ok = "DBClusterIdentifier"
            /// Polls DescribeDBClusters until ready.
            if request.operation.hasPrefix("Create") { }
            let body = "Action=DescribeDBClusters&Version=1"
            let unknown = "DescribeDBClusterz"
            """
        let hits = Self.scan(text, file: "sample.swift", names: names)
        #expect(hits.map(\.line) == [2, 3, 4])
        #expect(hits.map(\.name) == ["DescribeDBClusters", "\"Create\"", "DescribeDBClusters"])
    }

    static func report(_ hits: [Hit]) -> String {
        "operation names in runner or generator code (say it in Specs/resources.yaml instead):\n"
            + hits.map(\.description).joined(separator: "\n")
    }

    /// Every hit in the `.swift` files of `folders`.
    static func scan(names: Set<String>) throws -> [Hit] {
        var hits: [Hit] = []
        var files = 0
        for folder in folders {
            let root = BuiltCLI.packageRoot.appendingPathComponent(folder)
            let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
                .sorted()
            for path in paths {
                files += 1
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                hits += scan(text, file: "\(folder)/\(path)", names: names)
            }
        }
        #expect(files >= 20, "expected the runner's and the generator's sources, found \(files) files")
        return hits
    }

    /// Hits in one file: identifier-like words that are operation names, and string literals that are exactly the
    /// verb an operation name starts with (`"Create"`, `"Delete"`: matching a family of operations by prefix).
    static func scan(_ text: String, file: String, names: Set<String>) -> [Hit] {
        let verbs = Set(
            names.compactMap { name in
                name.firstIndex(where: \.isLowercase).flatMap { start in
                    name[start...].firstIndex(where: \.isUppercase).map { String(name[..<$0]) }
                }
            })
        var hits: [Hit] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var word = ""
            var literal: String?
            func endWord() {
                if names.contains(word) {
                    hits.append(Hit(file: file, line: index + 1, name: word, text: String(line)))
                }
                word = ""
            }
            for character in line {
                if character.isLetter || character.isNumber || character == "_" {
                    word.append(character)
                } else {
                    endWord()
                }
                if character == "\"" {
                    if let open = literal, verbs.contains(open) {
                        hits.append(Hit(file: file, line: index + 1, name: "\"\(open)\"", text: String(line)))
                    }
                    literal = literal == nil ? "" : nil
                } else if literal != nil {
                    literal!.append(character)
                }
            }
            endWord()
        }
        return hits
    }
}
