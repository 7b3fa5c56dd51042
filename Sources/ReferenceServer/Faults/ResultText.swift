/// Small rewrites of a rendered answer result for the answer faults: change the text of every `<Name>` element,
/// or drop every `<Name>` element inside `<Parent>` elements. The emulator renders leaves as `<Name>text</Name>`.
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

    /// `xml` without the leaf `<name>…</name>` elements that sit directly in `<parent>` elements.
    static func removing(_ name: String, inside parent: String, in xml: String) -> String {
        let parentOpen = "<\(parent)>"
        let parentClose = "</\(parent)>"
        var output = ""
        var rest = Substring(xml)
        while let start = rest.range(of: parentOpen), let end = rest[start.upperBound...].range(of: parentClose) {
            output += rest[..<start.upperBound]
            output += removingLeaf(name, from: rest[start.upperBound..<end.lowerBound])
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
