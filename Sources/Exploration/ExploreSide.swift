import ConformanceRunner
import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

/// What one side (the target or the reference) answered to one step.
public struct SideAnswer: Sendable, Equatable, Codable {
    public var status: Int?
    public var body: String?
    /// The form body sent (names and run-time values filled in), for curl lines.
    public var sent: String?
    /// Why no HTTP answer came: the connection failed, or a run-time value could not be had.
    public var failure: String?

    public init(status: Int? = nil, body: String? = nil, sent: String? = nil, failure: String? = nil) {
        self.status = status
        self.body = body
        self.sent = sent
        self.failure = failure
    }

    /// The parsed answer, when it is XML.
    public var tree: XMLTree? { body.flatMap { try? SafeXMLParser().parse($0) } }
}

/// One endpoint a sequence is sent to: a client signing for the run's region, one for the second region, and the
/// account resources found on it. Fills a step's names and run-time tokens in from its own answers and sends it.
public struct ExploreSide: Sendable {
    public let label: String
    public let spec: ServiceSpec
    let primary: QueryClient
    let second: QueryClient
    public var account: AccountResources

    public init(label: String, spec: ServiceSpec, endpoint: Endpoint, transport: any HTTPTransport) {
        self.label = label
        self.spec = spec
        primary = QueryClient(spec: spec, endpoint: endpoint, transport: transport)
        second = primary.signing(for: .second)
        account = AccountResources()
    }

    public var transport: any HTTPTransport { primary.transport }
    public var endpoint: Endpoint { primary.endpoint }
    public var regions: [String] { [primary.endpoint.region, second.endpoint.region] }

    func client(second inSecond: Bool) -> QueryClient { inSecond ? second : primary }

    /// The request of `step` with every `{{name}}` replaced by `prefix-name`.
    public static func naming(_ request: Request, prefix: String) -> Request {
        func fill(_ value: ParameterValue) -> ParameterValue {
            switch value {
            case .scalar(let text):
                var result = text
                for name in Scenario.references(in: text) {
                    result = result.replacingOccurrences(of: "{{\(name)}}", with: "\(prefix)-\(name)")
                }
                return .scalar(result)
            case .list(let items): return .list(items.map(fill))
            case .structure(let members): return .structure(members.map { Parameter($0.name, fill($0.value)) })
            }
        }
        return Request(
            operation: request.operation, parameters: request.parameters.map { Parameter($0.name, fill($0.value)) })
    }

    /// Sends `step` (its resource names given `prefix`) and returns the answer; never throws.
    public func send(_ step: ExploreStep, prefix: String) async -> SideAnswer {
        await send(Self.naming(step.request, prefix: prefix), second: step.inSecondRegion)
    }

    /// Sends `request` after filling its run-time tokens in from this side.
    public func send(_ request: Request, second inSecond: Bool) async -> SideAnswer {
        let client = client(second: inSecond)
        var values: [RuntimeValue: String] = [:]
        for value in request.runtimeValues {
            switch await runtimeValue(value, client: client) {
            case .success(let text): values[value] = text
            case .failure(let reason):
                return SideAnswer(failure: "\(value.token) could not be filled in: \(reason.text)")
            }
        }
        let filled = request.filling(values)
        let prepared = client.prepare(filled)
        let fate: RequestFate =
            spec.resources.reads(filled.operation)
            ? .idempotent : .unknowable("explore sends a change once: its answer is the point")
        do {
            let answer = try await client.transport.send(
                url: client.endpoint.url, headers: prepared.headers.filter { $0.0 != "Host" }, body: prepared.body,
                fate: fate)
            return SideAnswer(status: answer.status, body: answer.body, sent: prepared.body)
        } catch {
            return SideAnswer(sent: prepared.body, failure: error.description)
        }
    }

    /// Why a run-time value could not be had.
    struct Reason: Error { let text: String }

    func runtimeValue(_ value: RuntimeValue, client: QueryClient) async -> Result<String, Reason> {
        switch value {
        case .account(let name):
            let region = client.endpoint.region
            guard let found = account.value(name, region: region) else {
                return .failure(Reason(text: account.reason(name, region: region)))
            }
            return .success(found)
        case .catalogue(let name):
            guard let catalogue = spec.catalogues[name] else { return .failure(Reason(text: "no catalogue \(name)")) }
            let ask = Request(
                operation: catalogue.ask.operation,
                parameters: catalogue.ask.parameters.map { Parameter($0.name, .scalar($0.value)) })
            return await read(ask, path: catalogue.ask.valuePath, client: client)
        case .latestRestorableTime, .describedMember:
            guard let lifecycle = spec.resources.lifecycle(offering: value.member) else {
                return .failure(Reason(text: "no kind's describe offers \(value.member)"))
            }
            let describe = Request(
                operation: lifecycle.describe.operation,
                parameters: [Parameter(lifecycle.describe.identifier, .scalar(value.resource))])
            return await read(describe, path: lifecycle.describe.path(of: value.member), client: client)
        }
    }

    private func read(_ request: Request, path: String, client: QueryClient) async -> Result<String, Reason> {
        let prepared = client.prepare(request)
        do {
            let answer = try await client.transport.send(
                url: client.endpoint.url, headers: prepared.headers.filter { $0.0 != "Host" }, body: prepared.body)
            guard answer.status == 200 else {
                return .failure(Reason(text: "\(request.operation) answered HTTP \(answer.status)"))
            }
            let text = (try? SafeXMLParser().parse(answer.body))?.root.descendant(path)?.value ?? ""
            return text.isEmpty
                ? .failure(Reason(text: "\(request.operation) names nothing at \(path)")) : .success(text)
        } catch {
            return .failure(Reason(text: "\(request.operation) failed: \(error.description)"))
        }
    }

    /// Sends a describe (or any read) in one region and returns the parsed answer, nil when it is not a 200 XML answer.
    public func read(_ request: Request, second inSecond: Bool) async -> XMLTree? {
        let answer = await send(request, second: inSecond)
        guard answer.status == 200 else { return nil }
        return answer.tree
    }
}
