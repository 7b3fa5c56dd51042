import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

extension CaseExecutor {
    /// The most pages a walk follows: a token that never runs out is itself a departure.
    static let pageLimit = 200

    /// Walks every page after `first` (the answer to the case's request) and judges what the walk found against
    /// `walk`. Each later page's answer is judged like the first (status and shape).
    ///
    /// What the paging contract promises when other writers (the run's other cases, or anyone else in the account)
    /// change the list between pages: every page within the limit, a walk that ends, each of the walk's own items
    /// (those its set-up made) exactly once, none of those a filter leaves out. An empty page after a token is a
    /// departure only where nothing else can explain it: in a walk with no items of its own (a catalogue), or when one
    /// of its own items is missing too. Where the walk's own items were all seen, the items that followed the token
    /// may simply have been deleted meanwhile.
    func walkPages(_ walk: PageWalk, request: Request, first: HTTPAnswer) async -> [Finding] {
        var findings: [Finding] = []
        var emptyAfterToken: [Finding] = []
        var seen: [String: Int] = [:]
        var answer = first
        var tokens: Set<String> = []
        var page = 1
        var previousHadToken = false
        let itemPath = "\(request.operation)Result/\(walk.items)"
        while true {
            guard answer.status == 200, let tree = try? SafeXMLParser().parse(answer.body) else { return findings }
            let list = tree.root.descendant(itemPath)
            let members = walk.key.split(separator: "+").map(String.init)
            let ids = (list?.children ?? []).map { item in
                members.map { item.child($0)?.value ?? "" }.joined(separator: "+")
            }
            let onPage = "page \(page)"
            if let limit = walk.limit, ids.count > limit {
                findings.append(
                    Finding(
                        kind: .paging, path: "/\(tree.root.name)/\(itemPath)",
                        expected: "at most \(limit) items ("
                            + "the request's limit) on \(onPage)", found: "\(ids.count) items"))
            }
            if previousHadToken && ids.isEmpty {
                emptyAfterToken.append(
                    Finding(
                        kind: .paging, path: "/\(tree.root.name)/\(itemPath)",
                        expected: "items on \(onPage), since page \(page - 1) sent a token", found: "none"))
            }
            for id in ids { seen[id.lowercased(), default: 0] += 1 }
            let token = tree.root.descendant("\(request.operation)Result/\(walk.token)")?.value ?? ""
            guard !token.isEmpty else { break }
            previousHadToken = true
            guard tokens.insert(token).inserted, page < Self.pageLimit else {
                findings.append(
                    Finding(
                        kind: .paging, path: "/\(tree.root.name)/\(request.operation)Result/\(walk.token)",
                        expected: "a walk that ends", found: "token '\(token.prefix(80))' again on \(onPage)"))
                break
            }
            page += 1
            let next = Request(
                operation: request.operation,
                parameters: request.parameters.filter { $0.name != walk.token } + [
                    Parameter(walk.token, .scalar(token))
                ])
            do {
                answer = try await client.send(next).answer
            } catch {
                findings.append(
                    Finding(
                        kind: .paging, path: "(page \(page))", expected: "an answer to the request for page \(page)",
                        found: error.description))
                return findings
            }
            findings += judge.judge(answer, expectation: .pages(walk: walk), request: next, golden: nil).map {
                finding in
                var onPage = finding
                onPage.path = "(page \(page)) " + finding.path
                return onPage
            }
        }
        // On a shared endpoint other cases' resources come and go (and a resource renamed meanwhile may show under
        // both names): the walk judges repeats of what its set-up made, or of everything when it made nothing.
        let own = Set(walk.includes.map { $0.lowercased() })
        let twice = seen.filter { $0.value > 1 && (own.isEmpty || own.contains($0.key)) }.keys.sorted()
        if !twice.isEmpty {
            findings.append(
                Finding(
                    kind: .paging, path: "/\(walk.items)", expected: "each item once over \(page) page(s)",
                    found: "listed more than once: \(twice.prefix(5).joined(separator: ", "))"))
        }
        let missing = walk.includes.filter { seen[$0.lowercased()] == nil }
        if walk.includes.isEmpty || !missing.isEmpty { findings += emptyAfterToken }
        if !missing.isEmpty {
            findings.append(
                Finding(
                    kind: .paging, path: "/\(walk.items)",
                    expected: "\(walk.includes.count) resource(s) the set-up made, over \(page) page(s)",
                    found: "\(missing.count) missing: \(missing.prefix(5).joined(separator: ", "))"))
        }
        let leaked = walk.excludes.filter { seen[$0.lowercased()] != nil }
        if !leaked.isEmpty {
            findings.append(
                Finding(
                    kind: .paging, path: "/\(walk.items)", expected: "none of \(walk.excludes.joined(separator: ", "))",
                    found: "listed: \(leaked.joined(separator: ", "))"))
        }
        return findings
    }
}
