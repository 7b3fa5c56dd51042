import CaseGenerator
import ConformanceSpec
import Foundation
import QueryProtocol
import XMLCompare

/// Turns an actual success answer into a golden: what the request sent becomes `{{input:…}}`, what
/// set-up steps sent and documented defaults stay literal, and every other leaf becomes the
/// placeholder of its type, so the golden says what is contract and nothing that merely varies.
public struct GoldenRecorder: Sendable {
    public let spec: ServiceSpec
    /// The resource-name prefix of the run; values containing it are never literal.
    public let resourcePrefix: String
    /// The kind of endpoint recorded from, for provenance (`embedded`, `loopback`, `remote`).
    public var endpointKind: String
    /// The recording day, for provenance.
    public var day: String

    public init(
        spec: ServiceSpec, resourcePrefix: String, endpointKind: String = "embedded",
        day: String = GoldenRecorder.today()
    ) {
        self.spec = spec
        self.resourcePrefix = resourcePrefix
        self.endpointKind = endpointKind
        self.day = day
    }

    public static func today() -> String { String(ISOTimestamp.format(Date(), fractionalSeconds: false).prefix(10)) }

    public func golden(from tree: XMLTree, for testCase: TestCase) -> String {
        let operation = spec.operation(named: testCase.request.operation)
        let inputs = testCase.request.flattenedInputs.sorted { $0.key < $1.key }
        var setupValues = Set<String>()
        for step in testCase.setup { setupValues.formUnion(step.request.flattenedInputs.values) }
        var defaults: [String: String] = [:]
        for member in operation?.parameters.members ?? [] {
            if let value = member.defaultValue, testCase.request.value(at: member.name) == nil {
                defaults[spec.answerMemberName(setBy: member.name)] = value
            }
        }
        let context: ShapeContext = operation.map { .successRoot($0) } ?? .unknown
        // A describe without an identifier lists whatever else exists on the endpoint: its content is not the case's to fix.
        let describe = spec.resources.lifecycle(describedBy: testCase.request.operation)?.describe
        let unscoped = describe.map { testCase.request.value(at: $0.identifier) == nil } ?? false
        var opaque: Set<String> = unscoped ? [operation?.resultWrapper ?? ""] : []
        // A paged list that is no resource kind's describe is the endpoint's own catalogue (its size and entries are
        // the endpoint's, and a page holds what the limit lets in): present, its content not the case's to fix.
        // A scenario's request asks for what its own steps made (a cluster's events): its list is the case's to fix.
        let isScenario = testCase.tags.contains { $0.hasPrefix("scenario:") }
        let listKind = operation.flatMap(spec.pagedListKind(of:))
        let listsOtherThanResources = listKind.map { if case .resources = $0 { false } else { true } } ?? false
        if listsOtherThanResources, !isScenario, let items = operation?.paging?.items { opaque.insert(items) }
        // Such a list about resources named by ARN (their pending maintenance actions), asked for with nothing but a
        // page size, lists whatever the endpoint holds: whether a further page and its token follow is the endpoint's.
        if case .aboutResourcesNamedByARN = listKind, !isScenario, let operation, let paging = operation.paging,
            testCase.request.parameters.allSatisfy({ [paging.limit, paging.token].contains($0.name) })
        {
            opaque.insert(operation.resultWrapper)
        }
        // A status changes over time (resources.yaml names the status members), even when a set-up step sent its text.
        let statusMembers = Set(spec.resources.lifecycles.compactMap(\.describe.status))
        var xml = ""
        write(tree.root, context: context, member: nil, depth: 0, root: true, parent: "", opaque: opaque, into: &xml) {
            element, type, parent, member in
            let value = element.value
            if element.name == "RequestId" { return "{{string}}" }
            let candidates = inputs.filter {
                Self.input($0.key, canShowAs: element.name, in: operation, of: spec)
                    || spec.resources.namesNewResource($0.key, in: testCase.request.operation, as: element.name)
                    || spec.resources.identifierComesBack($0.key, as: element.name)
            }
            if let match = candidates.first(where: { $0.value == value }) { return "{{input:\(match.key)}}" }
            if let match = candidates.first(where: { $0.value.lowercased() == value && $0.value != value }) {
                return "{{input:\(match.key)|lower}}"
            }
            if !value.contains(resourcePrefix), setupValues.contains(value), !statusMembers.contains(element.name) {
                return value
            }
            // In a scenario a name its set-up gave shows where the story put it (an endpoint's remaining static
            // member): present, though its text is the run's.
            if isScenario, value.contains(resourcePrefix), setupValues.contains(value) { return "{{string}}" }
            if defaults[element.name] == value { return value }
            // A value the document fixes ("always returns 1") is contract, whatever this endpoint answered.
            if let constant = spec.shapes[parent]?.member(named: element.name)?.constant { return constant }
            // The same for a flat result's own members (an operation whose result is no shape of its own).
            if let operation, parent == operation.resultWrapper,
                let constant = operation.output.member(named: element.name)?.constant
            {
                return constant
            }
            // Which member is the writer is state the contract fixes (a failover promotes its target).
            // So is which member of a global cluster is its writer (a switchover moves it).
            if (parent == "DBClusterMember" && element.name == "IsClusterWriter")
                || (parent == "GlobalClusterMember" && element.name == "IsWriter")
            {
                return value
            }
            // A member the spec says every answer carries (`presence: always`) must be there; others may be absent.
            let mark = member?.presence == .always ? "" : "?"
            switch type {
            case .integer: return "{{integer\(mark)}}"
            case .double: return "{{number\(mark)}}"
            case .boolean: return "{{bool\(mark)}}"
            case .timestamp: return "{{timestamp\(mark)}}"
            default: return "{{string\(mark)}}"
            }
        }
        // How many items such a list holds is the endpoint's (an event log grows while other cases run): its token
        // may come back whether or not it came back when this golden was recorded.
        if listsOtherThanResources, let token = operation?.paging?.token, let wrapper = operation?.resultWrapper,
            !xml.contains("<\(token)>"), let range = xml.range(of: "<\(wrapper)>\n")
        {
            xml.insert(contentsOf: "    <\(token)>{{string?}}</\(token)>\n", at: range.upperBound)
        }
        let provenance = GoldenProvenance(
            endpoint: endpointKind, recorded: day, api: spec.apiVersion,
            placeholders: GoldenProvenance.placeholderKinds(in: xml))
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + provenance.comment + "\n" + xml
    }

