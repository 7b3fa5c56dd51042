/// Compares an actual answer with a golden one, structurally: namespaces, element names, text after
/// trimming, placeholders in the golden, lists that the spec marks unordered as multisets, and the
/// members of a structure in any order (AWS varies it).
public struct GoldenComparison: Sendable {
    public var mode: ComparisonMode
    /// The request's values by parameter path, for `{{input:…}}`.
    public var inputs: [String: String]
    /// What the spec says the root element holds (`ShapeContext.successRoot(operation)`), or `.unknown`.
    public var context: ShapeContext

    public init(mode: ComparisonMode = .strict, inputs: [String: String] = [:], context: ShapeContext = .unknown) {
        self.mode = mode
        self.inputs = inputs
        self.context = context
    }

    /// Every difference between the two documents; empty when the actual answer matches.
    public func compare(golden: XMLTree, actual: XMLTree) -> [XMLDifference] {
        var differences: [XMLDifference] = []
        guard golden.root.name == actual.root.name else {
            return [
                XMLDifference(
                    kind: .value, path: "/", expected: "root <\(golden.root.name)>", found: "root <\(actual.root.name)>"
                )
            ]
        }
        compare(golden.root, actual.root, path: "/" + golden.root.name, context: context, into: &differences)
        return differences
    }

    func compare(
        _ golden: XMLTree.Element, _ actual: XMLTree.Element, path: String, context: ShapeContext,
        into differences: inout [XMLDifference]
    ) {
        if golden.namespace != actual.namespace {
            differences.append(
                XMLDifference(
                    kind: .namespace, path: path, expected: golden.namespace ?? "no namespace",
                    found: actual.namespace ?? "no namespace"))
        }
        let placeholder = Placeholder.parse(golden.text)
        if case .success(.ignore) = placeholder { return }
        if golden.children.isEmpty {
            compareLeaf(golden, actual, placeholder: placeholder, path: path, context: context, into: &differences)
            return
        }
        if actual.children.isEmpty && !actual.value.isEmpty {
            differences.append(
                XMLDifference(kind: .type, path: path, expected: "child elements", found: "text '\(actual.value)'"))
            return
        }
        var names: [String] = []
        for child in golden.children where !names.contains(child.name) { names.append(child.name) }
        for name in names {
            let expected = golden.children(named: name)
            let found = actual.children(named: name)
            let childContext = context.child(name)
            var isList = expected.count > 1 || found.count > 1
            var unordered = false
            if case .list(let list) = context {
                isList = true
                unordered = list.unordered
            }
            if !isList {
                let childPath = path + "/" + name
                if found.isEmpty {
                    if Placeholder.isOptional(expected[0].text) { continue }
                    differences.append(
                        XMLDifference(kind: .missing, path: childPath, expected: Self.summary(expected[0]), found: nil))
                } else {
                    compare(expected[0], found[0], path: childPath, context: childContext, into: &differences)
                }
            } else {
                compareList(
                    expected, found, name: name, path: path, context: childContext, unordered: unordered,
                    into: &differences)
            }
        }
        var reported: Set<String> = []
        for child in actual.children where !names.contains(child.name) && !reported.contains(child.name) {
            reported.insert(child.name)
            let isListItem: Bool = if case .list = context { true } else { false }
            differences.append(
                XMLDifference(
                    kind: .unexpected, path: path + "/" + child.name, expected: nil, found: Self.summary(child),
                    severity: isListItem || mode == .strict ? .error : .warning))
        }
    }

    private func compareLeaf(
        _ golden: XMLTree.Element, _ actual: XMLTree.Element, placeholder: Result<Placeholder, PlaceholderError>?,
        path: String,
        context: ShapeContext, into differences: inout [XMLDifference]
    ) {
        if !actual.children.isEmpty {
            if golden.value.isEmpty && placeholder == nil {
                let isList: Bool = if case .list = context { true } else { false }
                for (index, child) in actual.children.enumerated() {
                    differences.append(
                        XMLDifference(
                            kind: .unexpected, path: path + "/" + child.name + "[\(index + 1)]",
                            found: Self.summary(child),
                            severity: isList || mode == .strict ? .error : .warning))
                }
            } else {
                differences.append(
                    XMLDifference(
                        kind: .type, path: path, expected: "text", found: "child elements (\(Self.summary(actual)))"))
            }
            return
        }
        switch placeholder {
        case .none:
            if golden.value != actual.value {
                differences.append(
                    XMLDifference(kind: .value, path: path, expected: "'\(golden.value)'", found: "'\(actual.value)'"))
            }
        case .failure(let error):
            differences.append(
                XMLDifference(
                    kind: .value, path: path, expected: "a valid placeholder (\(error.text): \(error.reason))",
                    found: "'\(actual.value)'"))
        case .success(let placeholder):
            if !placeholder.matches(actual.value, inputs: inputs) {
                let kind: XMLDifference.Kind
                switch placeholder {
                case .integer, .number, .bool, .timestamp: kind = .type
                default: kind = .value
                }
                differences.append(
                    XMLDifference(
                        kind: kind, path: path, expected: placeholder.expectation(inputs: inputs),
                        found: "'\(actual.value)'"))
            }
        }
    }

