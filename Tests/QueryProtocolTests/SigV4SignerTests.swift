import ConformanceTestSupport
import Foundation
import Testing

@testable import QueryProtocol

@Suite struct SigV4SignerTests {
    static let exampleCredentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let exampleDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    /// The worked example of the AWS General Reference ("Signature Version 4 signing process"):
    /// IAM ListUsers, 2015-08-30T12:36:00Z, AKIDEXAMPLE.
    @Test func publishedIAMListUsersExample() {
        let signer = SigV4Signer(credentials: Self.exampleCredentials, region: "us-east-1", service: "iam")
        #expect(SigV4Signer.amzDate(Self.exampleDate) == "20150830T123600Z")
        let headers = [
            ("Host", "iam.amazonaws.com"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ]
        let key = signer.signingKey(day: "20150830")
        #expect(
            SigV4Signer.hex(key.withUnsafeBytes { Array($0) })
                == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
        let parts = signer.canonicalParts(
            method: "GET", path: "/", query: "Action=ListUsers&Version=2010-05-08",
            headers: headers + [("X-Amz-Date", "20150830T123600Z")], body: [UInt8]())
        #expect(parts.signedHeaders == "content-type;host;x-amz-date")
        #expect(
            parts.request == """
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        let added = signer.sign(
            method: "GET", query: "Action=ListUsers&Version=2010-05-08", headers: headers, body: [UInt8](),
            date: Self.exampleDate)
        let authorization = added.first { $0.0 == "Authorization" }?.1
        #expect(
            authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        )
    }

    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var host: String
        var region: String
        var token: String?
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(
            name: "describe", body: "Action=DescribeDBClusters&Version=2014-10-31", host: "rds.us-east-1.amazonaws.com",
            region: "us-east-1"),
        Sample(
            name: "create with lists and a session token",
            body:
                "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=nc-a1&Engine=neptune&Tags.Tag.1.Key=team&Tags.Tag.1.Value=graph%20db&VpcSecurityGroupIds.VpcSecurityGroupId.1=sg-1",
            host: "rds.eu-west-1.amazonaws.com", region: "eu-west-1", token: "FwoGZXIvYXdzEXAMPLE//token+with/slashes="),
        Sample(
            name: "local port and odd characters",
            body:
                "Action=ModifyDBCluster&Version=2014-10-31&DBClusterIdentifier=x&PreferredMaintenanceWindow=mon%3A03%3A00-mon%3A03%3A30&Tags.Tag.1.Value=%C3%A9t%C3%A9%2A",
            host: "127.0.0.1:5000", region: "us-west-2"),
        Sample(name: "empty body", body: "", host: "localhost:4566", region: "ap-southeast-2"),
    ]

    /// botocore's SigV4Auth signs the same request, time and credentials: the headers must be identical.
    @Test(
        .enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)),
        arguments: samples) func matchesBotocore(_ sample: Sample) async throws
    {
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: sample.token)
        let signer = SigV4Signer(credentials: credentials, region: sample.region, service: "rds")
        let headers = [("Host", sample.host), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        let ours = signer.sign(method: "POST", headers: headers, body: Array(sample.body.utf8), date: Self.exampleDate)
        var item: [String: Any] = [
            "url": "http://\(sample.host)/", "body": sample.body, "headers": headers.map { [$0.0, $0.1] },
            "amzDate": "20150830T123600Z",
            "accessKey": credentials.accessKeyId, "secretKey": credentials.secretAccessKey, "region": sample.region,
            "service": "rds",
        ]
        if let token = sample.token { item["sessionToken"] = token }
        _ = try ExternalTool.botocore.require()
        let result = try await ProcessResult.python(
            "botocore_sigv4_oracle.py", input: try JSONSerialization.data(withJSONObject: item) + Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(ours.first { $0.0 == "Authorization" }?.1 == theirs["Authorization"] as? String)
        #expect(ours.first { $0.0 == "X-Amz-Date" }?.1 == theirs["X-Amz-Date"] as? String)
        #expect(ours.first { $0.0 == "X-Amz-Security-Token" }?.1 == theirs["X-Amz-Security-Token"] as? String)
    }

    @Test func aChangedBodyOrKeyChangesTheSignature() {
        let signer = SigV4Signer(credentials: Self.exampleCredentials, region: "us-east-1", service: "rds")
        let headers = [("Host", "h"), ("Content-Type", "application/x-www-form-urlencoded")]
        func signature(_ signer: SigV4Signer, _ body: String) -> String? {
            signer.sign(method: "POST", headers: headers, body: Array(body.utf8), date: Self.exampleDate).first {
                $0.0 == "Authorization"
            }?.1
        }
        let base = signature(signer, "Action=A")
        #expect(base != signature(signer, "Action=B"))
        var other = signer
        other.credentials.secretAccessKey += "x"
        #expect(base != signature(other, "Action=A"))
    }
}

@Suite struct CredentialsTests {
    @Test func environmentComesFirst() throws {
        let resolver = CredentialsResolver(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "tok",
            "HOME": "/nonexistent",
        ])
        let credentials = try resolver.resolve()
        #expect(
            credentials.accessKeyId == "AKIAENV" && credentials.sessionToken == "tok"
                && credentials.source == "environment")
    }

    @Test func profilesFromTheSharedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        # comment
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = defaultsecret

        [test]
        aws_access_key_id=AKIATEST
        aws_secret_access_key=testsecret
        aws_session_token = testtoken
        """.write(to: folder.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        try """
        [profile test]
        region = eu-central-1
        [profile configonly]
        aws_access_key_id = AKIACONFIG
        aws_secret_access_key = configsecret
        """.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let environment = [
            "AWS_SHARED_CREDENTIALS_FILE": folder.appendingPathComponent("credentials").path,
            "AWS_CONFIG_FILE": folder.appendingPathComponent("config").path,
        ]
        let resolver = CredentialsResolver(environment: environment)
        #expect(try resolver.resolve().accessKeyId == "AKIADEFAULT")
        let test = try resolver.resolve(profile: "test")
        #expect(test.accessKeyId == "AKIATEST" && test.sessionToken == "testtoken")
        #expect(resolver.region(profile: "test") == "eu-central-1")
        #expect(try resolver.resolve(profile: "configonly").accessKeyId == "AKIACONFIG")
        #expect(
            CredentialsResolver(environment: environment.merging(["AWS_PROFILE": "test"]) { $1 }).region()
                == "eu-central-1")
        #expect(throws: CredentialsError.self) { try resolver.resolve(profile: "missing") }
        do {
            _ = try resolver.resolve(profile: "missing")
        } catch {
            #expect(error.description.contains("missing") && !error.description.contains("testsecret"))
        }
    }

    @Test func descriptionsNeverShowSecrets() {
        let credentials = AWSCredentials(
            accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            sessionToken: "SESSIONTOKEN")
        for text in [
            credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials),
        ] {
            #expect(!text.contains("wJalr") && !text.contains("SESSIONTOKEN") && !text.contains("AKIAIOSFODNN7"))
            #expect(text.contains("MPLE"))
        }
    }
}
