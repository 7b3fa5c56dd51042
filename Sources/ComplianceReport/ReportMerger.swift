import ConformanceRunner
import ConformanceSpec
import Foundation

/// Merges the reports of `--shard i/n` jobs into one report: results joined in shard order, and
/// coverage, findings and score computed again over all of them.
public enum ReportMerger {
    /// One report and the file it came from (for messages).
    public typealias Source = (path: String, report: RunReport)

    /// - Throws: `ReportWriterError` naming the files: different API versions, seeds or endpoints,
    ///   a case in two reports (overlapping shards), or shards of one split missing.
    public static func merge(_ sources: [Source], spec: ServiceSpec) throws -> RunReport {
        guard let first = sources.first else { throw ReportWriterError(description: "no report to merge") }
        for source in sources.dropFirst() {
            for (what, mine, theirs) in [
                ("API version", source.report.apiVersion, first.report.apiVersion),
                ("seed", "\(source.report.seed)", "\(first.report.seed)"),
                ("endpoint", source.report.endpoint, first.report.endpoint),
            ] where mine != theirs {
                throw ReportWriterError(
                    description:
                        "\(source.path) has \(what) \(mine) but \(first.path) has \(theirs): they are not shards of one run"
                )
            }
        }
        var owner: [String: String] = [:]
        for source in sources {
            for result in source.report.results {
                if let other = owner[result.id] {
                    throw ReportWriterError(
                        description: "overlapping shards: case \(result.id) is in both \(other) and \(source.path)")
                }
                owner[result.id] = source.path
            }
        }
        let shards = sources.compactMap { source in source.report.shard.flatMap(Shard.init).map { (source.path, $0) } }
        if shards.count == sources.count, let total = shards.first?.1.count {
            if let odd = shards.first(where: { $0.1.count != total }) {
                throw ReportWriterError(
                    description:
                        "\(odd.0) is shard \(odd.1.text) but \(shards[0].0) is shard \(shards[0].1.text): not one split"
                )
            }
            let missing = Set(1...total).subtracting(shards.map(\.1.index)).sorted()
            if !missing.isEmpty {
                throw ReportWriterError(
                    description:
                        "missing shards: \(missing.map { "\($0)/\(total)" }.joined(separator: ", ")) (give every report.json of the split)"
                )
            }
        }
        if let size = first.report.suiteSize, shards.count == sources.count, owner.count != size {
            throw ReportWriterError(description: "the shards hold \(owner.count) cases but the suite has \(size)")
        }
        let ordered = sources.sorted {
            (Shard($0.report.shard ?? "")?.index ?? 0) < (Shard($1.report.shard ?? "")?.index ?? 0)
        }
        var merged = first.report
        merged.results = ordered.flatMap(\.report.results)
        merged.leftovers = ordered.flatMap(\.report.leftovers)
        merged.notes = Array(NSOrderedSet(array: ordered.flatMap(\.report.notes))) as? [String] ?? []
        merged.durationSeconds = ordered.map(\.report.durationSeconds).max() ?? 0
        merged.startedAt = ordered.map(\.report.startedAt).min() ?? first.report.startedAt
        merged.shard = nil
        merged.notes.append("merged from \(sources.count) reports: " + ordered.map(\.path).joined(separator: ", "))
        let baselines = ordered.compactMap(\.report.baseline)
        if baselines.count == ordered.count, let file = baselines.first?.file {
            merged.baseline = BaselineOutcome(
                file: file, known: baselines.flatMap(\.known), new: baselines.flatMap(\.new),
                fixed: baselines.flatMap(\.fixed),
                changed: baselines.reduce(into: [:]) { $0.merge($1.changed) { first, _ in first } })
        } else {
            merged.baseline = nil
        }
        merged.triage(spec: spec)
        return merged
    }

    /// `i/n`.
    struct Shard {
        var index: Int
        var count: Int
        init?(_ text: String) {
            let parts = text.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2 else { return nil }
            index = parts[0]
            count = parts[1]
        }
        var text: String { "\(index)/\(count)" }
    }
}
