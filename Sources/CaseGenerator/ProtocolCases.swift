import ConformanceSpec
import QueryProtocol

/// The query-protocol and SigV4 families: requests that are malformed below the level of any one
/// operation. All use the spec's probe (a read without parameters, `resources.yaml`) or no action at all,
/// so nothing is created even when an endpoint wrongly accepts them.
struct ProtocolCases {
    /// 2 MiB of "a", made once: `String(repeating:count:)` appends one copy at a time (70 ms), and every
    /// generated suite would hold its own copy.
    static let twoMebibytes = String(decoding: [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20), as: UTF8.self)

    let spec: ServiceSpec

    /// Where an expected answer comes from, when a public source names it.
    static let commonErrors =
        "AWS Neptune API Reference, Common Errors (docs.aws.amazon.com/neptune/latest/apiref/CommonErrors.html)"
    static let queryRequests =
        "AWS General Reference, query requests may use GET or POST (docs.aws.amazon.com/general/latest/gr/sigv4-signed-request-examples.html)"

    func error(_ code: String, inferred: Bool = false) -> Expectation {
        let known = spec.errors[code]
        return .error(
            code: code, status: known?.httpStatus ?? 400, type: known?.type.rawValue ?? "Sender", inferred: inferred)
    }

    func all() -> [TestCase] { spec.resources.probe == nil ? [] : protocolCases() + signatureCases() }

    /// The probe operation the families send.
    var probe: String { spec.resources.probe ?? "" }

    /// An action the API does not have: the probe with its last letter changed.
    var unknownAction: String { String(probe.dropLast()) + (probe.hasSuffix("z") ? "x" : "z") }

    func protocolCases() -> [TestCase] {
        let version = "Version=\(spec.apiVersion)"
        let describe = "Action=\(probe)&\(version)"
        let samples: [(String, String, RawRequest, Expectation, String?)] = [
            (
                "missing-action", "no Action parameter", RawRequest(body: version), error("MissingAction"),
                Self.commonErrors
            ),
            (
                "unknown-action", "an Action the API does not have",
                RawRequest(body: "Action=\(unknownAction)&\(version)"), error("InvalidAction"), Self.commonErrors
            ),
            ("missing-version", "no Version parameter", RawRequest(body: "Action=\(probe)"), .anyClientError, nil),
            (
                "wrong-version", "a Version the API does not have",
                RawRequest(body: "Action=\(probe)&Version=2013-01-10"), .anyClientError, nil
            ),
            (
                "list-index-zero", "a list index 0 (indexes start at 1)",
                RawRequest(body: "\(describe)&Filters.Filter.0.Name=engine&Filters.Filter.0.Values.Value.1=neptune"),
                .anyClientError, nil
            ),
            (
                "list-index-gap", "list indexes 1 and 3 without 2",
                RawRequest(
                    body:
                        "\(describe)&Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=neptune&Filters.Filter.3.Name=engine&Filters.Filter.3.Values.Value.1=neptune"
                ),
                .anyClientError, nil
            ),
            (
                "duplicate-key", "the same key twice", RawRequest(body: "\(describe)&MaxRecords=20&MaxRecords=30"),
                .anyClientError, nil
            ),
            (
                "unknown-parameter", "a parameter the operation does not have",
                RawRequest(body: "\(describe)&NoSuchParameter=1"), .anyClientError, nil
            ),
            (
                "wrong-content-type", "a form body sent as application/json",
                RawRequest(contentType: "application/json", body: describe), .anyClientError, nil
            ),
            (
                "get-instead-of-post", "GET with the parameters in the query string",
                RawRequest(method: "GET", contentType: nil, body: describe),
                .anySuccess(source: Self.queryRequests), Self.queryRequests
            ),
            (
                "oversize-body", "a 2 MiB body", RawRequest(body: "\(describe)&Padding=" + Self.twoMebibytes),
                .anyClientError, nil
            ),
        ]
        return samples.map { label, summary, raw, expectation, source in
            var testCase = TestCase(
                id: "QueryProtocol/protocol/\(label)", operation: "QueryProtocol", kind: .protocol,
                tags: ["QueryProtocol", "protocol"] + (source == nil ? ["source:none"] : ["source:documented"]),
                covers: [],
                summary: summary
                    + (source.map { "; expected answer from \($0)" }
                        ?? "; no public source names the code: any 4xx AWS error"),
                request: Request(operation: probe, parameters: []), expectation: expectation)
            testCase.raw = raw
            return testCase
        }
    }

    func signatureCases() -> [TestCase] {
        let samples: [(SignatureVariant, String, Expectation)] = [
            (.unsigned, "no Authorization header", error("MissingAuthenticationToken")),
            (.tamperedSignature, "a signature with one character changed", error("SignatureDoesNotMatch")),
            (.wrongRegion, "a credential scope naming another region", error("SignatureDoesNotMatch", inferred: true)),
            (
                .wrongService, "a credential scope naming another service",
                error("SignatureDoesNotMatch", inferred: true)
            ),
            (.skewedClock, "a request time 20 minutes in the past", error("RequestExpired")),
            (.unknownAccessKey, "an access key the endpoint does not know", error("InvalidClientTokenId")),
        ]
        return samples.map { variant, summary, expectation in
            var testCase = TestCase(
                id: "SigV4/signature/\(variant.rawValue)", operation: "SigV4", kind: .signature,
                tags: ["SigV4", "signature"], covers: [],
                summary: summary + "; codes from \(Self.commonErrors)",
                request: Request(operation: probe, parameters: []), expectation: expectation)
            testCase.signature = variant
            return testCase
        }
    }
}
