import Foundation
import Testing

@testable import ReferenceServer

/// `RequestRegion` reads ASCII headers byte by byte (issue #30); it must find the region Foundation's search found
/// before, on every header and query string, ASCII or not.
@Suite struct RequestRegionTests {
    /// The region as it was read before the byte search, kept as the reference.
    static func reference(headers: [(String, String)], query: String) -> String? {
        var credential: String?
        if let authorization = headers.first(where: { $0.0.lowercased() == "authorization" })?.1,
            let range = authorization.range(of: "Credential=")
        {
            credential = String(authorization[range.upperBound...].prefix { $0 != "," && $0 != " " })
        } else if let range = query.range(of: "X-Amz-Credential=") {
            credential = String(query[range.upperBound...].prefix { $0 != "&" }).removingPercentEncoding
        }
        let scope = credential?.split(separator: "/").map(String.init) ?? []
        guard scope.count == 5, RequestRegion.isRegionName(scope[2]) else { return nil }
        return scope[2]
    }

    /// Pieces headers and queries are made of: the markers whole and cut, separators, regions, line breaks,
    /// percent escapes and non-ASCII text (a combining accent after the marker, a Kelvin sign, a dotted capital I).
    static let pieces = [
        "Credential=", "Credential", "=", "credential=", "X-Amz-Credential=", "x-amz-credential=", "AKIDEXAMPLE/",
        "20261129/", "us-east-2/", "eu-west-1", "/rds/aws4_request", "/", "//", ",", " ", "&", "\r\n", "%2F", "%",
        "SignedHeaders=host", "Signature=00", "AWS4-HMAC-SHA256 ", "\u{301}", "\u{212A}", "\u{130}", "é", "US-EAST-2",
    ]
    static let wellFormed = [
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-2/rds/aws4_request, SignedHeaders=host, Signature=0",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Feu-west-1%2Frds%2Faws4_request&a=b",
    ]
    static let names = [
        "Authorization", "authorization", "AUTHORIZATION", "AuThOrIzAtIoN", "Authorisation", "X-Authorization",
        "Content-Type", "Host", "\u{130}Authorization", "Authorization ",
    ]

    @Test func findsTheRegionFoundationsSearchFound() {
        var generator = IndexedStoreTests.Seeded(state: 3030)
        // Half random pieces, half a well-formed scope with up to two pieces inserted anywhere.
        func text() -> String {
            guard Bool.random(using: &generator) else {
                return (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                    Self.pieces.randomElement(using: &generator)!
                }.joined()
            }
            var characters = Array(Self.wellFormed.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                characters.insert(
                    contentsOf: Self.pieces.randomElement(using: &generator)!,
                    at: Int.random(in: 0...characters.count, using: &generator))
            }
            return String(characters)
        }
        var found = 0
        for _ in 0..<20_000 {
            let headers = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                (Self.names.randomElement(using: &generator)!, text())
            }
            let query = Bool.random(using: &generator) ? text() : ""
            let expected = Self.reference(headers: headers, query: query)
            #expect(RequestRegion.of(headers: headers, query: query) == expected, "\(headers) \(query)")
            if expected != nil { found += 1 }
        }
        #expect(found > 200, "only \(found) requests named a region")
        let signed = [
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-2/rds/aws4_request, Signature=0"
            )
        ]
        #expect(RequestRegion.of(headers: signed, query: "") == "us-east-2")
        #expect(
            RequestRegion.of(
                headers: [], query: "X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Feu-west-1%2Frds%2Faws4_request")
                == "eu-west-1")
    }

    @Test func contentTypesCompareAsLowerCasingWould() {
        var generator = IndexedStoreTests.Seeded(state: 3031)
        let pieces = [
            "application/x-www-form-urlencoded", "APPLICATION/X-WWW-FORM-URLENCODED", "Application/", "x-www-form",
            "-urlencoded", "; charset=utf-8", "application/json", "\r\n", "\u{301}", "\u{130}", "\u{212A}", " ", "d",
        ]
        for _ in 0..<5_000 {
            let value = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let name = ["Content-Type", "content-type", "CONTENT-TYPE", "Content-Length"].randomElement(
                using: &generator)!
            let expected = value.lowercased().hasPrefix("application/x-www-form-urlencoded")
            #expect(
                NeptuneEmulator.isNotFormEncoded([(name, value)]) == (name != "Content-Length" && !expected),
                "\(name): \(value)")
        }
    }

    @Test func headerNamesCompareAsLowerCasingWould() {
        var generator = IndexedStoreTests.Seeded(state: 3032)
        let pieces = [
            "Authori", "zation", "AUTHORIZATION", "Content", "-TYPE", "-type", "\u{130}", "\u{212A}", "\u{301}", "É",
        ]
        let generated = (0..<5_000).map { _ in
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        for name in Self.names + ["CONTENT-TYPE", "content-type", "Content-Typ", "Content-Type\u{301}"] + generated {
            for expected in ["authorization", "content-type"] {
                #expect(RequestRegion.isNamed(name, expected) == (name.lowercased() == expected), "\(name)")
            }
        }
    }
}
