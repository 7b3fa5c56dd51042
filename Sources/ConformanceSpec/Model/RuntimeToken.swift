/// A run-time token in spec or case text: a value only the endpoint can supply, which the runner fills in just
/// before sending. This is the one grammar of such tokens; the scenario reader checks a scenario's with it, and
/// QueryProtocol's `RuntimeValue` reads a case's with it:
///
///     token     = "{{" head ":" argument "}}"
///     head      = "account" | "catalogue" | member
///     member    = an ASCII capital, then ASCII letters            (DBClusterArn, LatestRestorableTime)
///     argument  = one or more characters other than "{" and "}"  (nc-c1, SubnetId.1, EngineVersion)
///               | "{{" name "}}"                                 (a member token's resource in a scenario: `c`)
///     name      = `Scenario.isName`: a lower-case letter, then lower-case letters and digits
///
/// Heads are ASCII because the members they name are wire names of the service model, all ASCII; a capital of
/// another script starts no token, so `{{Ä:x}}` is ordinary text everywhere.
public struct RuntimeToken: Sendable, Hashable {
    /// What the token asks for.
    public enum Head: Sendable, Hashable {
        /// A resource of the target's account the suite cannot make (`{{account:SubnetId.1}}`).
        case account
        /// A valid value of a catalogue of the spec (`{{catalogue:EngineVersion}}`, `catalogues.yaml`).
        case catalogue
        /// A member of a resource's describe answer (`{{DBClusterArn:nc-c1}}`, `resources.yaml` `runtimeMembers`).
        case member(String)
    }

    /// What the token names: a resource's identifier or an account resource's or catalogue's name, or in a
    /// scenario a `{{name}}` reference to a resource the scenario makes, which case generation fills in.
    public enum Argument: Sendable, Hashable {
        case text(String)
        case reference(String)
    }

    public var head: Head
    public var argument: Argument

    public init(head: Head, argument: Argument) {
        self.head = head
        self.argument = argument
    }

    /// The token as text, as `tokens(in:)` reads it back.
    public var text: String {
        let head =
            switch head {
            case .account: "account"
            case .catalogue: "catalogue"
            case .member(let member): member
            }
        switch argument {
        case .text(let text): return "{{\(head):\(text)}}"
        case .reference(let name): return "{{\(head):{{\(name)}}}}"
        }
    }

    /// Every token of `text`, in order (none in ordinary text; `{{c}}` alone is a reference, not a token).
    public static func tokens(in text: String) -> [RuntimeToken] {
        var found: [RuntimeToken] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if let (token, after) = leading(rest[open.lowerBound...]) {
                found.append(token)
                rest = after
            } else {
                rest = rest[rest.index(after: open.lowerBound)...]
            }
        }
        return found
    }

    /// The token `text` starts with and the text after it, or nil when `text` starts with none.
    public static func leading(_ text: Substring) -> (token: RuntimeToken, rest: Substring)? {
        guard text.hasPrefix("{{") else { return nil }
        let afterOpen = text.dropFirst(2)
        guard let colon = afterOpen.firstIndex(of: ":") else { return nil }
        let word = afterOpen[..<colon]
        let head: Head
        switch word {
        case "account": head = .account
        case "catalogue": head = .catalogue
        default:
            guard isMember(word) else { return nil }
            head = .member(String(word))
        }
        let afterColon = afterOpen[afterOpen.index(after: colon)...]
        if case .member = head, afterColon.hasPrefix("{{") {
            let inner = afterColon.dropFirst(2)
            guard let close = inner.range(of: "}}"), Scenario.isName(String(inner[..<close.lowerBound])),
                inner[close.upperBound...].hasPrefix("}}")
            else { return nil }
            let name = String(inner[..<close.lowerBound])
            return (RuntimeToken(head: head, argument: .reference(name)), inner[close.upperBound...].dropFirst(2))
        }
        guard let close = afterColon.range(of: "}}") else { return nil }
        let argument = afterColon[..<close.lowerBound]
        guard !argument.isEmpty, !argument.contains("{"), !argument.contains("}") else { return nil }
        return (RuntimeToken(head: head, argument: .text(String(argument))), afterColon[close.upperBound...])
    }

    /// True when the whole of `text` is one `{{account:NAME}}` token.
    public static func isAccountToken(_ text: String) -> Bool {
        guard let (token, rest) = leading(Substring(text)) else { return false }
        return token.head == .account && rest.isEmpty
    }

    /// True for a member head: an ASCII capital, then ASCII letters.
    static func isMember(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return word.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }

    /// The first `{{` of scenario text that starts neither a token nor a `{{name}}` reference (a token left open,
    /// a head that is no member), with what follows it; nil when every `{{` does.
    public static func unreadable(in text: String) -> Substring? {
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let here = rest[open.lowerBound...]
            if let (_, after) = leading(here) {
                rest = after
                continue
            }
            let inner = here.dropFirst(2)
            guard let close = inner.range(of: "}}"), Scenario.isName(String(inner[..<close.lowerBound])) else {
                return here
            }
            rest = inner[close.upperBound...]
        }
        return nil
    }
}
