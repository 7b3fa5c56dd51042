import CaseGenerator
import ConformanceSpec
import Foundation
import QueryProtocol
import Transport

/// Where the cases go, and how requests are signed.
public struct Endpoint: Sendable {
    public var url: String
    public var region: String
    public var credentials: AWSCredentials
    /// A short name for reports (`embedded`, `http://127.0.0.1:5000`).
    public var label: String

    public init(
        url: String, region: String = "us-east-1", credentials: AWSCredentials = .localTesting, label: String? = nil
    ) {
        self.url = url
        self.region = region
        self.credentials = credentials
        self.label = label ?? url
    }

    /// True when the host is a loopback address (`localhost`, `127.x.x.x`, `::1`).
    public var isLoopback: Bool {
        guard let host = URL(string: url)?.host?.lowercased() else { return false }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    /// The region the region cases sign for besides `region` (`AWSRegions.second(besides:)`).
    public var secondRegion: String { AWSRegions.second(besides: region) }

    /// This endpoint, signed for `choice` (nil: unchanged).
    public func signing(for choice: SigningRegion?) -> Endpoint {
        guard choice == .second else { return self }
        var copy = self
        copy.region = secondRegion
        return copy
    }

    var hostHeader: String {
        guard let parsed = URL(string: url), let host = parsed.host else { return "" }
        let defaultPort = parsed.scheme == "https" ? 443 : 80
        if let port = parsed.port, port != defaultPort { return "\(host):\(port)" }
        return host
    }

    var path: String {
        let path = URL(string: url)?.path ?? ""
        return path.isEmpty ? "/" : path
    }
}

/// Encodes a request into the query protocol's form body, signs it with SigV4 and sends it through a transport.
public struct QueryClient: Sendable {
    public let spec: ServiceSpec
    public let endpoint: Endpoint
    public let transport: any HTTPTransport
    let signer: SigV4Signer
    let hostHeader: String
    let path: String
    /// What the run has made, which the fate check of a create or delete whose answer was lost asks (see
    /// `QueryClient+Fate.swift`); nil: every resource found counts as new, every one missing as never made.
    public var ledger: ResourceLedger?
    /// The run's resource-name prefix: a create of a name without it is checked for an existing resource before it is
    /// sent, where the transport retries (see `QueryClient+Fate.swift`).
    public var resourcePrefix: String?

    public init(spec: ServiceSpec, endpoint: Endpoint, transport: any HTTPTransport) {
        self.spec = spec
        self.endpoint = endpoint
        self.transport = transport
        signer = SigV4Signer(credentials: endpoint.credentials, region: endpoint.region, service: spec.signingName)
        hostHeader = endpoint.hostHeader
        path = endpoint.path
    }

    /// This client, signing for `choice` (nil: itself).
    public func signing(for choice: SigningRegion?) -> QueryClient {
        guard choice != nil else { return self }
        var client = QueryClient(spec: spec, endpoint: endpoint.signing(for: choice), transport: transport)
        client.ledger = ledger
        client.resourcePrefix = resourcePrefix
        return client
    }

    /// The exact body and headers that `send` puts on the wire for `request` at `date`.
    public func prepare(_ request: Request, date: Date = Date()) -> (body: String, headers: [(String, String)]) {
        let body = request.formBody(spec: spec)
        var headers = [("Host", hostHeader), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        headers += signer.sign(method: "POST", path: path, headers: headers, body: Array(body.utf8), date: date)
        return (body, headers)
    }

    /// Sends exact bytes (a protocol case): POST with `body`, or GET with `body` as the query string; signed. It
    /// is resent after a lost answer only when the `Action` it names is a read or no operation of the spec (a
    /// malformed request that names none changes nothing).
    public func sendRaw(_ raw: RawRequest, date: Date = Date()) async throws(TransportError) -> (
        body: String, answer: HTTPAnswer
    ) {
        var headers = [("Host", hostHeader)]
        if let type = raw.contentType { headers.append(("Content-Type", type)) }
        let isGet = raw.method.uppercased() == "GET"
        let payload = isGet ? "" : raw.body
        headers += signer.sign(
            method: raw.method, path: path, query: isGet ? raw.body : "", headers: headers, body: Array(payload.utf8),
            date: date)
        let url = isGet ? endpoint.url + (endpoint.url.contains("?") ? "&" : "?") + raw.body : endpoint.url
        let action = raw.body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) }
        let fate: RequestFate =
            action.map { spec.operation(named: $0) == nil || spec.resources.reads($0) } ?? true
            ? .idempotent : .unknowable("a protocol case's request naming \(action ?? "") is not resent")
        let answer = try await transport.send(
            url: url, method: raw.method.uppercased(), headers: headers.filter { $0.0 != "Host" }, body: payload,
            fate: fate)
        return (isGet ? "GET ?" + raw.body : raw.body, answer)
    }

    /// Sends `request` with its signature spoiled in the way `variant` says (a signature case).
    public func send(_ request: Request, signature variant: SignatureVariant) async throws(TransportError) -> (
        body: String, answer: HTTPAnswer
    ) {
        let body = request.formBody(spec: spec)
        var headers = [("Host", hostHeader), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        var credentials = endpoint.credentials
        var region = endpoint.region
        var service = spec.signingName
        var date = Date()
        switch variant {
        case .unsigned:
            let answer = try await transport.send(
                url: endpoint.url, headers: headers.filter { $0.0 != "Host" }, body: body, fate: await fate(of: request)
            )
            return (body, answer)
        case .wrongRegion: region = region == "us-west-2" ? "eu-west-1" : "us-west-2"
        case .wrongService: service = service == "ec2" ? "s3" : "ec2"
        case .skewedClock: date = date.addingTimeInterval(-20 * 60)
        case .unknownAccessKey:
            credentials = AWSCredentials(
                accessKeyId: "AKIDUNKNOWNTOTHEENDPOINT", secretAccessKey: credentials.secretAccessKey,
                sessionToken: credentials.sessionToken)
        case .tamperedSignature: break
        }
        var added = SigV4Signer(credentials: credentials, region: region, service: service).sign(
            method: "POST", path: path, headers: headers, body: Array(body.utf8), date: date)
        if variant == .tamperedSignature, let index = added.firstIndex(where: { $0.0 == "Authorization" }) {
            var value = added[index].1
            let last = value.removeLast()
            value.append(last == "0" ? "1" : "0")
            added[index].1 = value
        }
        headers += added
        let answer = try await transport.send(
            url: endpoint.url, headers: headers.filter { $0.0 != "Host" }, body: body, fate: await fate(of: request))
        return (body, answer)
    }

    public func send(_ request: Request) async throws(TransportError) -> (body: String, answer: HTTPAnswer) {
        let prepared = prepare(request)
        let answer = try await transport.send(
            url: endpoint.url, headers: prepared.headers.filter { $0.0 != "Host" }, body: prepared.body,
            fate: await fate(of: request))
        return (prepared.body, answer)
    }
}
