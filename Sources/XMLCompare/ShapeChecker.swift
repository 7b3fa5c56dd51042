import ConformanceSpec

/// Checks an answer against the spec's response shape, without a golden: the root and result
/// wrapper, the namespace, member names, required members, scalar types, list member element
/// names, and ResponseMetadata/RequestId; for errors the ErrorResponse/Error/Type/Code/Message envelope.
/// The answer expectations of `Specs/` hold everywhere, whatever a golden says: members `presence: always` must be
/// there, members with `values:` hold one of their vocabulary's values, members with `derive:` follow their template;
/// each such difference carries the member's evidence.
public struct ShapeChecker: Sendable {
    public let spec: ServiceSpec
    public var mode: ComparisonMode
    /// The region the request was signed for, which `{region}` in a derivation stands for (nil: any region-like text).
    public var region: String?

    public init(spec: ServiceSpec, mode: ComparisonMode = .strict, region: String? = nil) {
        self.spec = spec
        self.mode = mode
        self.region = region
    }

    /// Differences between a success answer and the operation's response shape.
    public func checkSuccess(_ tree: XMLTree, operation: OperationSpec) -> [XMLDifference] {
        check(tree, rootName: operation.responseElement, context: .successRoot(operation))
    }

    /// Differences between an error answer and the AWS query error envelope.
    public func checkError(_ tree: XMLTree) -> [XMLDifference] {
        check(tree, rootName: "ErrorResponse", context: .errorRoot)
    }

    private func check(_ tree: XMLTree, rootName: String, context: ShapeContext) -> [XMLDifference] {
        guard tree.root.name == rootName else {
            return [
                XMLDifference(
                    kind: .value, path: "/", expected: "root <\(rootName)>", found: "root <\(tree.root.name)>")
            ]
        }
        var differences: [XMLDifference] = []
        check(tree.root, path: "/" + rootName, context: context, namespace: spec.xmlNamespace, into: &differences)
        return differences
    }

    private func check(
        _ element: XMLTree.Element, path: String, context: ShapeContext, namespace: String,
        into differences: inout [XMLDifference]
    ) {
        if element.namespace != namespace {
            differences.append(
                XMLDifference(
                    kind: .namespace, path: path, expected: namespace, found: element.namespace ?? "no namespace"))
        }
        switch context {
        case .unknown:
            return
        case .scalar(let type):
            if !element.children.isEmpty {
                differences.append(
                    XMLDifference(
                        kind: .type, path: path, expected: type.name,
                        found: "child elements (\(GoldenComparison.summary(element)))"))
                return
            }
            if !Self.fits(element.value, type) {
                differences.append(
                    XMLDifference(kind: .type, path: path, expected: "a \(type.name)", found: "'\(element.value)'"))
            }
        case .list(let list):
            if !element.value.isEmpty && element.children.isEmpty {
                differences.append(
                    XMLDifference(
                        kind: .type, path: path, expected: "a list of <\(list.memberName)>",
                        found: "text '\(element.value)'"))
            }
            let many = element.children.count > 1
            for (index, child) in element.children.enumerated() {
                let childPath = path + "/" + child.name + (many ? "[\(index + 1)]" : "")
                guard child.name == list.memberName else {
                    differences.append(
                        XMLDifference(
                            kind: .unexpected, path: childPath, expected: "<\(list.memberName)> list members",
                            found: "<\(child.name)>"))
                    continue
                }
                check(
                    child, path: childPath, context: ShapeContext(list.member), namespace: namespace, into: &differences
                )
            }
        case .structure(let structure):
            if !element.value.isEmpty && element.children.isEmpty {
                differences.append(
                    XMLDifference(kind: .type, path: path, expected: "a structure", found: "text '\(element.value)'"))
            }
            for member in structure.members where member.required && element.child(member.name) == nil {
                differences.append(
                    XMLDifference(
                        kind: .missing, path: path + "/" + member.name,
                        expected: "<\(member.name)> (\(member.type.name), required)"))
            }
            for member in structure.members
            where member.presence == .always && !member.required && element.child(member.name) == nil {
                differences.append(
                    XMLDifference(
                        kind: .missing, path: path + "/" + member.name,
                        expected: "<\(member.name)> (\(member.type.name), always present)", evidence: member.evidence))
            }
            var seen: [String: Int] = [:]
            for child in element.children {
                seen[child.name, default: 0] += 1
                let childPath = path + "/" + child.name
                guard let member = structure.member(named: child.name) else {
                    differences.append(
                        XMLDifference(
                            kind: .unexpected, path: childPath, expected: nil,
                            found: "<\(child.name)>, which the spec does not know",
                            severity: mode == .strict ? .error : .warning))
                    continue
                }
                if seen[child.name]! == 2 {
                    differences.append(
                        XMLDifference(
                            kind: .unexpected, path: childPath, expected: "one <\(child.name)>", found: "several"))
                }
                check(
                    child, path: childPath, context: ShapeContext(member.type), namespace: namespace, into: &differences
                )
                if case .scalar = ShapeContext(member.type), child.children.isEmpty {
                    checkExpectations(member, child, in: element, path: childPath, into: &differences)
                    for constraint in member.constraints {
                        if case .oneOf(let values) = constraint.kind, !values.contains(child.value) {
                            differences.append(
                                XMLDifference(
                                    kind: .value, path: childPath, expected: "one of \(values.joined(separator: ", "))",
                                    found: "'\(child.value)'"))
                        }
                    }
                }
            }
        }
    }

    /// A scalar member's vocabulary and derivation.
    private func checkExpectations(
        _ member: MemberSpec, _ child: XMLTree.Element, in parent: XMLTree.Element, path: String,
        into differences: inout [XMLDifference]
    ) {
        let value = XMLTree.trimmed(child.value)
        if let vocabulary = member.vocabulary, !vocabulary.contains(value) {
            differences.append(
                XMLDifference(
                    kind: .value, path: path,
                    expected: "a \(vocabulary.name): \(vocabulary.values.joined(separator: ", "))",
                    found: "'\(value)'", evidence: vocabulary.evidence))
        }
        if let derivation = member.derivation {
            var siblings: [String: String] = [:]
            for name in derivation.siblings {
                if let sibling = parent.child(name), sibling.children.isEmpty {
                    siblings[name] = XMLTree.trimmed(sibling.value)
                }
            }
            if !derivation.matches(value, siblings: siblings, region: region) {
                differences.append(
                    XMLDifference(
                        kind: .value, path: path,
                        expected: "text of the form \(derivation.template)"
                            + (region.map { " (region \($0))" } ?? ""),
                        found: "'\(value)'", evidence: member.evidence))
            }
        }
    }

    /// Whether a leaf's text is a valid value of `type` on the wire.
    static func fits(_ value: String, _ type: TypeSpec) -> Bool {
        switch type {
        case .integer: Placeholder.isInteger(value)
        case .double: Placeholder.isNumber(value)
        case .boolean: value == "true" || value == "false"
        case .timestamp: Placeholder.isTimestamp(value)
        default: true
        }
    }
}
