import CaseGenerator
import ConformanceSpec
import QueryProtocol
import ReferenceServer

/// Which cases a fault's spec items concern, by the id scheme of the cases' `covers` and of
/// `Fault.brokenItems(in:)` (documented on `FaultDecorator`).
///
/// A request *exercises* an item when
/// - the case lists it in `covers`;
/// - `Op.request.Path`: the request is Op's and sends Path (a parameter takes effect only where it is sent);
/// - `Op.Path#lowercased`: the request is Op's and sends Path with an upper-case letter;
/// - `shapes.Shape.Member[#type]`: a success is expected from an operation whose answer holds a Shape;
/// - `envelope.ResponseMetadata.RequestId`: a success is expected;
/// - `errors.Code#aspect`: the error Code is expected;
/// - `service#xmlNamespace`: always (every answer has a namespace).
///
/// A case *reaches* an item when one of its set-up steps exercises it (steps expect successes), or when it
/// accepts any client error and the item is one of a common error (which any request may draw, as the
/// protocol cases' missing `Version` draws MissingParameter): such a case may meet the fault without
/// exercising the item, and may fail, error or pass.
struct FaultReach {
    let spec: ServiceSpec
    let items: [String]

    init(fault: Fault, spec: ServiceSpec) {
        self.spec = spec
        self.items = fault.brokenItems(in: spec)
    }

    init(items: [String], spec: ServiceSpec) {
        self.spec = spec
        self.items = items
    }

    /// The named items `testCase`'s request exercises.
    func exercised(by testCase: TestCase) -> [String] {
        items.filter {
            testCase.covers.contains($0) || exercises(testCase.request, expecting: testCase.expectation, $0)
        }
    }

    /// True when a set-up step of `testCase` exercises one of the named items, or its request may draw a
    /// common error the fault names.
    func isReached(by testCase: TestCase) -> Bool {
        if testCase.expectation == .anyClientError,
            items.contains(where: { Self.errorAspect($0).map { spec.errors[$0.0]?.common == true } ?? false })
        {
            return true
        }
        return testCase.setup.contains { step in
            items.contains { exercises(step.request, expecting: .anySuccess(source: "set-up step"), $0) }
        }
    }

    /// The named items that are no spec item: not in the coverage report's lists and not a well-formed id
    /// of an answer shape member, error, envelope member, namespace or lower-cased parameter of the spec.
    func unknownItems(coverage: Coverage) -> [String] {
        let known = Set(coverage.constraints + coverage.parameters)
        return items.filter { item in
            if known.contains(item) || item == "service#xmlNamespace" || item == "envelope.ResponseMetadata.RequestId" {
                return false
            }
            if let (shape, member) = Self.shapeMember(item) { return spec.shapes[shape]?.member(named: member) == nil }
            if let (code, aspect) = Self.errorAspect(item) {
                return spec.errors[code] == nil || !["code", "status", "type"].contains(aspect)
            }
            if let (operation, path) = Self.lowercased(item) {
                return spec.operation(named: operation)?.parameter(at: path)?.lowercased != true
            }
            return true
        }
    }

    func exercises(_ request: Request, expecting expectation: Expectation, _ item: String) -> Bool {
        let succeeds: Bool
        switch expectation {
        case .success, .anySuccess, .pages: succeeds = true
        case .error, .anyClientError: succeeds = false
        }
        if item == "service#xmlNamespace" { return true }
        if item == "envelope.ResponseMetadata.RequestId" { return succeeds }
        if let (shape, _) = Self.shapeMember(item) {
            return succeeds
                && (spec.operation(named: request.operation).map { Self.holds(shape, in: .structure($0.output)) }
                    ?? false)
        }
        if let (code, _) = Self.errorAspect(item) {
            switch expectation {
            case .error(let expected, _, _, _): return expected == code
            case .anyClientError, .success, .anySuccess, .pages: return false
            }
        }
        if let (operation, path) = Self.lowercased(item) {
            guard operation == request.operation, case .scalar(let text)? = request.value(at: path) else {
                return false
            }
            return text != text.lowercased()
        }
        if let marker = item.range(of: ".request.") {
            return item[..<marker.lowerBound] == request.operation
                && request.value(at: String(item[marker.upperBound...])) != nil
        }
        return false
    }

    /// `shapes.Shape.Member[#keyword]` -> (Shape, Member).
    static func shapeMember(_ item: String) -> (String, String)? {
        guard item.hasPrefix("shapes.") else { return nil }
        let parts = item.dropFirst("shapes.".count).split(separator: "#")[0].split(separator: ".")
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }

    /// `errors.Code#aspect` -> (Code, aspect).
    static func errorAspect(_ item: String) -> (String, String)? {
        guard item.hasPrefix("errors.") else { return nil }
        let parts = item.dropFirst("errors.".count).split(separator: "#")
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }

    /// `Op.Path#lowercased` -> (Op, Path).
    static func lowercased(_ item: String) -> (String, String)? {
        guard item.hasSuffix("#lowercased"), let dot = item.firstIndex(of: ".") else { return nil }
        return (String(item[..<dot]), String(item[item.index(after: dot)...].dropLast("#lowercased".count)))
    }

    /// True when a value of `type` holds a structure named `shape`, at any depth.
    static func holds(_ shape: String, in type: TypeSpec) -> Bool {
        switch type {
        case .structure(let structure):
            structure.shapeName == shape || structure.members.contains { holds(shape, in: $0.type) }
        case .list(let list): holds(shape, in: list.member)
        default: false
        }
    }
}
