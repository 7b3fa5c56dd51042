import ConformanceSpec
import XMLCompare

/// Makes the target's answers comparable with the reference's. Request ids and timestamps become the comparison's
/// placeholders in the reference's answer (the template). Identifiers an endpoint makes up (resource ids, the hash
/// in a host name, numbers it counts) are paired: where the two answers hold a made-up identifier at the same place,
/// the pair is kept for the rest of the sequence and the target's is written as the reference's. An endpoint that
/// keeps its own identifiers consistently then reads the same; one that answers another identifier where it had
/// answered this one before (or this one for another resource) shows a difference.
public struct AnswerNormaliser: Sendable, Equatable {
    /// Reference identifier → target identifier, and back, kept apart per region (an endpoint may count its
    /// identifiers per region, so two regions' first clusters may share one).
    private var forward: [String: String] = [:]
    private var backward: [String: String] = [:]
    /// The region of the answers being aligned; part of every key.
    public var scope = ""

    public init() {}

    /// The reference's answer as a template: request ids and timestamps as placeholders.
    public func template(_ element: XMLTree.Element) -> XMLTree.Element {
        var copy = element
        if element.children.isEmpty {
            if element.name == "RequestId" {
                copy.text = "{{string}}"
            } else if ISOTimestamp.parse(element.value) != nil {
                copy.text = "{{timestamp}}"
            } else if Self.isClockText(element.value) {
                copy.text = "{{string}}"
            }
            return copy
        }
        copy.children = element.children.map(template)
        return copy
    }

    /// A time written as text (`Mon Dec 07 15:36:50 UTC 2026`, an event subscription's creation time): when the
    /// endpoint made it, which two endpoints never share to the second.
    static func isClockText(_ text: String) -> Bool {
        text.range(
            of: #"^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} [A-Z]{2,5} \d{4}$"#,
            options: .regularExpression)
            != nil
    }

    /// The target's answer with each made-up identifier that stands where the reference's answer has one written
    /// as the reference's, when that pairing agrees with the ones kept so far.
    public mutating func align(_ target: XMLTree.Element, with reference: XMLTree.Element) -> XMLTree.Element {
        var copy = target
        if target.children.isEmpty && reference.children.isEmpty {
            copy.text = pair(target.value, with: reference.value)
            return copy
        }
        var seen: [String: Int] = [:]
        for index in copy.children.indices {
            let name = copy.children[index].name
            let position = seen[name, default: 0]
            seen[name] = position + 1
            let matches = reference.children(named: name)
            guard position < matches.count else { continue }
            copy.children[index] = align(copy.children[index], with: matches[position])
        }
        return copy
    }

    /// `target` with its made-up runs replaced by the reference's at the same positions, where the text around them
    /// is the same and each pair is new or already kept.
    mutating func pair(_ target: String, with reference: String) -> String {
        let mine = Self.runs(target)
        let theirs = Self.runs(reference)
        guard mine.count == theirs.count else { return target }
        var result = ""
        // A run is known by what stands before it since the last run (`subnet-`, `vpc-`, `cluster-`): an endpoint may
        // use one made-up text for several things another endpoint tells apart.
        var context = scope
        for (one, two) in zip(mine, theirs) {
            // The reference's run decides: the target's may be shorter (moto's eight hex digits).
            guard two.generated == (one.generated || (two.generated && Self.looksMadeUp(one.text))) else {
                return target
            }
            if !two.generated {
                guard one.text == two.text else { return target }
                result += one.text
                context = one.isRun ? scope + one.text : context + one.text
                continue
            }
            switch (backward[context + one.text], forward[context + two.text]) {
            case (nil, nil):
                backward[context + one.text] = two.text
                forward[context + two.text] = one.text
                result += two.text
            case (let known?, _) where known == two.text: result += two.text
            default: result += one.text
            }
            context = scope
        }
        return result
    }

    /// The text cut into runs of letters and digits and what lies between them, each run marked when it looks made up.
    static func runs(_ text: String) -> [(text: String, generated: Bool, isRun: Bool)] {
        var parts: [(text: String, generated: Bool, isRun: Bool)] = []
        var run = ""
        var other = ""
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if !other.isEmpty {
                    parts.append((other, false, false))
                    other = ""
                }
                run.append(character)
            } else {
                if !run.isEmpty {
                    parts.append((run, looksGenerated(run), true))
                    run = ""
                }
                other.append(character)
            }
        }
        if !run.isEmpty { parts.append((run, looksGenerated(run), true)) }
        if !other.isEmpty { parts.append((other, false, false)) }
        return parts
    }

    /// Pairs each made-up run of `reference` with the run at the same place in `target`, before any answer is seen
    /// (the two endpoints' own account resources: subnets, role and topic ARNs).
    public mutating func preset(_ target: String, as reference: String) { _ = pair(target, with: reference) }

    /// Six or more letters and digits with a digit among them: what may stand where the reference has a made-up run.
    static func looksMadeUp(_ run: String) -> Bool { run.count >= 6 && run.contains { $0.isNumber } }

    /// Ten or more letters and digits with a digit among them (`ABCD1234EFGH`, `c1a2b3c4d5e6`, `003701495151`), or
    /// sixteen or more capitals: what endpoints make up, and no word or version the spec sends.
    static func looksGenerated(_ run: String) -> Bool {
        guard run.count >= 10 else { return false }
        if run.contains(where: { $0.isNumber }) { return true }
        return run.count >= 16 && run.allSatisfy { $0.isUppercase || $0.isNumber }
    }
}
