import Foundation

/// The answers to repeated reads, which `ReferenceServer` sends without a hop to the emulator actor: the emulator
/// publishes each answer it gave to a read whose answer is a function of the stores alone (`NeptuneEmulator.readsKept(of:)`)
/// while no transition is waiting, and empties the cache on every other request, before that request's answer leaves
/// the actor. A reader on another thread sees either the entries of the state it asked of or none (then it asks the
/// actor), so an answer from here is the answer the actor would give at some instant between the request and its
/// answer. Entries are kept without their RequestId, which each answer gets anew.
final class ReadAnswerCache: @unchecked Sendable {
    /// A read as the emulator tells reads apart: the region whose store answers it and its form-encoded parameters.
    struct Key: Hashable, Sendable {
        var region: String
        var form: String
    }

    /// A success answer cut around its RequestId: `head` ends with `<RequestId>`, `tail` starts with `</RequestId>`.
    struct Entry: Sendable {
        var status: Int
        var contentType: String
        var head: String
        var tail: String

        /// The answer with `requestId` between its two parts.
        func answer(requestId: String) -> EmulatorAnswer {
            var body = ""
            body.reserveCapacity(head.utf8.count + requestId.utf8.count + tail.utf8.count)
            body += head
            body += requestId
            body += tail
            return EmulatorAnswer(status: status, contentType: contentType, body: body)
        }
    }

    /// At most this many entries, and this many bytes of answers: past either, the cache starts over.
    static let entryLimit = 512
    static let byteLimit = 8 << 20

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var bytes = 0
    private var hitCount = 0

    /// The answer kept for `key`, if any; counts a hit.
    func entry(for key: Key) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        hitCount += 1
        return entry
    }

    /// Keeps `answer` to `action` for `key` when it is a success answer ending in its RequestId, as `AnswerRenderer`
    /// writes it.
    func store(_ answer: EmulatorAnswer, of action: String, for key: Key) {
        guard let entry = Self.entry(cutting: answer, of: action) else { return }
        let size = key.form.utf8.count + entry.head.utf8.count + entry.tail.utf8.count
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= Self.entryLimit || bytes + size > Self.byteLimit {
            entries.removeAll()
            bytes = 0
        }
        if let old = entries.updateValue(entry, forKey: key) {
            bytes -= key.form.utf8.count + old.head.utf8.count + old.tail.utf8.count
        }
        bytes += size
    }

    /// Forgets every answer.
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        guard !entries.isEmpty else { return }
        entries.removeAll()
        bytes = 0
    }

    /// The answers kept now.
    var count: Int { lock.withLock { entries.count } }

    /// How many answers were sent from here (for tests: that the cache answered at all).
    var hits: Int { lock.withLock { hitCount } }

    /// `answer` cut around its RequestId, or nil when it is not a success answer to `action` that ends
    /// `<RequestId>`, 36 characters, `</RequestId></ResponseMetadata></ACTIONResponse>` and a line break.
    static func entry(cutting answer: EmulatorAnswer, of action: String) -> Entry? {
        let body = answer.body.utf8
        let tail = "</RequestId></ResponseMetadata></\(action)Response>\n"
        guard answer.status == 200, body.count > tail.utf8.count + 36,
            body.suffix(tail.utf8.count).elementsEqual(tail.utf8)
        else { return nil }
        let head = body.dropLast(tail.utf8.count + 36)
        guard head.suffix(11).elementsEqual("<RequestId>".utf8) else { return nil }
        return Entry(
            status: answer.status, contentType: answer.contentType, head: String(Substring(head)), tail: tail)
    }
}
