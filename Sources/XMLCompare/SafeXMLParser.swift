internal import CLibXML2

/// Parses XML answers with libxml2, safely: no network, no DTD loading, no entity expansion,
/// no DOCTYPE at all (AWS answers never carry one), and bounds on size and depth.
/// Malformed input is an `XMLParseError` with line and column. Safe to call from many tasks at once.
public struct SafeXMLParser: Sendable {
    public struct Limits: Sendable, Equatable {
        /// Largest document accepted, in bytes.
        public var maxBytes: Int
        /// Deepest element nesting accepted.
        public var maxDepth: Int

        public init(maxBytes: Int = 8 << 20, maxDepth: Int = 128) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    public let limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Parses UTF-8 (or declared-encoding) bytes into an `XMLTree`.
    public func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        if bytes.isEmpty { throw XMLParseError(kind: .empty, message: "the document is empty") }
        if bytes.count > limits.maxBytes {
            throw XMLParseError(
                kind: .tooLarge, message: "the document is \(bytes.count) bytes; the limit is \(limits.maxBytes)")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw XMLParseError(kind: .empty, message: "the document holds only whitespace")
        }
        if let line = Self.doctypeLine(bytes) {
            throw XMLParseError(
                kind: .forbidden,
                message:
                    "the document has a <!DOCTYPE>; AWS answers never carry one, and its entities are not expanded",
                line: line)
        }
        LibXML2.initializeOnce()
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(kind: .malformed, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), "answer.xml", nil, options)
            }
        }
        guard let document else { throw Self.lastError(context) }
        defer { xmlFreeDoc(document) }
        if context.pointee.wellFormed == 0 { throw Self.lastError(context) }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            let line = Int(
                xmlGetLineNo(
                    UnsafeMutableRawPointer(document.pointee.intSubset ?? document.pointee.extSubset)!
                        .assumingMemoryBound(to: xmlNode.self)))
            throw XMLParseError(
                kind: .forbidden,
                message:
                    "the document has a <!DOCTYPE>; AWS answers never carry one, and its entities are not expanded",
                line: line > 0 ? line : nil)
        }
        guard let rootNode = xmlDocGetRootElement(document) else {
            throw XMLParseError(kind: .malformed, message: "the document has no root element")
        }
        return XMLTree(root: try convert(rootNode, depth: 1))
    }

    /// The line of a `<!DOCTYPE` in the prolog (before the root element), if there is one.
    static func doctypeLine(_ bytes: [UInt8]) -> Int? {
        let marker = Array("<!DOCTYPE".utf8)
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "<"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return nil }  // the root element starts
                if bytes.count - index >= marker.count, Array(bytes[index..<index + marker.count]) == marker {
                    return line
                }
            }
            index += 1
        }
        return nil
    }

    /// Parses a string.
    public func parse(_ text: String) throws(XMLParseError) -> XMLTree { try parse(Array(text.utf8)) }

    private func convert(_ node: xmlNodePtr, depth: Int) throws(XMLParseError) -> XMLTree.Element {
        if depth > limits.maxDepth {
            throw XMLParseError(
                kind: .tooDeep, message: "elements nest deeper than \(limits.maxDepth) levels",
                line: Int(xmlGetLineNo(node)))
        }
        var element = XMLTree.Element(name: Self.string(node.pointee.name), line: Int(xmlGetLineNo(node)))
        if let namespace = node.pointee.ns, let href = namespace.pointee.href { element.namespace = Self.string(href) }
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = Self.string(current.pointee.name)
            if let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                element.attributes[name] = Self.string(value)
                nc_xml_free(value)
            }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(try convert(current, depth: depth + 1))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { element.text += Self.string(content) }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE:
                throw XMLParseError(
                    kind: .forbidden,
                    message: "entity reference '&\(Self.string(current.pointee.name));' is not allowed",
                    line: Int(xmlGetLineNo(current)))
            default:
                break  // comments and processing instructions carry no data
            }
            child = current.pointee.next
        }
        return element
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> XMLParseError {
        guard let error = xmlCtxtGetLastError(context) else {
            return XMLParseError(kind: .malformed, message: "the document is not well-formed XML")
        }
        var message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        let kind: XMLParseError.Kind
        if message.contains("Document is empty") || message.contains("Start tag expected") && line <= 1 && column <= 1 {
            kind = .malformed
        } else if message.contains("Excessive depth") || message.contains("depth") {
            kind = .tooDeep
        } else if message.contains("encoding") || message.contains("UTF-8") {
            kind = .encoding
        } else if message.contains("Premature end") || message.contains("EndTag") || message.contains("end of data")
            || message.contains("chunk is not well balanced")
        {
            kind = .truncated
        } else {
            kind = .malformed
        }
        return XMLParseError(
            kind: kind, message: message, line: line > 0 ? line : nil, column: column > 0 ? column : nil)
    }
}

/// libxml2's process-wide set-up, done exactly once.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        // Belt and braces: refuse every external entity or DTD, whatever the options say.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func initializeOnce() { _ = initialized }
}
