/// The plain JSON form of requests (the documented contract of `cases --format jsonl`, see
/// Schemas/case.schema.json): parameters as a JSON object whose values are strings (scalars, sent
/// as written, wrong types included), arrays (lists) and objects (structures).
extension Request {
    enum CodingKeys: String, CodingKey {
        case operation, parameters
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        operation = try container.decode(String.self, forKey: .operation)
        parameters = try ParameterValue.members(from: container.superDecoder(forKey: .parameters))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operation, forKey: .operation)
        try ParameterValue.structure(parameters).encode(to: container.superEncoder(forKey: .parameters))
    }
}

extension ParameterValue {
    /// A JSON object key: any member name.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .scalar(text)
        } else if var list = try? decoder.unkeyedContainer() {
            var items: [ParameterValue] = []
            while !list.isAtEnd { items.append(try list.decode(ParameterValue.self)) }
            self = .list(items)
        } else {
            self = .structure(try Self.members(from: decoder))
        }
    }

    /// The members of a JSON object, in the order the decoder gives its keys (a request's body keeps the exact order).
    static func members(from decoder: any Decoder) throws -> [Parameter] {
        let object = try decoder.container(keyedBy: Key.self)
        return try object.allKeys.map { Parameter($0.stringValue, try object.decode(ParameterValue.self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .scalar(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .structure(let members):
            var container = encoder.container(keyedBy: Key.self)
            for member in members { try container.encode(member.value, forKey: Key(stringValue: member.name)) }
        }
    }
}
