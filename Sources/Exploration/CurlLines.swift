import ConformanceSpec

/// curl command lines that send a replayed sequence's requests as the target got them (names and run-time values
/// filled in), signed by curl's own SigV4 with the caller's credentials.
struct CurlLines {
    let spec: ServiceSpec
    let url: String
    let region: String

    func lines(for records: [StepRecord]) -> [String] {
        records.compactMap { record in
            guard let body = record.target.sent else { return nil }
            let signingRegion = record.step.inSecondRegion ? "$SECOND_REGION" : region
            return "curl -s \"\(url)\" --aws-sigv4 \"aws:amz:\(signingRegion):\(spec.signingName)\" "
                + "--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" "
                + "-H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8' --data '\(body)'"
        }
    }
}
