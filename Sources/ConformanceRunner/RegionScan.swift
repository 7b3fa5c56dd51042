import Foundation
import XMLCompare

/// Finds region names in an answer that are not the region the request was signed for: in ARNs
/// (`arn:aws:rds:eu-central-1:…`), endpoints (`….eu-central-1.neptune.amazonaws.com`) and Availability Zones
/// (`eu-central-1a`). A regional service answers in the region of the request's credential scope.
public struct RegionScan: Sendable {
    /// The region the request was signed for.
    public let region: String

    public init(region: String) { self.region = region }

    /// The partitions' region prefixes (`us`, `eu`, `ap`, … and `us-gov`, `cn`).
    static let prefixes = ["us-gov", "us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn"]

    /// One finding per element whose text names another region (at most 20, then a count).
    public func findings(in body: String) -> [Finding] {
        guard let tree = try? SafeXMLParser().parse(body) else { return [] }
        var findings: [Finding] = []
        var more = 0
        func visit(_ element: XMLTree.Element, path: String) {
            let here = "\(path)/\(element.name)"
            if element.children.isEmpty, !Self.isOtherServiceARN(element.value) {
                let others = Self.regionNames(in: element.value).filter { $0 != region }
                if let other = others.first {
                    if findings.count < 20 {
                        findings.append(
                            Finding(
                                kind: .region, path: here, expected: "a value in \(region), the region signed for",
                                found: "\(element.value) (names \(other))"))
                    } else {
                        more += 1
                    }
                }
            }
            for child in element.children { visit(child, path: here) }
        }
        visit(tree.root, path: "")
        if more > 0 {
            findings.append(
                Finding(
                    kind: .region, path: "/\(tree.root.name)", expected: "values in \(region)",
                    found: "\(more) more values naming another region"))
        }
        return findings
    }

    /// For a request that looks up, from this region, what was made in `home`: one finding when the answer lists
    /// one of the request's values (the resource it names), which this region must not know.
    public func findings(in body: String, listing values: [String], madeIn home: String) -> [Finding] {
        guard let tree = try? SafeXMLParser().parse(body) else { return [] }
        let wanted = Set(values.map { $0.lowercased() })
        func search(_ element: XMLTree.Element, path: String) -> Finding? {
            let here = "\(path)/\(element.name)"
            if element.children.isEmpty, wanted.contains(element.value.lowercased()) {
                return Finding(
                    kind: .region, path: here,
                    expected: "nothing made in \(home) listed to a request signed for \(region)",
                    found: element.value)
            }
            for child in element.children { if let found = search(child, path: here) { return found } }
            return nil
        }
        return search(tree.root, path: "").map { [$0] } ?? []
    }

    /// The region names in `text`: a partition prefix, a hyphen, a word, a hyphen and a number
    /// (`eu-central-1`; the letter of an Availability Zone is not part of it).
    /// True for the ARN of another service's resource (`arn:aws:sns:us-east-1:…:topic`): the caller chose it (an
    /// event subscription's topic), so its region says nothing of where the service answers.
    static func isOtherServiceARN(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] != "rds"
    }

    public static func regionNames(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        var index = 0
        while index < scalars.count {
            let boundary = index == 0 || !Self.isWordCharacter(scalars[index - 1])
            if boundary, let (name, end) = region(in: scalars, at: index) {
                found.append(name)
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The region name starting at `start`, and where it ends.
    static func region(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        for prefix in prefixes {
            let head = Array(prefix.unicodeScalars)
            guard start + head.count < scalars.count, Array(scalars[start..<start + head.count]) == head,
                scalars[start + head.count] == "-"
            else { continue }
            var index = start + head.count + 1
            let wordStart = index
            while index < scalars.count, ("a"..."z").contains(scalars[index]) { index += 1 }
            guard index > wordStart, index < scalars.count, scalars[index] == "-" else { continue }
            index += 1
            let digitStart = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > digitStart else { continue }
            var name = ""
            name.unicodeScalars.append(contentsOf: scalars[start..<index])
            return (name, index)
        }
        return nil
    }
}
