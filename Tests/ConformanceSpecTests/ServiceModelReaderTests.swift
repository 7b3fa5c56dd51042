import ConformanceSpec
import Foundation
import Testing

/// `ServiceModel`'s reader: the fixture's shapes and operations, gzip, and a typed error with the file and key path
/// (never a crash) for every malformed model.
@Suite struct ServiceModelReaderTests {
    @Test func theFixtureReadsIntoShapesAndOperations() throws {
        let model = try ServiceModelFixture.model()
        #expect(model.apiVersion == "2014-10-31" && model.signingName == "rds" && model.protocolName == "query")
        let operation = try #require(model.operations["CreateThing"])
        #expect(operation.input == "CreateThingMessage" && operation.output == "CreateThingResult")
        #expect(operation.resultWrapper == "CreateThingResult")
        #expect(operation.errors == ["ThingNotFoundFault", "ThingQuotaExceededFault"])
        #expect(
            model.shapes["ThingNotFoundFault"]?.error
                == ServiceModel.ErrorTrait(code: "ThingNotFound", httpStatusCode: 404, senderFault: true))
        #expect(model.shapes["ApplyMethod"]?.kind == .string(enumValues: ["immediate", "pending-reboot"]))
        guard case .list(let item) = model.shapes["ZoneList"]?.kind else {
            Issue.record("ZoneList is not a list")
            return
        }
        #expect(item.locationName == "Zone" && item.shape == "String")
        guard case .structure(let members, let required) = model.shapes["CreateThingMessage"]?.kind else {
            Issue.record("CreateThingMessage is not a structure")
            return
        }
        #expect(required == ["ThingIdentifier"])
        #expect(
            members.map(\.name).sorted() == ["ApplyMethod", "Engine", "RetentionPeriod", "ThingIdentifier", "Zones"])
    }

    @Test func aGzippedModelReadsLikeThePlainOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ml-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("service-2.json")
        try Data(ServiceModelFixture.json.utf8).write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        let compressed = directory.appendingPathComponent("service-2.json.gz")
        #expect(try ServiceModel.load(path: compressed.path) == ServiceModel.load(path: plain.path))

        // Truncated halfway: an error that says so, not a crash.
        let bytes = try Data(contentsOf: compressed)
        let truncated = directory.appendingPathComponent("truncated.json.gz")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        #expect {
            try ServiceModel.load(path: truncated.path)
        } throws: { error in
            "\(error)" == "\(truncated.path): cannot decompress: the gzip stream is truncated"
        }
        // A corrupt deflate stream after a valid gzip header.
        var corrupt = bytes
        for index in 12..<min(40, corrupt.count) { corrupt[index] = 0xff }
        let corruptURL = directory.appendingPathComponent("corrupt.json.gz")
        try corrupt.write(to: corruptURL)
        #expect {
            try ServiceModel.load(path: corruptURL.path)
        } throws: { error in
            "\(error)".hasPrefix("\(corruptURL.path): cannot decompress: the gzip stream is corrupt")
        }
    }

    /// Malformed models and the error each must give.
    @Test(arguments: [
        ("", "fixture.json: not JSON (the file is empty)"),
        (
            #"{"metadata": {"apiVersion": "2014-10-31"}, "shapes": {"#,
            "fixture.json: not JSON (truncated or malformed, 54 bytes)"
        ),
        ("[1, 2]", "fixture.json: expected an object, found an array"),
        (#"{"shapes": {}, "operations": {}}"#, "fixture.json: missing key 'metadata'"),
        (
            #"{"metadata": {"apiVersion": 2014}, "shapes": {}, "operations": {}}"#,
            "fixture.json: at metadata.apiVersion: expected a string, found a number"
        ),
        (
            #"{"metadata": {"apiVersion": "1"}, "shapes": {"S": {"type": "tuple"}}, "operations": {}}"#,
            "fixture.json: at shapes.S.type: unknown shape type 'tuple' (expected structure, list, map, string, integer, long, boolean, double, float, timestamp or blob)"
        ),
        (
            #"{"metadata": {"apiVersion": "1"}, "shapes": {"L": {"type": "list", "member": {"shape": "Gone"}}}, "operations": {}}"#,
            "fixture.json: at shapes.L.member.shape: names shape 'Gone', which the model lacks"
        ),
        (
            #"{"metadata": {"apiVersion": "1"}, "shapes": {"S": {"type": "structure", "members": {"A": {"shape": true}}}}, "operations": {}}"#,
            "fixture.json: at shapes.S.members.A.shape: expected a string, found a boolean"
        ),
        (
            #"{"metadata": {"apiVersion": "1"}, "shapes": {"E": {"type": "structure", "members": {}, "error": {"httpStatusCode": "404"}}}, "operations": {}}"#,
            "fixture.json: at shapes.E.error.httpStatusCode: expected a number, found a string"
        ),
        (
            #"{"metadata": {"apiVersion": "1"}, "shapes": {"S": {"type": "structure", "members": {}}}, "operations": {"Op": {"input": {"shape": "S"}, "errors": [{"shape": "S"}]}}}"#,
            "fixture.json: at operations.Op.errors[0]: shape 'S' has no error trait"
        ),
    ])
    func aMalformedModelGivesATypedErrorWithItsKeyPath(_ json: String, _ expected: String) {
        #expect {
            try ServiceModel.read(json: Data(json.utf8), file: "fixture.json")
        } throws: { error in
            (error as? ServiceModel.ReadError)?.description == expected
        }
    }

    @Test func documentationHTMLBecomesLines() {
        let html =
            "<p>The storage type.</p> <p>Valid Values:</p> <ul> <li> <p> <b> <code>standard</code> </b> \u{00A0} – \u{00A0} ( <i>the default</i> ) Cheap.</p> </li> <li> <p> <code>iopt1</code> – Fast &amp; steady.</p> </li> </ul>"
        #expect(
            ServiceModel.documentationLines(html) == [
                "The storage type.", "Valid Values:", "standard – ( the default ) Cheap.", "iopt1 – Fast & steady.",
            ])
    }
}
