import ConformanceSpec
import ConformanceTestSupport
import Foundation
import QueryProtocol
import ReferenceServer
import Testing
import Transport
import XMLCompare

/// The reference server as an interpreter of `Specs/`: a copy of the spec gains a new taggable resource kind (its
/// structure, four operations, two error codes, a lifecycle with an ARN type) and a new describe-only operation read
/// from a new catalogue, and `serve` answers them all over HTTP with no Swift change: creates, describes by name and
/// in pages, refuses a duplicate and a missing name with the spec's codes, tags the new kind by ARN, deletes it.
@Suite struct SpecOnlyResourceTests {
    /// The files the copy gains or extends, each as the spec's own files are written.
    static let additions: [(file: String, text: String)] = [
        (
            "shapes.yaml",
            """
              Widget:
                members:
                  WidgetName: {type: string, presence: always, evidence: {level: inferred, source: a made-up kind}}
                  WidgetSize: {type: integer}
                  Status: {type: string}
                  Engine: {type: string, constant: neptune}
                  WidgetArn:
                    type: string
                    derive: 'arn:aws:rds:{region}:{account}:widget:{WidgetName}'
                    evidence: {level: inferred, source: a made-up kind}
              WidgetFilter:
                members:
                  Name: {type: string, required: true}
                  Values: {type: list, member: {type: string}, memberName: Value, required: true}
              WidgetType:
                members:
                  TypeName: {type: string}
                  MaxSize: {type: integer}

            """
        ),
        (
            "errors.yaml",
            """
              WidgetAlreadyExists: {status: 400, type: Sender}
              WidgetNotFound: {status: 404, type: Sender}
              InvalidWidgetState: {status: 400, type: Sender}

            """
        ),
        (
            "catalogues.yaml",
            """
              WidgetType:
                key: TypeName
                ask:
                  operation: DescribeWidgetTypes
                  parameters: {}
                  value: DescribeWidgetTypesResult/WidgetTypes/WidgetType/TypeName
                entries:
                  - {TypeName: small, MaxSize: '4'}
                  - {TypeName: large, MaxSize: '64'}

            """
        ),
        (
            "resources.yaml",
            """
              Widget:
                nameTag: w
                create:
                  - {operation: CreateWidget, identifier: WidgetName}
                describe:
                  operation: DescribeWidgets
                  identifier: WidgetName
                  items: DescribeWidgetsResult/Widgets/Widget
                  status: Status
                  notFound: WidgetNotFound
                  runtimeMembers: [WidgetArn]
                arn: {type: widget, member: WidgetArn, notFound: WidgetNotFound}
                transitions: {create: creating, delete: deleting}
                modify: {operation: ModifyWidget, identifier: WidgetName}
                delete: {operation: DeleteWidget, identifier: WidgetName, notFound: WidgetNotFound}
                setup:
                  create: {operation: CreateWidget, parameters: {WidgetSize: '2'}, waitFor: ready}

            """
        ),
        (
            "operations/CreateWidget.yaml",
            """
            operation: CreateWidget
            result: CreateWidgetResult
            parameters:
              WidgetName: {type: string, required: true, lowercased: true}
              WidgetSize: {type: integer, constraints: [{range: {min: 1, max: 64, error: InvalidParameterValue}}]}
              Tags: {type: list, member: {shape: Tag}, memberName: Tag}
            preconditions:
              - absent: {parameter: WidgetName, resource: Widget, error: WidgetAlreadyExists}
            output:
              Widget: {shape: Widget}
            errors: [WidgetAlreadyExists]

            """
        ),
        (
            "operations/DescribeWidgets.yaml",
            """
            operation: DescribeWidgets
            result: DescribeWidgetsResult
            parameters:
              WidgetName: {type: string, lowercased: true}
              MaxRecords: {type: integer, constraints: [{range: {min: 1, max: 100, error: InvalidParameterValue}}]}
              Marker: {type: string}
              Filters: {type: list, member: {shape: WidgetFilter}, memberName: Filter}
            preconditions:
              - exists: {parameter: WidgetName, resource: Widget, error: WidgetNotFound}
            output:
              Marker: {type: string}
              Widgets: {type: list, member: {shape: Widget}, memberName: Widget}
            filters:
              widget-id: {matches: [WidgetName, WidgetArn]}
            paging: {limit: MaxRecords, token: Marker, items: Widgets, key: WidgetName, badToken: {error: InvalidParameterValue}}
            errors: [WidgetNotFound]

            """
        ),
        (
            "operations/ModifyWidget.yaml",
            """
            operation: ModifyWidget
            result: ModifyWidgetResult
            parameters:
              WidgetName: {type: string, required: true, lowercased: true}
              WidgetSize: {type: integer}
            preconditions:
              - exists: {parameter: WidgetName, resource: Widget, error: WidgetNotFound}
              - state: {parameter: WidgetName, allowed: [ready], error: InvalidWidgetState}
            output:
              Widget: {shape: Widget}
            errors: [WidgetNotFound, InvalidWidgetState]

            """
        ),
        (
            "operations/DeleteWidget.yaml",
            """
            operation: DeleteWidget
            parameters:
              WidgetName: {type: string, required: true, lowercased: true}
            preconditions:
              - exists: {parameter: WidgetName, resource: Widget, error: WidgetNotFound}
            output: {}
            errors: [WidgetNotFound]

            """
        ),
        (
            "operations/DescribeWidgetTypes.yaml",
            """
            operation: DescribeWidgetTypes
            result: DescribeWidgetTypesResult
            parameters:
              TypeName: {type: string}
            output:
              WidgetTypes: {type: list, member: {shape: WidgetType}, memberName: WidgetType}
            errors: []

            """
        ),
    ]

