import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

/// Whether a request whose answer was lost may be sent again, from what `resources.yaml` says of its operation:
/// a read always; a create when its kind's describe finds no such resource (or one the run had made before); a
/// delete when the describe still finds the resource (or the run never had it); another change of a resource
/// when the describe shows the resource as it was before the request (a describe taken first, only where the
/// transport retries); anything else never.
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
            return .check { await self.checkCreation(creations, by: request) }
        }
        guard let (lifecycle, parameter) = resources.subject(of: operation) else {
            return .unknowable(
                "\(operation) changes what no describe of resources.yaml shows, so whether it took effect cannot be checked"
            )
        }
        guard case .scalar(let id)? = request.value(at: parameter) else { return Self.namesNothing(operation) }
        guard transport.retriesUnknownFates else { return .unknowable("the transport does not retry") }
        guard let before = await describe(id, of: lifecycle) else {
            return .unknowable("\(lifecycle.describe.operation) of \(id) got no answer before \(operation) was sent")
        }
        return .check {
            guard let after = await self.describe(id, of: lifecycle) else {
                return .keep("\(lifecycle.describe.operation) of \(id) got no answer after it")
            }
            return after == before
                ? .noEffect
                : .keep("\(lifecycle.describe.operation) shows \(id) changed since before \(operation): it took effect")
        }
    }

    static func namesNothing(_ operation: String) -> RequestFate {
        .unknowable("this \(operation) names no resource, so its effect cannot be looked up")
    }

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

    /// A create had no effect when none of what it makes exists, or what exists the run had made before.
    func checkCreation(_ creations: [(kind: ResourceKind, parameter: String)], by request: Request) async -> FateCheck {
        for (kind, parameter) in creations {
            guard let lifecycle = spec.resources.lifecycle(of: kind),
                case .scalar(let id)? = request.value(at: parameter)
            else { continue }
            let describe = lifecycle.describe.operation
            switch await existence(of: id, lifecycle: lifecycle) {
            case .some(false): continue
            case .some(true):
                if let ledger, await ledger.contains(kind, id) { continue }
                return .keep(
                    "\(describe) finds \(id), which did not exist before: the \(request.operation) took effect")
            case nil: return .keep("\(describe) of \(id) could not tell whether the \(request.operation) made it")
            }
        }
        return .noEffect
    }

    /// True when the kind's describe lists `id`, false when it answers not-found or lists nothing; nil when it
    /// cannot tell (no answer, another error).
    func existence(of id: String, lifecycle: ResourceLifecycle) async -> Bool? {
        guard let sent = try? await send(describeRequest(id, lifecycle)) else { return nil }
        let tree = try? SafeXMLParser().parse(sent.answer.body)
        if sent.answer.status == 200 { return tree.map { $0.root.descendant(lifecycle.describe.items) != nil } }
        if sent.answer.status == 404 { return false }
        let code = tree.flatMap(ErrorEnvelope.init)?.code
        return code != nil && code == lifecycle.describe.notFound ? false : nil
    }

    /// The kind's describe answer for `id` without its request id, to compare before and after; nil without one.
    func describe(_ id: String, of lifecycle: ResourceLifecycle) async -> String? {
        guard let sent = try? await send(describeRequest(id, lifecycle)) else { return nil }
        var body = sent.answer.body
        while let start = body.range(of: "<RequestId>"),
            let end = body.range(of: "</RequestId>", range: start.upperBound..<body.endIndex)
        {
            body.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return "\(sent.answer.status) \(body)"
    }

    func describeRequest(_ id: String, _ lifecycle: ResourceLifecycle) -> Request {
        Request(
            operation: lifecycle.describe.operation, parameters: [Parameter(lifecycle.describe.identifier, .scalar(id))]
        )
    }
}
