import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

/// Whether a request whose answer was lost may be sent again, from what `resources.yaml` says of its operation:
/// a read always; a create when its kind's describe finds no such resource (or one the run had made before); a
/// delete when the describe still finds the resource (or the run never had it); another change when the reads that
/// show what it acts on (`snapshotReads`, sent first, only where the transport retries) answer as before it;
/// anything else never.
extension QueryClient {
    /// The fate rule of `request` (`RequestFate`), asking the endpoint first where the rule compares before and after.
    func fate(of request: Request) async -> RequestFate {
        let resources = spec.resources
        let operation = request.operation
        if resources.reads(operation) { return .idempotent }
        if let (lifecycle, parameter) = resources.deletion(by: operation) {
            guard case .scalar(let id)? = request.value(at: parameter) else { return Self.namesNothing(operation) }
            return .check { await self.checkDeletion(of: id, lifecycle: lifecycle, by: operation) }
        }
        let creations = resources.creations(by: operation)
        if !creations.isEmpty {
            let existing = await existingBefore(creations, of: request)
            return .check { await self.checkCreation(creations, by: request, existing: existing) }
        }
        if let subject = resources.subject(of: operation), request.value(at: subject.parameter) == nil {
            return Self.namesNothing(operation)
        }
        // Nothing is read before the change where its fate would never be asked.
        guard transport.retriesUnknownFates else {
            return .unknowable("the transport does not resend a change whose answer was lost")
        }
        if namedResources(in: request).isEmpty { return Self.namesNothing(operation) }
        let reads = snapshotReads(for: request)
        guard !reads.isEmpty else {
            return .unknowable(
                "\(operation) names no resource that a read of the spec shows, so whether it took effect cannot be checked"
            )
        }
        let names = reads.map(\.operation).joined(separator: ", ")
        guard let before = await answers(reads) else {
            return .unknowable("\(names) got no answer before \(operation) was sent, so nothing can be compared")
        }
        return .check {
            guard let after = await self.answers(reads) else { return .keep("\(names) got no answer after it") }
            return after == before
                ? .noEffect : .keep("\(names) answered differently than before \(operation): it took effect")
        }
    }

    /// The reads whose answers show what a change made: the describe of the kind it acts on, then up to three reads
    /// that require a parameter naming a resource the request names (the kind's identifier, one `resources.yaml`
    /// knows, or an ARN), sent with that parameter alone; for a request without a kind, reads that merely take it.
    func snapshotReads(for request: Request) -> [Request] {
        let resources = spec.resources
        let subject = resources.subject(of: request.operation)
        let named = namedResources(in: request)
        var reads: [Request] = []
        if let subject, let value = named.first(where: { $0.name == subject.parameter })?.value {
            reads.append(describeRequest(value, subject.lifecycle))
        }
        for operation in spec.operations where resources.reads.contains(operation.name) && reads.count < 4 {
            let required = operation.parameters.members.filter(\.required).map(\.name)
            for (name, value) in named where operation.parameters.member(named: name) != nil {
                let fits = required == [name] || (subject == nil && required.isEmpty)
                let read = Request(operation: operation.name, parameters: [Parameter(name, .scalar(value))])
                if fits, !reads.contains(read) {
                    reads.append(read)
                    break
                }
            }
        }
        return reads
    }

    /// The scalar parameters of `request` that name a resource: the identifier of the kind it acts on, one
    /// `resources.yaml` knows, or an ARN.
    func namedResources(in request: Request) -> [(name: String, value: String)] {
        let resources = spec.resources
        let subject = resources.subject(of: request.operation)
        var named: [(name: String, value: String)] = []
        for parameter in request.parameters {
            guard case .scalar(let value) = parameter.value else { continue }
            if parameter.name == subject?.parameter || value.hasPrefix("arn:")
                || resources.kind(named: parameter.name, in: request.operation) != nil
            {
                named.append((parameter.name, value))
            }
        }
        return named
    }