    /// A copy of `Specs/` with `additions` (appended to the files the spec has, written where it has none), loaded.
    static func extendedSpec() throws -> ServiceSpec {
        let copy = try SpecsCopy(of: BuiltCLI.packageRoot.appendingPathComponent("Specs"))
        defer { copy.remove() }
        for (file, text) in additions {
            let existing = (try? String(contentsOf: copy.url(file), encoding: .utf8)) ?? ""
            try copy.write(existing + (existing.hasSuffix("\n") || existing.isEmpty ? "" : "\n") + text, to: file)
        }
        return try SpecLoader(directory: copy.directory).load()
    }

    @Test func theCopyLoadsWithTheNewKindAndOperations() throws {
        let spec = try Self.extendedSpec()
        #expect(spec.resources.lifecycle(of: ResourceKind(rawValue: "Widget"))?.arn?.type == "widget")
        for name in ["CreateWidget", "DescribeWidgets", "ModifyWidget", "DeleteWidget", "DescribeWidgetTypes"] {
            #expect(spec.operation(named: name) != nil, "\(name) loaded")
        }
        // The real Specs/ stay as they were: no Widget there.
        #expect(Suite.spec.operation(named: "CreateWidget") == nil)
    }

    @Test func serveAnswersTheNewKindAndTheDescribeOnlyOperationWithoutSwiftChanges() async throws {
        let spec = try Self.extendedSpec()
        try await ReferenceServerHTTPTests.withServer(spec: spec) { url, transport in
            try await Self.converse(url: url, transport: transport)
        }
    }

