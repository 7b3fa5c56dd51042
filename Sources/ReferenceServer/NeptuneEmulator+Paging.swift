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
        guard let paging = operation.paging else { return .page(sorted.map(\.1)[...], marker: nil) }
        var offset = 0
        if let token = text(paging.token, request) {
            guard let last = Self.key(inToken: token, operation: operation.name) else {
                return .refused(
                    renderer.error(
                        paging.badTokenError, "The \(paging.token) '\(token)' is not one this service issued."))
            }
            offset = sorted.firstIndex { $0.0 > last } ?? sorted.count
        }
        let limit = text(paging.limit, request).flatMap(Int.init) ?? 100
        let size = min(limit, sorted.count - offset)
        var cut = PageCut(
            offset: offset, size: size, next: offset + size, marker: offset + size < sorted.count, total: sorted.count)
        for decorator in decorators { decorator.cutting(&cut) }
        let start = max(0, min(cut.offset, sorted.count))
        let end = max(start, min(start + cut.size, sorted.count))
        let lastSent = min(max(cut.next, 1), sorted.count) - 1
        let marker =
            cut.marker && !sorted.isEmpty ? Self.token(operation: operation.name, key: sorted[lastSent].0) : nil
        return .page(sorted[start..<end].map(\.1)[...], marker: marker)
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
