import ConformanceSpec

/// The first departure of one failing or erring case, reduced to what groups it with others: its
/// kind, the class of spec item it concerns, and the concrete item.
struct Departure: Equatable {
    var kind: DepartureKind
    /// The grouping key's item part (`range`, `BacktrackWindow`, an operation name).
    var itemClass: String
    /// The concrete spec item (`Op.Port#range`), or the XPath of an answer departure.
    var item: String
    /// A short stable text of what was wrong (no request ids, times or generated names): the baseline fingerprint's input.
    var signature: String
    /// Where the expectation the case departs from comes from: its leading finding's, else the case's.
    var evidence: Evidence?

    /// The departure of `result`, or nil for a case that passed or was skipped.
    init?(_ result: CaseResult, unimplemented: Set<String> = []) {
        if let operation = UnimplementedOperations.operation(of: result, among: unimplemented) {
            self.init(
                kind: .notImplemented, itemClass: operation, item: operation, signature: "not-implemented:\(operation)")
            evidence = Evidence(
                .documented, source: "botocore's model and the API reference define \(operation)")
            return
        }
        self.init(judging: result)
        switch kind {
        case .setupFailed:
            evidence = Evidence(
                .documented,
                source: "API reference, \(itemClass): the set-up step is a valid request built from the spec")
        case .transportFailure:
            evidence = Evidence(.documented, source: "AWS Query API: every request is answered over HTTP")
        case .stuckState, .unknownState:
            evidence = Evidence(
                .documented, source: "Specs/resources.yaml: the \(itemClass) lifecycle's states and their sources")
        default:
            evidence = Finding.leading(result.findings)?.evidence ?? result.evidence
        }
    }

    private init?(judging result: CaseResult) {
        switch result.verdict {
        case .passed, .skipped:
            return nil
        case .missingGolden:
            self.init(kind: .missingGolden, itemClass: result.operation, item: result.id, signature: "missing-golden")
        case .errored:
            let reason = result.reason ?? ""
            if let wait = StateWait.failure(in: reason) {
                self.init(
                    kind: wait.stuck ? .stuckState : .unknownState, itemClass: wait.kind, item: Self.mainItem(result),
                    signature: "\(wait.stuck ? "stuck" : "unknown-state"):\(wait.kind)")
            } else if let step = UnimplementedOperations.setupOperation(of: result) {
                let status =
                    reason.range(of: "HTTP ").map { String(reason[$0.upperBound...].prefix { $0.isNumber }) } ?? ""
                self.init(
                    kind: .setupFailed, itemClass: step, item: Self.mainItem(result),
                    signature: "setup:\(step):\(status)")
            } else {
                let sort = Self.transportSort(reason)
                self.init(
                    kind: .transportFailure, itemClass: sort, item: Self.mainItem(result),
                    signature: "transport:\(sort)")
            }
        case .failed:
            guard let first = Finding.leading(result.findings) else {
                self.init(
                    kind: .wrongValue, itemClass: result.operation, item: Self.mainItem(result), signature: "failed")
                return
            }
            let expectsError = result.expected.contains("error") || result.expected.contains("4xx")
            let status = result.actualStatus ?? Int(first.found?.prefix { $0.isNumber } ?? "") ?? 0
            let item = Self.mainItem(result)
            let itemKeyword = Self.keyword(of: item, result: result)
            if first.kind == .region {
                // Another region's names in an answer, or the first region's resource listed to the second.
                self.init(kind: .ignoredRegion, itemClass: "region", item: item, signature: "region:\(first.path)")
                return
            }
            // A region case's other departures are about the operation (a missing resource answered with success).
            let keyword = itemKeyword == "region" ? (expectsError ? "exists" : result.operation) : itemKeyword
            switch first.kind {
            case .status:
                if status >= 500 {
                    // A valid request that crashes the server is about its operation, not about the items its values sit at.
                    self.init(
                        kind: .serverError, itemClass: expectsError ? keyword : result.operation,
                        item: expectsError ? item : "\(result.operation) (valid)",
                        signature: "status:\(status)")
                } else if expectsError && (200..<300).contains(status) {
                    self.init(kind: .acceptedInvalid, itemClass: keyword, item: item, signature: "accepted:\(status)")
                } else if !expectsError && (400..<500).contains(status) {
                    let code = first.found.flatMap { Self.code(inFound: $0) } ?? ""
                    self.init(
                        kind: .refusedValid, itemClass: result.operation, item: item,
                        signature: "refused:\(status):\(code)")
                } else {
                    self.init(
                        kind: .wrongStatus, itemClass: keyword, item: item,
                        signature: "status:\(first.expected ?? "")->\(status)")
                }
            case .code:
                self.init(
                    kind: .wrongCode, itemClass: keyword, item: item,
                    signature: "code:\(first.expected ?? "")->\(first.found ?? "")")
            case .paging:
                self.init(
                    kind: .brokenPaging, itemClass: keyword, item: item,
                    signature: "paging:\((first.expected ?? "").prefix { !$0.isNumber })")
            case .notXML:
                self.init(
                    kind: .malformedAnswer, itemClass: expectsError ? keyword : result.operation, item: item,
                    signature: "not-xml:\(status)")
            default:
                let element = Self.element(first.path)
                if first.kind == .namespace {
                    // One namespace for the whole API: every root element with the wrong one is one root cause.
                    self.init(
                        kind: .wrongValue, itemClass: "xmlns", item: "\(result.operation) answer namespace",
                        signature: "namespace:\(first.found ?? "")")
                } else if first.path == "/ErrorResponse/Error/Type" {
                    self.init(
                        kind: .wrongFaultType, itemClass: keyword, item: item,
                        signature: "type:\(first.expected ?? "")->\(first.found ?? "")")
                } else if first.kind == .unexpected {
                    self.init(
                        kind: .unknownElement, itemClass: element, item: Self.normalized(first.path),
                        signature: "unexpected:\(Self.normalized(first.path))")
                } else if first.kind == .missing {
                    self.init(
                        kind: .missingMember, itemClass: element, item: Self.normalized(first.path),
                        signature: "missing:\(Self.normalized(first.path))")
                } else {
                    self.init(
                        kind: .wrongValue, itemClass: element, item: Self.normalized(first.path),
                        signature: "\(first.kind.rawValue):\(Self.normalized(first.path))")
                }
            }
        }
    }

