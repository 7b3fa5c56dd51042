import ConformanceSpec
import Foundation

/// Repeated reads answered without the actor (`ReadAnswerCache`): which answers are kept, under which key, and when
/// the cache is emptied.
extension NeptuneEmulator {
    /// The operations whose answers are kept: every kind's describe (`resources.yaml`), whose answer is a function of
    /// the stores alone (no clock, no random value but the RequestId) and changes nothing. A transition waiting
    /// anywhere keeps them from the cache, since the next request's `settle()` may complete it.
    static func readsKept(of spec: ServiceSpec) -> Set<String> {
        Set(spec.resources.lifecycles.map(\.describe.operation))
    }

    /// The text a request's parameters are read from: the query string of a GET, or of a POST whose body is not
    /// form-encoded (AWS reads parameters only from form bodies), else the body.
    nonisolated static func form(method: String, query: String, headers: [(String, String)], body: String) -> String {
        if method.uppercased() == "GET" { return query }
        if isNotFormEncoded(headers) { return query }
        return body
    }

    /// True when the request names a content type other than a form's.
    nonisolated static func isNotFormEncoded(_ headers: [(String, String)]) -> Bool {
        guard let contentType = headers.first(where: { RequestRegion.isNamed($0.0, "content-type") })?.1 else {
            return false
        }
        return !RequestRegion.hasLowercasedPrefix(contentType, "application/x-www-form-urlencoded")
    }

    /// The key the cache files this request's answer under, or nil when its answer is never kept: with faults or
    /// signature checks (an answer would depend on more than the stores), and for a POST whose body is not
    /// form-encoded (the account reads would read another text than the operations).
    nonisolated func readKey(method: String, query: String, headers: [(String, String)], body: String)
        -> ReadAnswerCache.Key?
    {
        guard cachesReads else { return nil }
        let isGet = method.uppercased() == "GET"
        if !isGet && Self.isNotFormEncoded(headers) { return nil }
        return ReadAnswerCache.Key(
            region: RequestRegion.of(headers: headers, query: query) ?? configuration.region,
            form: isGet ? query : body)
    }

    /// The answer the emulator would give now to a read it answered before, but for its RequestId; nil when it has to
    /// ask the actor.
    nonisolated func keptAnswer(method: String, query: String, headers: [(String, String)], body: String)
        -> ReadAnswerCache.Entry?
    {
        guard cachesReads, let key = readKey(method: method, query: query, headers: headers, body: body) else {
            return nil
        }
        return readAnswers.entry(for: key)
    }

    /// After the actor has answered a request: a cached read's success answer is kept when no transition waits; any
    /// other operation performed (a change, or a read not kept) empties the cache before its answer leaves the actor.
    /// A request that performed no operation (refused before one, or an account read) leaves the cache as it is: it
    /// changed nothing but by `settle()`, and while the cache holds anything no transition waits (entries are kept
    /// only then, and only an operation starts a transition), so `settle()` has nothing to complete.
    func note(_ answer: EmulatorAnswer, performed: String?, key: () -> ReadAnswerCache.Key?) {
        guard cachesReads, let performed else { return }
        guard cachedReads.contains(performed) else {
            readAnswers.removeAll()
            return
        }
        guard answer.status == 200, !hasWaitingTransitions(), let key = key() else { return }
        readAnswers.store(answer, of: performed, for: key)
    }

    /// True when a transition of some resource in some region, or a global switchover, has not completed yet.
    func hasWaitingTransitions() -> Bool {
        if globalMemberships.values.contains(where: { $0.failover != nil }) || sharedResources.hasPending {
            return true
        }
        return ([store] + parked.values).contains { store in
            !store.clusters.pendingKeys.isEmpty || store.specResources.hasPending
        }
    }
}
