import Foundation
import Testing
import XMLCompare

/// Hostile or broken answers: each is a clean error, never a crash, a file read, a network fetch
/// or unbounded memory.
@Suite struct HostileInputTests {
    let parser = SafeXMLParser()

    func parseError(_ bytes: [UInt8]) -> XMLParseError? {
        do {
            _ = try parser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func externalEntityToALocalFileIsRefused() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <r><v>&xxe;</v></r>
            """
        let error = try #require(parseError(Array(document.utf8)))
        #expect(error.kind == .forbidden)
        #expect(!error.description.contains("TOP-SECRET-CONTENT"))
    }

    @Test func networkEntityIsRefused() throws {
        let document = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\"><r/>"
        #expect(parseError(Array(document.utf8))?.kind == .forbidden)
    }

    @Test func billionLaughsIsRefusedAtTheDoctype() throws {
        var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            document +=
                "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10)
                + "\">\n"
        }
        document += "]>\n<lolz>&lol9;</lolz>"
        // Refused at the DOCTYPE (line 2), before any entity is declared, let alone expanded: the error's kind and line
        // show it, with no wall-clock bound.
        let error = try #require(parseError(Array(document.utf8)))
        #expect(error.kind == .forbidden, "\(error)")
        #expect(error.line == 2)
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 10_000
        let document = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = try #require(parseError(Array(document.utf8)))
        #expect(error.kind == .tooDeep || error.kind == .malformed, "\(error)")
        #expect(error.description.lowercased().contains("depth") || error.description.contains("deeper"))
    }

    @Test func moderateNestingBeyondTheLimitIsRefusedByUs() throws {
        let document = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
        let error = try #require(parseError(Array(document.utf8)))
        #expect(error.kind == .tooDeep)
    }

    @Test func fiftyMegabyteBodyIsRefusedBeforeParsing() throws {
        var bytes = Array("<r>".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        bytes += Array("</r>".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("\(bytes.count) bytes"))
    }

    @Test func invalidUTF8() throws {
        let bytes: [UInt8] = Array("<r><v>".utf8) + [0xC3, 0x28, 0xFF] + Array("</v></r>".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding, "\(error)")
        #expect(error.line == 1)
    }

    @Test func htmlErrorPageIsAnErrorOrADifferenceNeverACrash() throws {
        let page =
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr/><center>nginx</center></body></html>"
        let tree = try parser.parse(page)
        let differences = ShapeChecker(spec: Fixtures.spec).checkError(tree)
        #expect(differences.first?.found == "root <html>")
        let broken = "<!DOCTYPE html><html><body><p>Internal Server Error<br></body></html>"
        #expect(parseError(Array(broken.utf8))?.kind == .forbidden)
        let unclosed = "<html><body><p>Internal Server Error<br></body></html>"
        let error = try #require(parseError(Array(unclosed.utf8)))
        #expect(error.line == 1 && error.column != nil, "\(error)")
    }

    @Test func emptyAndWhitespaceBodies() {
        #expect(parseError([])?.kind == .empty)
        #expect(parseError(Array("  \n ".utf8))?.kind == .empty)
    }

    @Test func truncatedDocumentNamesLineAndColumn() throws {
        let full = Fixtures.fullCreateAnswer()
        let truncated = String(full.prefix(full.count / 2))
        let error = try #require(parseError(Array(truncated.utf8)))
        #expect(error.kind == .truncated || error.kind == .malformed)
        #expect(error.line != nil)
        #expect(error.description.hasPrefix("line "))
    }

    @Test func manyConcurrentParsesAreSafe() async {
        let document = Fixtures.fullCreateAnswer()
        let count = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { (try? SafeXMLParser().parse(document))?.root.children.count ?? -1 } }
            var total = 0
            for await children in group where children == 2 { total += 1 }
            return total
        }
        #expect(count == 200)
    }
}
