import Foundation

/// A parsed XML document as a plain Swift value (no C pointers), safe to share between tasks.
public struct XMLTree: Sendable, Equatable {
    public var root: Element

    public init(root: Element) { self.root = root }

    /// One element: its qualified name, namespace, attributes, text and child elements.
    public struct Element: Sendable, Equatable {
        /// The local name (without a prefix).
        public var name: String
        /// The namespace URI, or nil when the element is in no namespace.
        public var namespace: String?
        public var attributes: [String: String]
        /// The concatenated text (and CDATA) directly inside this element, untrimmed.
        public var text: String
        public var children: [Element]
        /// 1-based line in the source document (0 when built in code).
        public var line: Int

        public init(
            name: String, namespace: String? = nil, attributes: [String: String] = [:], text: String = "",
            children: [Element] = [], line: Int = 0
        ) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.text = text
            self.children = children
            self.line = line
        }

        /// The first child element with this local name.
        public func child(_ name: String) -> Element? { children.first { $0.name == name } }

        /// Every child element with this local name.
        public func children(named name: String) -> [Element] { children.filter { $0.name == name } }

        /// The text with surrounding whitespace removed (the value of a leaf in data XML).
        public var value: String { XMLTree.trimmed(text) }

        /// The descendant at a slash-separated path of local names (`Error/Code`).
        public func descendant(_ path: String) -> Element? {
            var current: Element? = self
            for part in path.split(separator: "/") { current = current?.child(String(part)) }
            return current
        }
    }
}

extension XMLTree {
    /// `text` without surrounding XML whitespace (space, tab, CR, LF); cheap when there is none.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = utf8.first, let last = utf8.last else { return text }
        if !isSpace(first) && !isSpace(last) { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}
