import ConformanceRunner
import Testing

/// `RegionScan` reads region names out of ARNs, endpoints and Availability Zones, and names each element whose
/// value is in another region than the one a request was signed for.
@Suite struct RegionScanTests {
    @Test(arguments: [
        ("arn:aws:rds:eu-central-1:123456789012:cluster:c1", ["eu-central-1"]),
        ("c1.cluster-abc.us-east-2.neptune.amazonaws.com", ["us-east-2"]),
        ("us-west-2b", ["us-west-2"]),
        ("arn:aws-us-gov:rds:us-gov-west-1:1:db:x", ["us-gov-west-1"]),
        ("nc-c1 in ap-southeast-2 and eu-west-1", ["ap-southeast-2", "eu-west-1"]),
        ("default.neptune1.3", []),
        ("focus-east-1", []),
        ("us-east", []),
    ])
    func regionNamesAreFoundInText(_ text: String, _ expected: [String]) {
        #expect(RegionScan.regionNames(in: text) == expected)
    }

    @Test func anElementNamingAnotherRegionIsAFindingAtItsPath() {
        let body = """
            <R><Result><DBCluster><DBClusterArn>arn:aws:rds:us-east-1:1:cluster:c</DBClusterArn>\
            <AvailabilityZones><AvailabilityZone>eu-central-1a</AvailabilityZone></AvailabilityZones>\
            </DBCluster></Result></R>
            """
        let findings = RegionScan(region: "eu-central-1").findings(in: body)
        #expect(findings.count == 1)
        #expect(findings.first?.kind == .region)
        #expect(findings.first?.path == "/R/Result/DBCluster/DBClusterArn")
        #expect(findings.first?.found?.contains("names us-east-1") == true)
        #expect(
            RegionScan(region: "us-east-1").findings(in: body).map(\.path) == [
                "/R/Result/DBCluster/AvailabilityZones/AvailabilityZone"
            ])
        #expect(RegionScan(region: "us-east-1").findings(in: "<not xml").isEmpty)
    }

    @Test func anotherServicesARNTheCallerChoseIsNotJudged() {
        let body = """
            <R><EventSubscription><SnsTopicArn>arn:aws:sns:us-east-1:1:topic</SnsTopicArn>\
            <EventSubscriptionArn>arn:aws:rds:us-east-1:1:es:s</EventSubscriptionArn></EventSubscription></R>
            """
        let findings = RegionScan(region: "eu-central-1").findings(in: body)
        #expect(findings.map(\.path) == ["/R/EventSubscription/EventSubscriptionArn"])
    }

    @Test func aResourceOfTheFirstRegionListedToTheSecondIsAFinding() {
        let body = "<R><Items><Item><Name>NC-C1</Name></Item></Items></R>"
        let scan = RegionScan(region: "eu-central-1")
        let findings = scan.findings(in: body, listing: ["nc-c1"], madeIn: "us-east-1")
        #expect(findings.map(\.path) == ["/R/Items/Item/Name"])
        #expect(scan.findings(in: "<R><Items/></R>", listing: ["nc-c1"], madeIn: "us-east-1").isEmpty)
    }
}
