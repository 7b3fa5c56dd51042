import ConformanceSpec
import Foundation
import QueryProtocol

/// An HTTP answer of the emulator.
public struct EmulatorAnswer: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String

    public init(status: Int, contentType: String = "text/xml", body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Writes the query protocol's XML answers: success envelopes rendered through the spec's shapes, and
/// the `ErrorResponse` envelope.
struct AnswerRenderer: Sendable {
    let spec: ServiceSpec
    /// The active faults' decorators, asked for every error answer.
    let decorators: [any FaultDecorator]
    /// How answers are wrapped, after the decorators' `rendering(envelope:)`.
    let envelope: AnswerEnvelope

    init(spec: ServiceSpec, decorators: [any FaultDecorator] = []) {
        self.spec = spec
        self.decorators = decorators
        var envelope = AnswerEnvelope(namespace: spec.xmlNamespace)
        for decorator in decorators { decorator.rendering(envelope: &envelope) }
        self.envelope = envelope
    }

    var namespace: String { envelope.namespace }

    /// A success answer; `hasResult: false` for an operation without output, whose answer holds only
    /// ResponseMetadata.
    func success(action: String, result: String, hasResult: Bool = true) -> EmulatorAnswer {
        var result = result
        for decorator in decorators { decorator.rendering(result: &result, of: action, in: spec) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(action)Response xmlns=\"\(namespace)\">"
        if hasResult {
            xml += result.isEmpty ? "<\(action)Result/>" : "<\(action)Result>\(result)</\(action)Result>"
        }
        if envelope.successCarriesRequestId {
            xml += "<ResponseMetadata><RequestId>\(Self.requestId())</RequestId></ResponseMetadata>"
        }
        xml += "</\(action)Response>\n"
        return EmulatorAnswer(status: 200, body: xml)
    }

    /// The `ErrorResponse` for `code`, with the status and fault type the spec gives it (`status` for
    /// codes the spec does not know, such as RequestEntityTooLarge).
    func error(_ code: String, _ message: String, status explicitStatus: Int? = nil) -> EmulatorAnswer {
        let known = spec.errors[code]
        var error = ErrorAnswer(
            code: code, wireCode: code, message: message, status: known?.httpStatus ?? explicitStatus ?? 400,
            type: known?.type.rawValue ?? "Sender")
        for decorator in decorators { decorator.rendering(error: &error) }
        switch error.form {
        case .htmlPage:
            return EmulatorAnswer(
                status: error.status, contentType: "text/html",
                body: "<html><body><h1>500 Internal Server Error</h1><p>\(Self.escape(error.message))</p></body></html>"
            )
        case .errorResponse:
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ErrorResponse xmlns="\(namespace)"><Error><Type>\(error.type)</Type><Code>\(error.wireCode)</Code><Message>\(Self.escape(error.message))</Message></Error><RequestId>\(Self.requestId())</RequestId></ErrorResponse>

                """
            return EmulatorAnswer(status: error.status, body: xml)
        }
    }

    /// One element holding `value`, rendered by its type (lists with their member names, structures in shape order).
    func element(_ name: String, _ value: ParameterValue, type: TypeSpec) -> String {
        var xml = ""
        append(name, value, type: type, to: &xml)
        return xml
    }

    func structureBody(_ values: [String: ParameterValue], shape: StructureSpec) -> String {
        var xml = ""
        xml.reserveCapacity(2048)
        for member in shape.members {
            if let value = values[member.name] { append(member.name, value, type: member.type, to: &xml) }
        }
        return xml
    }

    /// Renders into one growing string: answers are rendered on every request, and joining many small
    /// strings cost the server more than its HTTP handling.
    func append(_ name: String, _ value: ParameterValue, type: TypeSpec, to xml: inout String) {
        switch (value, type) {
        case (.list(let items), .list(let list)):
            guard !items.isEmpty else {
                xml += "<"
                xml += name
                xml += "/>"
                return
            }
            xml += "<"
            xml += name
            xml += ">"
            for item in items { append(list.memberName, item, type: list.member, to: &xml) }
            xml += "</"
            xml += name
            xml += ">"
        case (.structure(let members), .structure(let structure)):
            xml += "<"
            xml += name
            xml += ">"
            for member in structure.members {
                // The first value given for a member wins.
                if let given = members.first(where: { $0.name == member.name }) {
                    append(member.name, given.value, type: member.type, to: &xml)
                }
            }
            xml += "</"
            xml += name
            xml += ">"
        case (.scalar(let text), _):
            xml += "<"
            xml += name
            xml += ">"
            xml += Self.escape(text)
            xml += "</"
            xml += name
            xml += ">"
        default:
            break
        }
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    static func requestId() -> String { RequestIdentifier.make() }
}
