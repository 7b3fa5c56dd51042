import Foundation

/// An access key pair and optional session token. Its descriptions never show the secret or the token.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// Where the credentials came from (`environment`, `profile default in ~/.aws/credentials`, `built-in test credentials`).
    public var source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, source: String = "given") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    /// The fixed credentials used against local endpoints when none are configured (moto and the
    /// reference server accept any key).
    public static let localTesting = AWSCredentials(
        accessKeyId: "AKIDNEPTUNECONFORMANCE", secretAccessKey: "local-testing-secret",
        source: "built-in test credentials")

    /// The access key id with all but its last four characters hidden.
    public var redactedKeyId: String {
        accessKeyId.count <= 4 ? "****" : String(repeating: "*", count: accessKeyId.count - 4) + accessKeyId.suffix(4)
    }

    public var description: String { "AWSCredentials(\(redactedKeyId), from \(source))" }
    public var debugDescription: String { description }
}

/// Why credentials could not be found or read.
public struct CredentialsError: Error, CustomStringConvertible, Equatable {
    public var description: String
}

/// Finds credentials the way the AWS SDKs do: the environment variables first, then the shared
/// credentials file, then the shared config file, for the chosen profile.
public struct CredentialsResolver: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func resolve(profile explicitProfile: String? = nil) throws(CredentialsError) -> AWSCredentials {
        if explicitProfile == nil, let key = environment["AWS_ACCESS_KEY_ID"],
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !key.isEmpty, !secret.isEmpty
        {
            return AWSCredentials(
                accessKeyId: key, secretAccessKey: secret,
                sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }, source: "environment")
        }
        let profile = explicitProfile ?? environment["AWS_PROFILE"] ?? "default"
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsFile = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
        let configFile = environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config"
        for (file, section) in [
            (credentialsFile, profile), (configFile, profile == "default" ? "default" : "profile \(profile)"),
        ] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            let values = Self.iniSection(section, in: text)
            if let key = values["aws_access_key_id"], let secret = values["aws_secret_access_key"] {
                return AWSCredentials(
                    accessKeyId: key, secretAccessKey: secret, sessionToken: values["aws_session_token"],
                    source: "profile \(profile) in \(file)")
            }
        }
        throw CredentialsError(
            description: """
                no AWS credentials for profile '\(profile)': set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, \
                or add aws_access_key_id and aws_secret_access_key to [\(profile)] in \(credentialsFile)
                """)
    }

    /// The region from `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile's `region` in the config file.
    public func region(profile explicitProfile: String? = nil) -> String? {
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"], !region.isEmpty {
            return region
        }
        let profile = explicitProfile ?? environment["AWS_PROFILE"] ?? "default"
        let configFile = environment["AWS_CONFIG_FILE"] ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.aws/config"
        guard let text = try? String(contentsOfFile: configFile, encoding: .utf8) else { return nil }
        return Self.iniSection(profile == "default" ? "default" : "profile \(profile)", in: text)["region"]
    }

    /// The `key = value` lines of one `[section]` of an INI file (comments and other sections skipped).
    static func iniSection(_ name: String, in text: String) -> [String: String] {
        var current: String?
        var values: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current == name, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            values[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }
}
