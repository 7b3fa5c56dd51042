/// A request: the operation and its parameters as the query protocol will carry them.
public struct Request: Sendable, Equatable, Codable {  // JSON form: Request+JSON.swift
    public var operation: String
    public var parameters: [Parameter]

    public init(operation: String, parameters: [Parameter]) {
        self.operation = operation
        self.parameters = parameters
    }

    /// The value of a top-level or dotted-path parameter, if set.
    public func value(at path: String) -> ParameterValue? {
        // Most look-ups name a top-level parameter: no split (splitting was 2 % of a whole run's CPU).
        if !path.utf8.contains(UInt8(ascii: ".")) { return parameters.first { $0.name == path }?.value }
        var current: [Parameter] = parameters
        var found: ParameterValue?
        for part in path.split(separator: ".") {
            guard let match = current.first(where: { $0.name == part }) else { return nil }
            found = match.value
            if case .structure(let members) = match.value { current = members } else { current = [] }
        }
        return found
    }

    /// The request's `Filters`: each filter's name with its values, in the order given (a filter without a name is
    /// left out). The contract evaluator and the reference server read them alike.
    public var filters: [(name: String, values: [String])] {
        guard case .list(let filters)? = value(at: "Filters") else { return [] }
        return filters.compactMap { filter in
            guard case .structure(let members) = filter,
                case .scalar(let name)? = members.first(where: { $0.name == "Name" })?.value
            else { return nil }
            var values: [String] = []
            if case .list(let items)? = members.first(where: { $0.name == "Values" })?.value {
                for case .scalar(let text) in items { values.append(text) }
            }
            return (name, values)
        }
    }

    /// Every scalar with its dotted path (list members as `Path.N`), for `{{input:…}}` placeholders.
    public var flattenedInputs: [String: String] {
        var result: [String: String] = [:]
        func walk(_ value: ParameterValue, _ path: String) {
            switch value {
            case .scalar(let text): result[path] = text
            case .list(let items): for (index, item) in items.enumerated() { walk(item, "\(path).\(index + 1)") }
            case .structure(let members): for member in members { walk(member.value, "\(path).\(member.name)") }
            }
        }
        for parameter in parameters { walk(parameter.value, parameter.name) }
        return result
    }
}

/// A named parameter value.
public struct Parameter: Sendable, Equatable, Codable {
    public var name: String
    public var value: ParameterValue

    public init(_ name: String, _ value: ParameterValue) {
        self.name = name
        self.value = value
    }
}

/// A parameter value as raw text, so invalid cases can send what the spec forbids (wrong types included).
public indirect enum ParameterValue: Sendable, Equatable, Codable {  // JSON form: Request+JSON.swift
    case scalar(String)
    case list([ParameterValue])
    case structure([Parameter])
}
