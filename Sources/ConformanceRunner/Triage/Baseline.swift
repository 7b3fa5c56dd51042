import ConformanceSpec
import Foundation

/// Known departures, one entry per case, so CI fails only on what is new. Sorted by case id and
/// written one entry a line, so its diff reads well in a pull request.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        /// The case id.
        public var `case`: String
        /// The root cause it belonged to (`accepts-invalid/range`).
        public var finding: String
        /// How it departed, hashed (kind, spec item, the gist of the departure).
        public var fingerprint: String
        /// How strong the expectation it departed from is (`documented`, `observed`, `inferred`); absent in files
        /// written before evidence was recorded.
        public var evidence: Evidence.Level?

        public init(case: String, finding: String, fingerprint: String, evidence: Evidence.Level? = nil) {
            self.case = `case`
            self.finding = finding
            self.fingerprint = fingerprint
            self.evidence = evidence
        }
    }

    public var schemaVersion: Int
    public var tool: String
    public var apiVersion: String
    public var entries: [Entry]

    public init(apiVersion: String, entries: [Entry]) {
        schemaVersion = 1
        tool = "neptune-conformance"
        self.apiVersion = apiVersion
        self.entries = entries.sorted { $0.case < $1.case }
    }

    /// The departures of `results` as a baseline.
    public init(results: [CaseResult], apiVersion: String) {
        self.init(
            apiVersion: apiVersion,
            entries: results.compactMap { [unimplemented = UnimplementedOperations.find(in: results)] result in
                Departure(result, unimplemented: unimplemented).map {
                    Entry(
                        case: result.id, finding: $0.rootCauseId, fingerprint: $0.fingerprint,
                        evidence: $0.evidence?.level)
                }
            })
    }

    /// Reads a baseline file.
    ///
    /// - Throws: `BaselineError` naming the file: missing, not JSON, or not a baseline (with the key path).
    public static func read(_ path: String) throws(BaselineError) -> Baseline {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BaselineError(
                path: path, problem: "no such file; record one with --baseline \(path) --update-baseline")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw BaselineError(path: path, problem: "cannot read it: \(error.localizedDescription)")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.schemaVersion == 1 else {
                throw BaselineError(
                    path: path, problem: "schemaVersion \(baseline.schemaVersion) is not supported (1 is)")
            }
            var seen: Set<String> = []
            for entry in baseline.entries where !seen.insert(entry.case).inserted {
                throw BaselineError(path: path, problem: "case \(entry.case) is listed twice")
            }
            return baseline
        } catch let error as BaselineError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw BaselineError(
                path: path, problem: "missing key '\(key.stringValue)' at \(Self.keyPath(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw BaselineError(
                path: path, problem: "wrong type at \(Self.keyPath(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw BaselineError(path: path, problem: "null at \(Self.keyPath(context.codingPath))")
        } catch {
            throw BaselineError(path: path, problem: "not a JSON baseline: \(error.localizedDescription)")
        }
    }

    static func keyPath(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The file's text: a fixed key order and one entry a line.
    public var text: String {
        func quoted(_ text: String) -> String {
            String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
        var lines = [
            "{", "  \"schemaVersion\": \(schemaVersion),", "  \"tool\": \(quoted(tool)),",
            "  \"apiVersion\": \(quoted(apiVersion)),",
        ]
        if entries.isEmpty {
            lines.append("  \"entries\": []")
        } else {
            lines.append("  \"entries\": [")
            for (index, entry) in entries.enumerated() {
                let comma = index == entries.count - 1 ? "" : ","
                let evidence = entry.evidence.map { ", \"evidence\": \(quoted($0.rawValue))" } ?? ""
                lines.append(
                    "    {\"case\": \(quoted(entry.case)), \"finding\": \(quoted(entry.finding)), \"fingerprint\": \(quoted(entry.fingerprint))\(evidence)}\(comma)"
                )
            }
            lines.append("  ]")
        }
        return (lines + ["}"]).joined(separator: "\n") + "\n"
    }

    /// Writes the baseline atomically.
    public func write(to path: String) throws(BaselineError) {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw BaselineError(path: path, problem: "cannot write it: \(error.localizedDescription)")
        }
    }

    /// Judges a run's results against the baseline.
    public func judge(_ results: [CaseResult], file: String) -> BaselineOutcome {
        let known = Dictionary(entries.map { ($0.case, $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = BaselineOutcome(file: file, known: [], new: [], fixed: [], changed: [:])
        let unimplemented = UnimplementedOperations.find(in: results)
        for result in results {
            let entry = known[result.id]
            if let departure = Departure(result, unimplemented: unimplemented) {
                if let entry, entry.fingerprint == departure.fingerprint {
                    outcome.known.append(result.id)
                } else {
                    outcome.new.append(result.id)
                    if let entry {
                        outcome.changed[result.id] =
                            "departed before as \(entry.finding), now as \(departure.rootCauseId)"
                    }
                }
            } else if entry != nil && result.verdict == .passed {
                outcome.fixed.append(result.id)
            }
        }
        return outcome
    }
}

/// A baseline file that cannot be used, with its path.
public struct BaselineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "baseline \(path): \(problem)" }
}

/// What a run's departures are against a baseline.
public struct BaselineOutcome: Sendable, Codable, Equatable {
    public var file: String
    /// Departing cases the baseline lists with the same fingerprint.
    public var known: [String]
    /// Departing cases the baseline does not list, or lists with another fingerprint.
    public var new: [String]
    /// Cases the baseline lists that now pass.
    public var fixed: [String]
    /// For new cases the baseline listed otherwise: how they departed before and now.
    public var changed: [String: String]

    public init(file: String, known: [String], new: [String], fixed: [String], changed: [String: String]) {
        self.file = file
        self.known = known
        self.new = new
        self.fixed = fixed
        self.changed = changed
    }
}
