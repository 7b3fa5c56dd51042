/// Small rewrites of a rendered answer result for the answer faults: change the text of every `<Name>` element (or of
/// those inside `<Parent>` elements), or drop every `<Name>` element inside `<Parent>` elements. The emulator renders
/// leaves as `<Name>text</Name>`.
enum ResultText {
    /// `xml` with the text of every leaf `<name>…</name>` replaced by `transform(text)`.
    static func mapValues(of name: String, in xml: String, _ transform: (String) -> String) -> String {
        let open = "<\(name)>"
        let close = "</\(name)>"
        var output = ""
        var rest = Substring(xml)
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            let text = rest[start.upperBound..<end.lowerBound]
            output += rest[..<start.upperBound]
            output += text.contains("<") ? String(text) : transform(String(text))
            output += close
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    /// `xml` with the text of every leaf `<name>…</name>` inside `<parent>` elements replaced by `transform(text)`.
    static func mapValues(
        of name: String, inside parent: String, in xml: String, _ transform: (String) -> String
    ) -> String {
        rewriting(inside: parent, in: xml) { mapValues(of: name, in: String($0), transform) }
    }

    /// `xml` without the leaf `<name>…</name>` elements that sit directly in `<parent>` elements.
    static func removing(_ name: String, inside parent: String, in xml: String) -> String {
        rewriting(inside: parent, in: xml) { removingLeaf(name, from: $0) }
    }

    /// `xml` with the body of every `<parent>` element replaced by `rewrite(body)`.
    private static func rewriting(inside parent: String, in xml: String, _ rewrite: (Substring) -> String) -> String {
        let parentOpen = "<\(parent)>"
        let parentClose = "</\(parent)>"
        var output = ""
        var rest = Substring(xml)
        while let start = rest.range(of: parentOpen), let end = rest[start.upperBound...].range(of: parentClose) {
            output += rest[..<start.upperBound]
            output += rewrite(rest[start.upperBound..<end.lowerBound])
            output += parentClose
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    private static func removingLeaf(_ name: String, from body: Substring) -> String {
        var body = String(body)
        while let start = body.range(of: "<\(name)>"), let end = body[start.upperBound...].range(of: "</\(name)>") {
            body.removeSubrange(start.lowerBound..<end.upperBound)
        }
        if let empty = body.range(of: "<\(name)/>") { body.removeSubrange(empty) }
        return body
    }
}
