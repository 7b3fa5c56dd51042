/// Groups the failing and erring cases of a run into root causes: one per (kind of departure, class
/// of spec item), sorted by the number of cases. Every failing, erring or golden-less case belongs
/// to exactly one root cause: the one of its first departure.
public enum RootCauseAnalysis {
    /// The root causes of `results`, most cases first (ties by id).
    ///
    /// - Parameters:
    ///   - endpoint: the report's endpoint label, for the rerun command.
    ///   - url: the URL requests went to (for curl), when known.
    public static func rootCauses(
        of results: [CaseResult], endpoint: String, url: String?, region: String, signingName: String
    ) -> [RootCause] {
        var order: [String] = []
        var groups: [String: [(result: CaseResult, departure: Departure)]] = [:]
        let unimplemented = UnimplementedOperations.find(in: results)
        for result in results {
            guard let departure = Departure(result, unimplemented: unimplemented) else { continue }
            if groups[departure.rootCauseId] == nil { order.append(departure.rootCauseId) }
            groups[departure.rootCauseId, default: []].append((result, departure))
        }
        let causes = order.map { id -> RootCause in
            let group = groups[id]!
            let departure = group[0].departure
            let members = group.map(\.result)
            let items = Set(group.map(\.departure.item)).sorted()
            let example = members.first { $0.verdict == .failed } ?? members[0]
            var cause = RootCause(
                id: id, title: title(departure, items: items), item: departure.itemClass, kind: departure.kind,
                items: items,
                cases: members.map(\.id),
                example: Self.example(example, endpoint: endpoint, url: url, region: region, signingName: signingName))
            cause.weigh(group.map(\.departure.evidence))
            return cause
        }
        // An operation not implemented at all comes first: it explains every case of it and of what needs it.
        return causes.sorted {
            let (left, right) = ($0.kind == .notImplemented, $1.kind == .notImplemented)
            if left != right { return left }
            return $0.cases.count != $1.cases.count ? $0.cases.count > $1.cases.count : $0.id < $1.id
        }
    }

    /// Departures that no root cause shows because, in every case that has them, another departure comes first
    /// (moto's AllocatedStorage 0 sits behind its unknown BacktrackWindow in every cluster answer): grouped as the
    /// root causes are, each listing the failed cases it hides in; most cases first. `visible` holds the ids of the
    /// run's root causes, which are left out.
    public static func maskedCauses(
        of results: [CaseResult], visible: Set<String>, endpoint: String, url: String?, region: String,
        signingName: String
    ) -> [RootCause] {
        var order: [String] = []
        var groups: [String: [(result: CaseResult, departure: Departure)]] = [:]
        let unimplemented = UnimplementedOperations.find(in: results)
        for result in results where result.verdict == .failed && !unimplemented.contains(result.operation) {
            let leading = Finding.leading(result.findings)
            var seen: Set<String> = []
            // Status, code and XML-ness are facets of the leading departure; what an answer holds is its own.
            let facets: Set<Finding.Kind> = [.status, .code, .notXML, .errored, .provenance]
            for finding in result.findings
            where !finding.warning && finding != leading && !facets.contains(finding.kind) {
                var alone = result
                alone.findings = [finding]
                guard let departure = Departure(alone), !visible.contains(departure.rootCauseId),
                    seen.insert(departure.rootCauseId).inserted
                else { continue }
                if groups[departure.rootCauseId] == nil { order.append(departure.rootCauseId) }
                groups[departure.rootCauseId, default: []].append((alone, departure))
            }
        }
        let causes = order.map { id -> RootCause in
            let group = groups[id]!
            let items = Set(group.map(\.departure.item)).sorted()
            var cause = RootCause(
                id: id, title: title(group[0].departure, items: items), item: group[0].departure.itemClass,
                kind: group[0].departure.kind, items: items, cases: group.map(\.result.id),
                example: Self.example(
                    group[0].result, endpoint: endpoint, url: url, region: region, signingName: signingName))
            cause.weigh(group.map(\.departure.evidence))
            return cause
        }
        // Elements the contract does not know come last: an emulator that answers extra members usually answers many.
        return causes.sorted {
            let (left, right) = ($0.kind == .unknownElement, $1.kind == .unknownElement)
            if left != right { return right }
            return $0.cases.count != $1.cases.count ? $0.cases.count > $1.cases.count : $0.id < $1.id
        }
    }

    /// The id of the root cause `result` belongs to, if it departs.
    public static func rootCauseId(of result: CaseResult) -> String? { Departure(result)?.rootCauseId }

    /// A stable short fingerprint of how `result` departs (kind, item and the departure's gist; no
    /// request ids, times or generated names), for baselines.
    public static func fingerprint(of result: CaseResult) -> String? { Departure(result)?.fingerprint }