    /// The kind's `transitions:` with a transition delay: a new widget is `creating` (a modify refused with the state
    /// precondition's code) until the delay has passed, then `ready`; a deleted one is listed `deleting`, then gone.
    @Test func transitionsAreReadFromTheLifecycle() async throws {
        let (clock, advance) = EmulatorClock.manual()
        var configuration = NeptuneEmulator.Configuration(transitionDelay: .seconds(5))
        configuration.clock = clock
        let emulator = NeptuneEmulator(spec: try Self.extendedSpec(), configuration: configuration)
        func send(_ action: String, _ parameters: String) async throws -> XMLTree.Element {
            let answer = await emulator.handle(body: "Action=\(action)&Version=2014-10-31&\(parameters)")
            return try SafeXMLParser().parse(answer.body).root
        }
        func status() async throws -> String? {
            try await send("DescribeWidgets", "WidgetName=slow").descendant(
                "DescribeWidgetsResult/Widgets/Widget/Status")?
                .value
        }
        _ = try await send("CreateWidget", "WidgetName=slow")
        #expect(try await status() == "creating")
        let early = try await send("ModifyWidget", "WidgetName=slow&WidgetSize=2")
        #expect(early.descendant("Error/Code")?.value == "InvalidWidgetState")
        advance(.seconds(5))
        #expect(try await status() == "ready")
        let deleting = try await send("DeleteWidget", "WidgetName=slow")
        #expect(deleting.descendant("ResponseMetadata") != nil && deleting.descendant("Error") == nil)
        #expect(try await status() == "deleting")
        advance(.seconds(5))
        #expect(
            try await send("DescribeWidgets", "WidgetName=slow").descendant("Error/Code")?.value == "WidgetNotFound")
        #expect(await emulator.inventory().filter { $0.hasPrefix("Widget") }.isEmpty)
    }

    /// Sends one action and parses its answer.
    static func send(_ action: String, _ parameters: String = "", url: String, transport: NetworkTransport)
        async throws -> (status: Int, root: XMLTree.Element)
    {
        let body = "Action=\(action)&Version=2014-10-31" + (parameters.isEmpty ? "" : "&" + parameters)
        let answer = try await transport.send(
            url: url, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
        return (answer.status, try SafeXMLParser().parse(answer.body).root)
    }

    static func converse(url: String, transport: NetworkTransport) async throws {
        func send(_ action: String, _ parameters: String = "") async throws -> (status: Int, root: XMLTree.Element) {
            try await Self.send(action, parameters, url: url, transport: transport)
        }
        let arn = "arn:aws:rds:us-east-1:123456789012:widget:gear"

        let created = try await send(
            "CreateWidget", "WidgetName=Gear&WidgetSize=3&Tags.Tag.1.Key=team&Tags.Tag.1.Value=a")
        #expect(created.status == 200)
        let widget = try #require(created.root.descendant("CreateWidgetResult/Widget"))
        #expect(widget.child("WidgetName")?.value == "gear")
        #expect(widget.child("WidgetSize")?.value == "3")
        #expect(widget.child("Status")?.value == "creating", "the create's transition (transitions: create)")
        #expect(widget.child("Engine")?.value == "neptune")
        #expect(widget.child("WidgetArn")?.value == arn)
        #expect(widget.children.map(\.name) == ["WidgetName", "WidgetSize", "Status", "Engine", "WidgetArn"])

        let again = try await send("CreateWidget", "WidgetName=gear")
        #expect(again.status == 400)
        #expect(again.root.descendant("Error/Code")?.value == "WidgetAlreadyExists")
        let tooBig = try await send("CreateWidget", "WidgetName=huge&WidgetSize=65")
        #expect(tooBig.root.descendant("Error/Code")?.value == "InvalidParameterValue")

        for name in ["cog", "bolt"] { #expect(try await send("CreateWidget", "WidgetName=\(name)").status == 200) }
        let firstPage = try await send("DescribeWidgets", "MaxRecords=2")
        let firstNames = firstPage.root.descendant("DescribeWidgetsResult/Widgets")?.children.compactMap {
            $0.child("WidgetName")?.value
        }
        #expect(firstNames == ["bolt", "cog"])
        let marker = try #require(firstPage.root.descendant("DescribeWidgetsResult/Marker")?.value)
        let secondPage = try await send("DescribeWidgets", "MaxRecords=2&Marker=\(marker)")
        #expect(
            secondPage.root.descendant("DescribeWidgetsResult/Widgets")?.children.compactMap {
                $0.child("WidgetName")?.value
            } == ["gear"])
        #expect(secondPage.root.descendant("DescribeWidgetsResult/Marker") == nil)

        // The filter the spec declares: by name (any case) or by ARN.
        let filtered = try await send(
            "DescribeWidgets",
            "Filters.Filter.1.Name=widget-id&Filters.Filter.1.Values.Value.1=COG"
                + "&Filters.Filter.1.Values.Value.2=arn:aws:rds:us-east-1:123456789012:widget:bolt")
        #expect(filtered.status == 200, "\(filtered.root.descendant("Error/Message")?.value ?? "")")
        #expect(
            filtered.root.descendant("DescribeWidgetsResult/Widgets")?.children.compactMap {
                $0.child("WidgetName")?.value
            } == ["bolt", "cog"])

        let missing = try await send("DescribeWidgets", "WidgetName=nothing")
        #expect(missing.status == 404)
        #expect(missing.root.descendant("Error/Code")?.value == "WidgetNotFound")

        // Settled since (no transition delay): ready, so the modify's state precondition holds.
        let modified = try await send("ModifyWidget", "WidgetName=GEAR&WidgetSize=8")
        #expect(modified.root.descendant("ModifyWidgetResult/Widget/Status")?.value == "ready")
        #expect(modified.root.descendant("ModifyWidgetResult/Widget/WidgetSize")?.value == "8")

        // Tags by ARN: the create's tags, one added, listed, one removed.
        #expect(
            try await send("AddTagsToResource", "ResourceName=\(arn)&Tags.Tag.1.Key=owner&Tags.Tag.1.Value=b").status
                == 200)
        let tags = try await send("ListTagsForResource", "ResourceName=\(arn)")
        #expect(
            tags.root.descendant("ListTagsForResourceResult/TagList")?.children.compactMap { $0.child("Key")?.value }
                == ["team", "owner"])
        let unknownArn = try await send(
            "ListTagsForResource", "ResourceName=arn:aws:rds:us-east-1:123456789012:widget:none")
        #expect(unknownArn.root.descendant("Error/Code")?.value == "WidgetNotFound")

        // The describe-only operation: the catalogue's entries, filtered by a field the request names.
        let types = try await send("DescribeWidgetTypes")
        let listed = types.root.descendant("DescribeWidgetTypesResult/WidgetTypes")?.children ?? []
        #expect(listed.compactMap { $0.child("TypeName")?.value } == ["small", "large"])
        #expect(listed.compactMap { $0.child("MaxSize")?.value } == ["4", "64"])
        let large = try await send("DescribeWidgetTypes", "TypeName=large")
        #expect(
            large.root.descendant("DescribeWidgetTypesResult/WidgetTypes")?.children.compactMap {
                $0.child("TypeName")?.value
            } == ["large"])

        let deleted = try await send("DeleteWidget", "WidgetName=gear")
        #expect(deleted.status == 200)
        #expect(deleted.root.descendant("DeleteWidgetResult") == nil)
        #expect(
            try await send("DeleteWidget", "WidgetName=gear").root.descendant("Error/Code")?.value == "WidgetNotFound")
        #expect(try await send("ListTagsForResource", "ResourceName=\(arn)").status == 404)
    }
}
