import Foundation

extension APIDocument {
    /// Reads every operation section (`Name (updated) Link`) of the document.
    /// - Throws: `APIDocument.ParseError` when a syntax block cannot be read.
    public static func parse(_ text: String) throws(ParseError) -> APIDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var starts: [(name: String, line: Int)] = []
        for (index, line) in lines.enumerated() {
            let normalized = line.replacingOccurrences(of: "\u{00A0}", with: " ")
            guard let range = normalized.range(of: " (updated) Link") else { continue }
            let name = String(normalized[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !name.contains(" ") { starts.append((name, index)) }
        }
        if starts.isEmpty {
            throw ParseError(line: 1, message: "no operation sections ('<Operation> (updated) Link') found")
        }
        var operations: [Operation] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].line : lines.count
            operations.append(try parseOperation(name: start.name, lines: lines, from: start.line, to: end))
        }
        return APIDocument(operations: operations)
    }

    private static func parseOperation(name: String, lines: [String], from: Int, to: Int) throws(ParseError)
        -> Operation
    {
        func find(_ marker: String, after: Int) -> Int? {
            (after..<to).first { lines[$0].trimmingCharacters(in: .whitespaces) == marker }
        }
        guard let requestMarker = find("Request Syntax", after: from) else {
            throw ParseError(line: from + 1, message: "\(name): no 'Request Syntax' block")
        }
        guard let callLine = (requestMarker..<to).first(where: { lines[$0].hasPrefix("client.") }),
            let callEnd = (callLine..<to).first(where: { lines[$0] == ")" })
        else {
            throw ParseError(
                line: requestMarker + 1, message: "\(name): the request syntax has no 'client.…(' … ')' call")
        }
        let callText = lines[callLine...callEnd].joined(separator: "\n")
        guard let open = callText.firstIndex(of: "(") else {
            throw ParseError(line: callLine + 1, message: "no '(' in the call")
        }
        var requestParser = PythonLiteralParser(
            text: String(callText[callText.index(after: open)...]), firstLine: callLine + 1)
        let parameters = try requestParser.keywordArguments()

        guard let responseMarker = find("Response Syntax", after: callEnd),
            let dictStart = (responseMarker..<to).first(where: { lines[$0] == "{" }),
            let dictEnd = (dictStart..<to).first(where: { lines[$0] == "}" })
        else { throw ParseError(line: callEnd + 1, message: "\(name): no 'Response Syntax' dictionary") }
        var responseParser = PythonLiteralParser(
            text: lines[dictStart...dictEnd].joined(separator: "\n"), firstLine: dictStart + 1)
        guard case .structure(let response) = try responseParser.value() else {
            throw ParseError(line: dictStart + 1, message: "\(name): the response syntax is not a dictionary")
        }

        var required: Set<String> = []
        var unsupported: Set<String> = []
        var documented: [String: DocumentedConstraints] = [:]
        for index in callEnd..<min(to, responseMarker) where lines[index].hasPrefix("param ") {
            let parameter = String(lines[index].dropFirst("param ".count)).trimmingCharacters(in: .whitespaces)
            // The whole text, bullets included, up to the next parameter's `type` line (scalars only: a structure's
            // text holds its members' constraints).
            let type = parameters.first { $0.name == parameter }?.type
            if type?.holdsOneValueKind ?? false {
                let text = lines[(index + 1)..<min(to, responseMarker)].prefix {
                    !$0.hasPrefix("type ") && $0 != "rtype" && !$0.hasPrefix("param ")
                }
                let constraints = DocumentedConstraints.read(lines: Array(text))
                if !constraints.isEmpty { documented[parameter] = constraints }
            }
            var body: [String] = []
            var cursor = index + 1
            while cursor < responseMarker, !lines[cursor].hasPrefix("type "), lines[cursor] != "rtype",
                !lines[cursor].hasPrefix("  •")
            {
                body.append(lines[cursor])
                cursor += 1
            }
            let paragraph = body.joined(separator: " ")
            if paragraph.contains("[REQUIRED]") { required.insert(parameter) }
            if paragraph.range(of: "not (currently )?supported", options: [.regularExpression, .caseInsensitive]) != nil
            {
                unsupported.insert(parameter)
            }
        }
        return Operation(
            name: name, line: from + 1, parameters: parameters, response: response, requiredParameters: required,
            unsupportedParameters: unsupported, documentedConstraints: documented)
    }
}

/// A reader for the Python literals of the document's syntax blocks:
/// `'string'`, `123`, `123.0`, `True|False`, `datetime(2015, 1, 1)`, `[ … ]`, `{ 'Key': … }`, `Name=…`.
struct PythonLiteralParser {
    private let characters: [Character]
    private var index = 0
    private var line: Int

    init(text: String, firstLine: Int) {
        characters = Array(text)
        line = firstLine
    }

    private func fail(_ message: String) -> APIDocument.ParseError {
        APIDocument.ParseError(line: line, message: message)
    }

    private mutating func skipSpace() {
        while index < characters.count, characters[index].isWhitespace {
            if characters[index] == "\n" { line += 1 }
            index += 1
        }
    }

    private mutating func peek() -> Character? {
        skipSpace()
        return index < characters.count ? characters[index] : nil
    }

    private mutating func expect(_ character: Character) throws(APIDocument.ParseError) {
        guard peek() == character else { throw fail("expected '\(character)'") }
        index += 1
    }

    private mutating func word() -> String {
        skipSpace()
        var result = ""
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || "_.|".contains(characters[index])
        {
            result.append(characters[index])
            index += 1
        }
        return result
    }

    private mutating func quoted() throws(APIDocument.ParseError) -> String {
        try expect("'")
        var result = ""
        while index < characters.count, characters[index] != "'" {
            result.append(characters[index])
            index += 1
        }
        try expect("'")
        return result
    }

    /// `Name=value, …` up to the closing `)`.
    mutating func keywordArguments() throws(APIDocument.ParseError) -> [APIDocument.Member] {
        var members: [APIDocument.Member] = []
        while peek() != ")" {
            let name = word()
            if name.isEmpty { throw fail("expected a parameter name") }
            try expect("=")
            members.append(APIDocument.Member(name: name, type: try value()))
            if peek() == "," { index += 1 }
        }
        return members
    }

    mutating func value() throws(APIDocument.ParseError) -> APIDocument.MemberType {
        switch peek() {
        case "'":
            let text = try quoted()
            guard text == "string" else { throw fail("expected 'string', found '\(text)'") }
            return .scalar("string")
        case "[":
            index += 1
            let member = try value()
            if peek() == "," { index += 1 }
            try expect("]")
            return .list(member)
        case "{":
            index += 1
            var members: [APIDocument.Member] = []
            while peek() != "}" {
                let name = try quoted()
                try expect(":")
                members.append(APIDocument.Member(name: name, type: try value()))
                if peek() == "," { index += 1 }
            }
            try expect("}")
            return .structure(members)
        case nil:
            throw fail("unexpected end of the syntax block")
        default:
            let token = word()
            switch token {
            case "True|False": return .scalar("boolean")
            case "datetime":
                try expect("(")
                while index < characters.count, characters[index] != ")" { index += 1 }
                try expect(")")
                return .scalar("timestamp")
            default:
                if Int(token) != nil { return .scalar("integer") }
                if Double(token) != nil { return .scalar("double") }
                throw fail("unexpected '\(token.isEmpty ? String(characters[index]) : token)'")
            }
        }
    }
}