    /// True when the request value at `key` may come back in an element named `element` (`Port` as `Port`,
    /// `AvailabilityZones.1` as `AvailabilityZone`; by the spec, `DBSubnetGroupName` as the `DBSubnetGroup` its
    /// `setBy:` names, `NewDBClusterIdentifier` as the
    /// `DBClusterIdentifier` it renames, and a `readerOf` instance as `DBInstanceIdentifier`).
    static func input(
        _ key: String, canShowAs element: String, in operation: OperationSpec?, of service: ServiceSpec
    ) -> Bool {
        let parts = key.split(separator: ".").map(String.init)
        guard let last = parts.last else { return false }
        if Int(last) != nil, parts.count >= 2 {
            let list = parts[parts.count - 2]
            // The list's member element name in the spec (`SubnetIds` items come back as `SubnetIdentifier`).
            let listPath = parts.dropLast().joined(separator: ".")
            if case .list(let spec)? = operation?.parameter(at: listPath)?.type, spec.memberName == element {
                return true
            }
            return element == "member" || list.hasPrefix(element)
                || (list.hasSuffix("Ids") && element == String(list.dropLast()))
        }
        if last == element || service.answerMemberName(setBy: last) == element { return true }
        // A copy's `Target…` parameters describe the new resource: `TargetDBParameterGroupDescription` as `Description`.
        if last.hasPrefix("Target"), last.hasSuffix(element), last != "Target" + element { return true }
        guard let operation else { return false }
        if let renamed = operation.parameter(at: key)?.renames, service.answerMemberName(setBy: renamed) == element {
            return true
        }
        return element == "DBInstanceIdentifier" && operation.namesReaderInstance(key)
    }

    /// Writes one element; returns true when it must be present (it holds something the request or set-up
    /// decided, or a member every answer carries). Containers holding nothing mandatory become `{{ignore?}}`, or
    /// `{{ignore}}` when the spec says every answer carries them. `member` is the element's member in its parent's
    /// structure, when the spec has one.
    @discardableResult
    func write(
        _ element: XMLTree.Element, context: ShapeContext, member: MemberSpec?, depth: Int, root: Bool, parent: String,
        opaque: Set<String>, into xml: inout String,
        leaf: (XMLTree.Element, TypeSpec?, String, MemberSpec?) -> String
    ) -> Bool {
        let always = member?.presence == .always
        let indent = String(repeating: "  ", count: depth)
        let namespace = root ? element.namespace.map { " xmlns=\"\(Self.escape($0))\"" } ?? "" : ""
        if opaque.contains(element.name) {
            xml += "\(indent)<\(element.name)\(namespace)>{{ignore}}</\(element.name)>\n"
            return true
        }
        let isContainer: Bool = {
            if case .list = context { true } else if case .structure = context { true } else { false }
        }()
        if element.children.isEmpty {
            var type: TypeSpec?
            if case .scalar(let scalar) = context { type = scalar }
            if isContainer && element.value.isEmpty {
                xml += "\(indent)<\(element.name)\(namespace)>{{ignore\(always ? "" : "?")}}</\(element.name)>\n"
                return always
            }
            let token = leaf(element, type, parent, member)
            xml += "\(indent)<\(element.name)\(namespace)>\(Self.escape(token))</\(element.name)>\n"
            return !Placeholder.isOptional(token)
        }
        var inner = ""
        var mandatory = root
        for child in element.children {
            var childMember: MemberSpec?
            if case .structure(let structure) = context { childMember = structure.member(named: child.name) }
            if write(
                child, context: context.child(child.name), member: childMember, depth: depth + 1, root: false,
                parent: element.name, opaque: opaque, into: &inner, leaf: leaf)
            {
                mandatory = true
            }
        }
        if !mandatory {
            xml += "\(indent)<\(element.name)\(namespace)>{{ignore\(always ? "" : "?")}}</\(element.name)>\n"
            return always
        }
        xml += "\(indent)<\(element.name)\(namespace)>\n" + inner + "\(indent)</\(element.name)>\n"
        return true
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// The golden files of a `Golden/` directory, read once and parsed safely.
public struct GoldenStore: Sendable {
    public let directory: String
    let parser = SafeXMLParser()

    public init(directory: String) { self.directory = directory }

    public func path(for golden: String) -> String { "\(directory)/\(golden).xml" }

    public enum Lookup: Sendable {
        case found(XMLTree, GoldenProvenance?)
        case missing(String)
        case unreadable(String)
    }

    public func load(_ golden: String) -> Lookup {
        let file = path(for: golden)
        guard let data = FileManager.default.contents(atPath: file) else { return .missing(file) }
        do {
            return .found(
                try parser.parse(Array(data)),
                GoldenProvenance.read(from: String(decoding: data.prefix(1024), as: UTF8.self)))
        } catch {
            return .unreadable("\(file): \(error.description)")
        }
    }
}