    /// The id of the root cause this departure belongs to: `<kind>/<item class>`.
    var rootCauseId: String { "\(kind.rawValue)/\(itemClass)" }

    /// A stable short fingerprint of how the case departs (kind, item and the gist; no request ids, times or
    /// generated names), for baselines.
    var fingerprint: String { FNV1a.hex("\(kind.rawValue)|\(item)|\(signature)") }

    init(kind: DepartureKind, itemClass: String, item: String, signature: String) {
        self.kind = kind
        self.itemClass = itemClass
        self.item = item
        self.signature = signature
    }

    /// The spec item a case is about: its first constraint, rule or precondition, else its first item, else its operation.
    static func mainItem(_ result: CaseResult) -> String {
        result.covers.first { $0.contains("#") } ?? result.covers.first ?? result.operation
    }

    /// `range` of `Op.Port#range`, `state` of `Op#state:DBClusterIdentifier`; the
    /// family name (QueryProtocol, SigV4) for protocol and signature cases.
    static func keyword(of item: String, result: CaseResult) -> String {
        SpecItemID(item).keyword ?? result.operation
    }

    /// The element an XPath ends on, without index predicates or prefixes.
    static func element(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return String(last.prefix { $0 != "[" }.split(separator: ":").last ?? "")
    }

    /// The XPath without list indexes, so the same member in different list items is one departure.
    static func normalized(_ path: String) -> String {
        path.replacing(/\[[0-9]+\]/, with: "")
    }

    /// The error code in a status finding's `found` text (`400 (InvalidParameterValue: …)`).
    static func code(inFound text: String) -> String? {
        guard let open = text.firstIndex(of: "("), let colon = text[open...].firstIndex(of: ":") else { return nil }
        return String(text[text.index(after: open)..<colon])
    }

    static func transportSort(_ reason: String) -> String {
        let text = reason.lowercased()
        for (needle, sort) in [
            ("timed out", "timeout"), ("timeout", "timeout"), ("refused", "connection-refused"),
            ("reset", "connection-reset"),
            ("closed", "connection-closed"), ("too large", "answer-too-large"),
            ("latestrestorabletime", "run-time-value"), ("tls", "tls"),
        ] where text.contains(needle) {
            return sort
        }
        return "other"
    }
}
