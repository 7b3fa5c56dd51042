import ConformanceSpec
import Foundation
import QueryProtocol

extension NeptuneEmulator {
    /// One page of `items` for an operation that pages (`paging:` in its spec), and the token of the next page
    /// when more remain; the error answer for a token this emulator never issued. Items are listed in the order
    /// of `key` (lower-cased), and a token names the last key sent (base64 of the operation and the key, so one
    /// operation's token is refused by another): a resource deleted between two pages shifts nothing.
    func page<Item>(_ items: [Item], key: (Item) -> String, of operation: OperationSpec, _ request: Request) -> Page<
        Item
    > {
        let sorted = items.map { (key($0).lowercased(), $0) }.sorted { $0.0 < $1.0 }
        return page(
            count: sorted.count, of: operation, request,
            firstAfter: { last in sorted.firstIndex { $0.0 > last } ?? sorted.count }, key: { sorted[$0].0 },
            items: { sorted[$0].map(\.1) })
    }

    /// One page of the records of `store`, in the order it keeps (the order `page(_:key:of:_:)` sorts a list of
    /// them in by identifier): a binary search for the token's key and the page's records, whatever the store holds.
    func page<Record: StoredRecord>(
        _ store: RecordStore<Record>, of operation: OperationSpec, _ request: Request
    ) -> Page<Record> {
        page(
            count: store.order.count, of: operation, request,
            firstAfter: { last in store.order.partitionPoint { $0.sortKey > last } },
            key: { store.order.element(at: $0).sortKey }, items: { store.ordered($0) })
    }

    /// The page cut of a list of `count` items sorted by key: `firstAfter` finds the position after a token's key,
    /// `key` reads the key at a position and `items` the items of a range of positions.
    func page<Item>(
        count: Int, of operation: OperationSpec, _ request: Request, firstAfter: (String) -> Int,
        key: (Int) -> String, items: (Range<Int>) -> [Item]
    ) -> Page<Item> {
        guard let paging = operation.paging else { return .page(items(0..<count)[...], marker: nil) }
        var offset = 0
        if let token = text(paging.token, request) {
            guard let last = Self.key(inToken: token, operation: operation.name) else {
                return .refused(
                    renderer.error(
                        paging.badTokenError, "The \(paging.token) '\(token)' is not one this service issued."))
            }
            offset = firstAfter(last)
        }
        let limit = text(paging.limit, request).flatMap(Int.init) ?? 100
        let size = min(limit, count - offset)
        var cut = PageCut(offset: offset, size: size, next: offset + size, marker: offset + size < count, total: count)
        for decorator in decorators { decorator.cutting(&cut) }
        let start = max(0, min(cut.offset, count))
        let end = max(start, min(start + cut.size, count))
        let lastSent = min(max(cut.next, 1), count) - 1
        let marker = cut.marker && count > 0 ? Self.token(operation: operation.name, key: key(lastSent)) : nil
        return .page(items(start..<end)[...], marker: marker)
    }

    static func token(operation: String, key: String) -> String {
        Data("\(operation):\(key)".utf8).base64EncodedString()
    }

    static func key(inToken token: String, operation: String) -> String? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            text.hasPrefix(operation + ":")
        else { return nil }
        return String(text.dropFirst(operation.count + 1))
    }

    /// The one writer of a paged list's answer: the operation's output members in the output's order, its paging
    /// token holding the next page's marker (left out when no page follows) and its paged list holding the page's
    /// items, each rendered as its element by `item` (`<List/>` when the page is empty); a refused token's error.
    func pagedAnswer<Item>(_ cut: Page<Item>, of operation: OperationSpec, item: (Item) -> String) -> EmulatorAnswer {
        switch cut {
        case .refused(let refusal): return refusal
        case .page(let items, let marker):
            guard let paging = operation.paging else {
                return renderer.error("InvalidAction", "\(operation.name) has no paging in the spec")
            }
            var xml = ""
            for member in operation.output.members {
                if member.name == paging.token {
                    xml += markerElement(marker, of: operation)
                } else if member.name == paging.items {
                    let name = member.name
                    xml += items.isEmpty ? "<\(name)/>" : "<\(name)>" + items.map(item).joined() + "</\(name)>"
                }
            }
            return renderer.success(action: operation.name, result: xml)
        }
    }

    /// The `<Marker>` element of a page's answer, empty when no more remain.
    func markerElement(_ marker: String?, of operation: OperationSpec) -> String {
        guard let marker, let name = operation.paging?.token else { return "" }
        return "<\(name)>\(AnswerRenderer.escape(marker))</\(name)>"
    }
}

/// A page of items and the next page's token, or the refusal of a token never issued.
enum Page<Item> {
    case page(ArraySlice<Item>, marker: String?)
    case refused(EmulatorAnswer)
}
