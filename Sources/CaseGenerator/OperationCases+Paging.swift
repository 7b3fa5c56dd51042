import ConformanceSpec
import QueryProtocol

extension OperationCases {
    /// For an operation that pages (`paging:`): a walk over every page at the smallest limit the spec allows,
    /// after the set-up made one resource more than a page holds (when the operation lists a resource kind of
    /// `resources.yaml`), and a token the endpoint never issued.
    mutating func pagingCases() -> [TestCase] {
        guard let paging = operation.paging, operation.parameters.member(named: paging.limit) != nil else {
            return []
        }
        let items = paging.items(operation: name)
        let smallest = operation.smallestPage
        var cases: [TestCase] = []
        if let smallest {
            // The operation's required parameters (a parameter listing names its group), and what they need made.
            var (required, fixture) = baseline()
            var made: [String] = []
            let listKind = spec.pagedListKind(of: operation)
            // A list that the run's other cases change while the walk pages (a resource kind, resources named by ARN,
            // the run's history) is walked alone, after them: the walk's verdict is then the endpoint's, never the
            // timing's. Catalogues, which no case changes, are walked beside the other cases.
            let serialWalk = listKind?.changesDuringTheRun ?? false
            switch listKind {
            case .resources(let kind):
                for _ in 0...smallest {
                    if let id = fixture.make(kind, counter: &counter) { made.append(id) }
                }
            case .aboutResourcesNamedByARN(let kind):
                // A list about resources named by ARN (their pending maintenance actions): one more of the kind valid
                // requests name than a page holds, so the walk spans pages; its items are keyed by ARN, which the walk
                // cannot name beforehand, so it judges pages and repeats only.
                for _ in 0...smallest { _ = fixture.make(kind, counter: &counter) }
            case .catalogue, .contents, .runHistory, nil: break
            }
            let walk = PageWalk(
                limit: smallest, token: paging.token, items: paging.items, key: paging.key, includes: made)
            let summary =
                made.isEmpty
                ? "walks every page at \(paging.limit)=\(smallest): no page oversize, a token exactly while more remain, no item twice"
                : "lists \(made.count) new resources at \(paging.limit)=\(smallest): every page at most \(smallest), each resource exactly once"
            cases.append(
                makeCase(
                    "paging/walk-every-page", kind: .stateful,
                    tags: ["paging"] + (serialWalk ? [Scheduling.serial.tag] : []),
                    covers: [items.walk.text],
                    summary: summary, parameters: required + [Parameter(paging.limit, .scalar(String(smallest)))],
                    fixture: fixture, expectation: .pages(walk: walk)))
        }
        let code = paging.badTokenError
        let (tokenRequired, tokenFixture) = baseline()
        cases.append(
            makeCase(
                "\(paging.token)/not-issued", kind: .stateful, tags: ["paging"], covers: [items.badToken.text],
                summary: "\(paging.token) is a token the endpoint never issued",
                parameters: tokenRequired + [Parameter(paging.token, .scalar("not-a-token-this-endpoint-issued"))],
                fixture: tokenFixture, expectation: error(code, inferred: paging.badTokenInferred)))
        return cases
    }

}