    static func title(_ departure: Departure, items: [String]) -> String {
        let names = subjects(items)
        let list = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? " and \(names.count - 4) more" : "")
        let family: String? =
            switch departure.itemClass {
            case "QueryProtocol": "malformed query requests"
            case "SigV4": "requests with missing or bad signatures"
            default: nil
            }
        let broken =
            family ?? "requests that break the `\(departure.itemClass)` \(noun(departure.itemClass)) of \(list)"
        switch departure.kind {
        case .notImplemented:
            return "does not implement \(departure.itemClass) (every case of it got HTTP 5xx, a page that is not XML, "
                + "InvalidAction or no answer)"
        case .acceptedInvalid: return "accepts \(broken)"
        case .refusedValid: return "refuses valid \(departure.itemClass) requests"
        case .serverError:
            return family == nil && items.allSatisfy({ $0.hasSuffix(" (valid)") })
                ? "fails with HTTP 5xx on valid \(departure.itemClass) requests"
                : "fails with HTTP 5xx instead of refusing \(broken)"
        case .wrongCode, .wrongStatus, .wrongFaultType, .malformedAnswer: return "\(departure.kind.phrase) \(broken)"
        case .unknownElement, .missingMember: return "\(departure.kind.phrase) <\(departure.itemClass)>"
        case .wrongValue where departure.itemClass == "xmlns": return "answers in another XML namespace than the API's"
        case .wrongValue: return "answers with a wrong value in <\(departure.itemClass)>"
        case .brokenPaging:
            let what =
                departure.itemClass.hasPrefix("filter:") ? "the `\(departure.itemClass.dropFirst(7))` filter" : "paging"
            return "breaks \(what) of \(list)"
        case .ignoredRegion:
            return
                "ignores the region requests are signed for (another region's resources or names in answers) in \(list)"
        case .transportFailure: return "does not answer: \(departure.itemClass)"
        case .stuckState:
            return "leaves a \(departure.itemClass) stuck: it never reaches the state a set-up step waits for"
        case .unknownState:
            return "answers a \(departure.itemClass) status outside the kind's vocabulary while set-up waits on it"
        case .setupFailed: return "refuses the \(departure.itemClass) set-up step, so cases cannot be judged"
        case .missingGolden: return "has no golden file for \(departure.itemClass) success cases"
        }
    }

    /// What kind of spec item a keyword names.
    static func noun(_ keyword: String) -> String {
        let rules: Set = [
            "exclusive", "atLeastOne", "together", "ordered", "disjointWindows", "forbiddenWhen", "requires",
        ]
        let preconditions: Set = [
            "exists", "absent", "state", "notDeletionProtected", "hasReader", "isReadReplica", "readerOf",
            "hasNoInstances", "restorableTime",
        ]
        if rules.contains(keyword) { return "rule" }
        if preconditions.contains(keyword) { return "precondition" }
        return "constraint"
    }

    /// The parameters (`Port`, `ServerlessV2ScalingConfiguration.MinCapacity`) or, for rules and
    /// preconditions, the operations and parameters the items name, without repeats.
    static func subjects(_ items: [String]) -> [String] {
        var seen: [String] = []
        for item in items {
            let beforeHash = item.split(separator: "#", maxSplits: 1).first.map(String.init) ?? item
            let afterHash = item.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            var subject: String
            if let dot = beforeHash.firstIndex(of: ".") {
                subject = String(beforeHash[beforeHash.index(after: dot)...])
            } else if let colon = afterHash.firstIndex(of: ":") {
                subject = "\(beforeHash).\(afterHash[afterHash.index(after: colon)...])"
            } else {
                subject = beforeHash
            }
            if subject.hasPrefix("request.") { subject.removeFirst("request.".count) }
            if !seen.contains(subject) { seen.append(subject) }
        }
        return seen
    }

    static func example(_ result: CaseResult, endpoint: String, url: String?, region: String, signingName: String)
        -> RootCause.Example
    {
        let curl: String? = {
            guard let url, let body = result.requestBody, !body.hasPrefix("GET ") else { return nil }
            return Reproduction.curl(url: url, region: region, signingName: signingName, body: body)
        }()
        return RootCause.Example(
            caseId: result.id, request: result.requestBody, expected: result.expected,
            actualStatus: result.actualStatus, actualBody: result.actualBody,
            differences: result.findings.map(\.description) + (result.verdict == .errored ? [result.reason ?? ""] : []),
            curl: curl,
            rerun: Reproduction.rerun(caseId: result.id, endpoint: url ?? endpoint))
    }
}

/// 64-bit FNV-1a, as 16 hex digits: a stable fingerprint across runs and platforms (Swift's `Hasher` is seeded per process).
enum FNV1a {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