    private func compareList(
        _ expected: [XMLTree.Element], _ found: [XMLTree.Element], name: String, path: String, context: ShapeContext,
        unordered: Bool,
        into differences: inout [XMLDifference]
    ) {
        func itemPath(_ index: Int) -> String { "\(path)/\(name)[\(index + 1)]" }
        func differs(_ golden: XMLTree.Element, _ actual: XMLTree.Element) -> [XMLDifference] {
            var result: [XMLDifference] = []
            compare(golden, actual, path: "", context: context, into: &result)
            return result.errors
        }
        if !unordered {
            var pairwise: [XMLDifference] = []
            for index in 0..<min(expected.count, found.count) {
                compare(expected[index], found[index], path: itemPath(index), context: context, into: &pairwise)
            }
            if !pairwise.errors.isEmpty, expected.count == found.count,
                multisetMatch(expected, found, differs: differs).unmatchedGolden.isEmpty
            {
                differences.append(
                    XMLDifference(
                        kind: .order, path: "\(path)/\(name)",
                        expected: expected.map(Self.summary).joined(separator: ", "),
                        found: found.map(Self.summary).joined(separator: ", ")))
                return
            }
            differences += pairwise
            for index in found.count..<max(found.count, expected.count) {
                differences.append(
                    XMLDifference(kind: .missing, path: itemPath(index), expected: Self.summary(expected[index])))
            }
            for index in expected.count..<max(found.count, expected.count) {
                differences.append(
                    XMLDifference(kind: .unexpected, path: itemPath(index), found: Self.summary(found[index])))
            }
            return
        }
        let match = multisetMatch(expected, found, differs: differs)
        if match.unmatchedGolden.count == 1, match.unmatchedActual.count == 1 {
            compare(
                expected[match.unmatchedGolden[0]], found[match.unmatchedActual[0]],
                path: itemPath(match.unmatchedActual[0]), context: context, into: &differences)
            return
        }
        for index in match.unmatchedGolden {
            differences.append(
                XMLDifference(
                    kind: .missing, path: "\(path)/\(name)",
                    expected: Self.summary(expected[index]) + " (unordered list)"))
        }
        for index in match.unmatchedActual {
            differences.append(
                XMLDifference(kind: .unexpected, path: itemPath(index), found: Self.summary(found[index])))
        }
    }

    private func multisetMatch(
        _ expected: [XMLTree.Element], _ found: [XMLTree.Element],
        differs: (XMLTree.Element, XMLTree.Element) -> [XMLDifference]
    ) -> (unmatchedGolden: [Int], unmatchedActual: [Int]) {
        var used = Array(repeating: false, count: found.count)
        var unmatched: [Int] = []
        for (goldenIndex, golden) in expected.enumerated() {
            if let actualIndex = found.indices.first(where: { !used[$0] && differs(golden, found[$0]).isEmpty }) {
                used[actualIndex] = true
            } else {
                unmatched.append(goldenIndex)
            }
        }
        return (unmatched, found.indices.filter { !used[$0] })
    }

    /// A short rendering of an element for messages.
    static func summary(_ element: XMLTree.Element) -> String {
        if element.children.isEmpty {
            let value = element.value.count > 80 ? String(element.value.prefix(80)) + "…" : element.value
            return value.isEmpty ? "<\(element.name)/>" : "<\(element.name)>\(value)</\(element.name)>"
        }
        let names = element.children.prefix(4).map(\.name).joined(separator: ", ")
        return
            "<\(element.name)> with \(element.children.count) child element(s): \(names)\(element.children.count > 4 ? ", …" : "")"
    }
}
