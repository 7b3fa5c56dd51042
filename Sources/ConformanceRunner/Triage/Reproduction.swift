/// The commands that reproduce one case: curl with the exact form body, and the suite's own rerun.
/// Credentials never appear: curl signs from environment variables the reader sets.
enum Reproduction {
    static func curl(url: String, region: String, signingName: String, body: String) -> String {
        [
            "curl -sS -X POST \(quote(url))",
            "--aws-sigv4 \(quote("aws:amz:\(region):\(signingName)"))",
            "--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"",
            "-H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8'",
            "--data-raw \(quote(body))",
        ].joined(separator: " \\\n    ")
    }

    static func rerun(caseId: String, endpoint: String) -> String {
        var command = "neptune-conformance run --case \(quote(caseId))"
        if !endpoint.hasPrefix("embedded") { command += " --endpoint \(quote(endpoint))" }
        if endpoint.hasPrefix("embedded (faults: ") {
            let faults = endpoint.dropFirst("embedded (faults: ".count).dropLast().replacingOccurrences(
                of: " ", with: "")
            command += " --endpoint embedded:\(faults)"
        }
        return command
    }

    /// Single-quoted for a POSIX shell.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
