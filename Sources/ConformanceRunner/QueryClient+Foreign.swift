import Foundation
import QueryProtocol
import Transport

extension QueryClient {
    /// Sends a query-protocol request of another AWS service on the same endpoint URL (EC2's DescribeSubnets, IAM's
    /// ListRoles): `Action`, `Version` and `parameters` form-encoded, signed for `service` in this client's region
    /// (or `region`).
    func sendForeign(
        service: String, version: String, action: String, parameters: [(String, String)] = [],
        region: String? = nil, fate: RequestFate = .idempotent
    ) async throws(TransportError) -> HTTPAnswer {
        let body = QueryEncoding.formBody([("Action", action), ("Version", version)] + parameters)
        var headers = [
            ("Host", endpoint.hostHeader), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ]
        let signer = SigV4Signer(
            credentials: endpoint.credentials, region: region ?? endpoint.region, service: service)
        headers += signer.sign(
            method: "POST", path: endpoint.path, headers: headers, body: Array(body.utf8), date: Date())
        return try await transport.send(
            url: endpoint.url, headers: headers.filter { $0.0 != "Host" }, body: body, fate: fate)
    }
}
