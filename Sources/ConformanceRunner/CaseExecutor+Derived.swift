import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

extension CaseExecutor {
    /// Departures from values an answer must hold because of other resources (`DerivedValue`): each value's run-time
    /// tokens are asked of the endpoint, and some element of the answer with the value's name must hold it.
    func derivedValueFindings(_ derived: [DerivedValue], in answer: HTTPAnswer, client: QueryClient) async -> [Finding]
    {
        guard let tree = try? SafeXMLParser().parse(answer.body) else { return [] }
        var findings: [Finding] = []
        for item in derived {
            let probe = Request(operation: "", parameters: [Parameter("value", .scalar(item.value))])
            let expected: String
            switch await fillingRuntimeValues(probe, client: client) {
            case .success(let filled):
                guard case .scalar(let text)? = filled.value(at: "value") else { continue }
                expected = text
            case .failure(let problem):
                findings.append(
                    Finding(
                        kind: .value, path: "//\(item.element)", expected: item.value,
                        found: "nothing to compare with: \(problem.description)"))
                continue
            }
            let found = Self.values(named: item.element, in: tree.root)
            if !found.contains(expected) {
                findings.append(
                    Finding(
                        kind: found.isEmpty ? .missing : .value, path: "//\(item.element)",
                        expected: "\(expected) (\(item.value))",
                        found: found.isEmpty ? nil : found.map { "'\($0)'" }.joined(separator: ", ")))
            }
        }
        return findings
    }

    /// The texts of every element named `name` under `element`, in document order.
    static func values(named name: String, in element: XMLTree.Element) -> [String] {
        var found: [String] = []
        for child in element.children {
            if child.name == name, child.children.isEmpty { found.append(child.value) }
            found += values(named: name, in: child)
        }
        return found
    }
}
