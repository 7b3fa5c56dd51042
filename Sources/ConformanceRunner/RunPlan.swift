import CaseGenerator
import ConformanceSpec
import QueryProtocol

/// What a run of `cases` would create on an endpoint, for how long and what it bills, from the spec alone: each
/// case's set-up steps and its request when it expects a success, the kinds they create (`resources.yaml`), the
/// instance classes asked for, and the rough figures of `plan.yaml`. `run --plan` prints it; a run against a
/// remote endpoint prints it before it starts.
public struct RunPlan: Sendable, Equatable {
    /// Resources created, by kind (in `resources.yaml` order).
    public var created: [(kind: String, count: Int)]
    /// Resources billed by the hour (`plan.yaml`, `hourlyBilled`) created, by class.
    public var instanceClasses: [(name: String, count: Int)]
    /// Instance minutes billed, by class, at the typical durations (each at least the minimum billed).
    public var instanceMinutes: [(name: String, minutes: Int)]
    /// Cases that create something, of all cases.
    public var creatingCases: Int
    public var totalCases: Int
    /// A rough wall time for the run, in minutes, at the concurrency given.
    public var minutes: Int
    public var concurrency: Int
    public var figures: PlanFigures

    public init(spec: ServiceSpec, cases: [TestCase], concurrency: Int) {
        var kinds: [String: Int] = [:]
        var classes: [String: Int] = [:]
        var billed: [String: Int] = [:]
        var creating = 0
        var serialMinutes = 0
        let figures = spec.plan
        for testCase in cases {
            var requests = testCase.setup.map(\.request)
            switch testCase.expectation {
            case .success, .anySuccess: requests.append(testCase.request)
            case .error, .anyClientError, .pages: break
            }
            var made: [(kind: String, instanceClass: String?)] = []
            for request in requests {
                for (kind, parameter) in spec.resources.creations(by: request.operation)
                where request.value(at: parameter) != nil {
                    var instanceClass: String?
                    if let classParameter = figures.hourlyBilled[kind.rawValue] {
                        if case .scalar(let name)? = request.value(at: classParameter) {
                            instanceClass = name
                        } else {
                            instanceClass = "the default class"
                        }
                    }
                    made.append((kind.rawValue, instanceClass))
                }
            }
            guard !made.isEmpty else { continue }
            creating += 1
            let caseMinutes = made.reduce(0) { $0 + (figures.typicalMinutes[$1.kind] ?? 0) }
            serialMinutes += caseMinutes
            for item in made {
                kinds[item.kind, default: 0] += 1
                if let name = item.instanceClass {
                    classes[name, default: 0] += 1
                    billed[name, default: 0] += max(caseMinutes, figures.minimumBilledMinutes)
                }
            }
        }
        let order = spec.resources.lifecycles.map(\.kind.rawValue)
        created = kinds.sorted {
            (order.firstIndex(of: $0.key) ?? 99, $0.key) < (order.firstIndex(of: $1.key) ?? 99, $1.key)
        }
        .map { ($0.key, $0.value) }
        instanceClasses = classes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        instanceMinutes = billed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        creatingCases = creating
        totalCases = cases.count
        self.concurrency = max(1, concurrency)
        minutes = (serialMinutes + self.concurrency - 1) / self.concurrency
        self.figures = figures
    }

    /// The plan for people, one line each.
    public var lines: [String] {
        var lines = ["Plan: \(creatingCases) of \(totalCases) cases create resources on the endpoint:"]
        if created.isEmpty { lines.append("  nothing") }
        for (kind, count) in created {
            var line = "  \(String(count).leftPadded(5)) \(kind)"
            if figures.hourlyBilled[kind] != nil, !instanceClasses.isEmpty {
                line += " (" + instanceClasses.map { "\($0.count) \($0.name)" }.joined(separator: ", ") + ")"
            }
            lines.append(line)
        }
        for (name, minutes) in instanceMinutes {
            lines.append(
                "  about \(Self.hours(minutes)) instance-hours of \(name) (each instance is billed at least "
                    + "\(figures.minimumBilledMinutes) minutes)\(figures.pricingPage.isEmpty ? "" : "; rates: \(figures.pricingPage)")"
            )
        }
        if !created.isEmpty {
            lines.append(
                "  about \(Self.duration(minutes)) at --concurrency \(concurrency), at typical creation times (real waits vary)"
            )
            lines.append("Everything the run creates is deleted afterwards; what cannot be deleted is reported.")
        }
        return lines
    }

    static func hours(_ minutes: Int) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func duration(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }

    public static func == (left: RunPlan, right: RunPlan) -> Bool { left.lines == right.lines }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