    /// The answers to `reads` without their request ids, to compare before and after; nil when one got none.
    func answers(_ reads: [Request]) async -> [String]? {
        var result: [String] = []
        for read in reads {
            guard let sent = try? await send(read) else { return nil }
            var body = sent.answer.body
            while let start = body.range(of: "<RequestId>"),
                let end = body.range(of: "</RequestId>", range: start.upperBound..<body.endIndex)
            {
                body.removeSubrange(start.lowerBound..<end.upperBound)
            }
            result.append("\(sent.answer.status) \(body)")
        }
        return result
    }

    /// A request that names no resource of the kind it acts on acts on none: sending it again changes nothing more.
    static func namesNothing(_ operation: String) -> RequestFate { .idempotent }

    /// A delete had no effect when the resource is still listed, or was never one the run had.
    func checkDeletion(of id: String, lifecycle: ResourceLifecycle, by operation: String) async -> FateCheck {
        let describe = lifecycle.describe.operation
        switch await existence(of: id, lifecycle: lifecycle) {
        case .some(true): return .noEffect
        case .some(false):
            guard let ledger, await ledger.contains(lifecycle.kind, id) else { return .noEffect }
            return .keep("\(describe) no longer finds \(id), which the run had made: the \(operation) took effect")
        case nil: return .keep("\(describe) of \(id) could not tell whether it still exists")
        }
    }

    /// What a create names that exists already, asked before it is sent (where the transport retries) for names
    /// without the run's prefix only: the run's own names are in the ledger, others (a reserved `default`) may be
    /// the service's.
    func existingBefore(_ creations: [(kind: ResourceKind, parameter: String)], of request: Request) async -> Set<
        String
    > {
        guard transport.retriesUnknownFates else { return [] }
        var existing: Set<String> = []
        for (kind, parameter) in creations {
            guard let lifecycle = spec.resources.lifecycle(of: kind),
                case .scalar(let id)? = request.value(at: parameter),
                !(resourcePrefix.map { id.lowercased().hasPrefix($0) } ?? false)
            else { continue }
            if await existence(of: id, lifecycle: lifecycle) == true { existing.insert(id) }
        }
        return existing
    }

    /// A create had no effect when none of what it makes exists, or what exists existed before (the run had made
    /// it, or it was found before the create was sent).
    func checkCreation(
        _ creations: [(kind: ResourceKind, parameter: String)], by request: Request, existing: Set<String>
    ) async -> FateCheck {
        for (kind, parameter) in creations {
            guard let lifecycle = spec.resources.lifecycle(of: kind),
                case .scalar(let id)? = request.value(at: parameter)
            else { continue }
            let describe = lifecycle.describe.operation
            switch await existence(of: id, lifecycle: lifecycle) {
            case .some(false): continue
            case .some(true):
                if existing.contains(id) { continue }
                if let ledger, await ledger.contains(kind, id) { continue }
                return .keep(
                    "\(describe) finds \(id), which did not exist before: the \(request.operation) took effect")
            case nil: return .keep("\(describe) of \(id) could not tell whether the \(request.operation) made it")
            }
        }
        return .noEffect
    }

    /// True when the kind's describe lists `id`; false when it answers not-found, lists nothing, or refuses the
    /// identifier (a client error other than throttling: no such resource can be listed); nil when it cannot tell
    /// (no answer, throttling, a server error).
    func existence(of id: String, lifecycle: ResourceLifecycle) async -> Bool? {
        guard let sent = try? await send(describeRequest(id, lifecycle)) else { return nil }
        let tree = try? SafeXMLParser().parse(sent.answer.body)
        if sent.answer.status == 200 { return tree.map { $0.root.descendant(lifecycle.describe.items) != nil } }
        if RetryReason.of(sent.answer) != nil { return nil }
        if (400..<500).contains(sent.answer.status) { return false }
        let code = tree.flatMap(ErrorEnvelope.init)?.code
        return code != nil && code == lifecycle.describe.notFound ? false : nil
    }

    func describeRequest(_ id: String, _ lifecycle: ResourceLifecycle) -> Request {
        Request(
            operation: lifecycle.describe.operation, parameters: [Parameter(lifecycle.describe.identifier, .scalar(id))]
        )
    }
}
