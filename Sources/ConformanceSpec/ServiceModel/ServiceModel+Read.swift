import Foundation

extension ServiceModel {
    /// Reads a model file: `service-2.json`, or `service-2.json.gz` (told apart by the gzip magic bytes, not the
    /// name).
    /// - Throws: `ServiceModel.ReadError` naming the file (and the key path) when it cannot be read, decompressed,
    ///   parsed as JSON or read as a service model.
    public static func load(path: String) throws(ReadError) -> ServiceModel {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw ReadError(file: path, keyPath: "", message: "cannot read the file")
        }
        var data = bytes
        if Gzip.isCompressed(bytes) {
            do { data = try Gzip.decompress(bytes) } catch {
                throw ReadError(file: path, keyPath: "", message: "cannot decompress: \(error)")
            }
        }
        return try read(json: data, file: path)
    }

    /// Reads the model from JSON text; `file` names it in errors.
    public static func read(json data: Data, file: String) throws(ReadError) -> ServiceModel {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ReadError(
                file: file, keyPath: "",
                message:
                    "not JSON (\(data.isEmpty ? "the file is empty" : "truncated or malformed, \(data.count) bytes"))"
            )
        }
        let root = JSONNode(value: object, path: "", file: file)
        let metadata = try root.member("metadata")
        let apiVersion = try metadata.member("apiVersion").string()
        let signingName = try metadata.optional("signingName")?.string()
        let protocolName = try metadata.optional("protocol")?.string()

        var shapes: [String: Shape] = [:]
        for (name, node) in try root.member("shapes").sortedEntries() {
            shapes[name] = try readShape(name: name, node)
        }
        var operations: [String: Operation] = [:]
        for (name, node) in try root.member("operations").sortedEntries() {
            operations[name] = try readOperation(name: name, node)
        }
        let model = ServiceModel(
            apiVersion: apiVersion, signingName: signingName, protocolName: protocolName, operations: operations,
            shapes: shapes)
        try model.checkReferences(file: file)
        return model
    }

    private static func readOperation(name: String, _ node: JSONNode) throws(ReadError) -> Operation {
        var operation = Operation(name: name, documentation: try node.optional("documentation")?.string())
        if let input = try node.optional("input") {
            operation.input = try input.member("shape").string()
        }
        if let output = try node.optional("output") {
            operation.output = try output.member("shape").string()
            operation.resultWrapper = try output.optional("resultWrapper")?.string()
        }
        for error in try node.optional("errors")?.array() ?? [] {
            operation.errors.append(try error.member("shape").string())
        }
        return operation
    }

    private static func readShape(name: String, _ node: JSONNode) throws(ReadError) -> Shape {
        let typeNode = try node.member("type")
        let kind: Kind
        switch try typeNode.string() {
        case "structure":
            var members: [Member] = []  // by name: JSONSerialization keeps no key order
            let membersNode = try node.member("members")
            for (memberName, memberNode) in try membersNode.sortedEntries() {
                members.append(try readMember(name: memberName, memberNode))
            }
            kind = .structure(members: members, required: try node.optional("required")?.strings() ?? [])
        case "list":
            kind = .list(member: try readMember(name: "member", try node.member("member")))
        case "map":
            kind = .map(
                key: try readMember(name: "key", try node.member("key")),
                value: try readMember(name: "value", try node.member("value")))
        case "string": kind = .string(enumValues: try node.optional("enum")?.strings())
        case "integer", "long": kind = .integer
        case "boolean": kind = .boolean
        case "double", "float": kind = .double
        case "timestamp": kind = .timestamp
        case "blob": kind = .blob
        case let other:
            throw typeNode.error(
                "unknown shape type '\(other)' (expected structure, list, map, string, integer, long, boolean, double, float, timestamp or blob)"
            )
        }
        var shape = Shape(name: name, kind: kind, documentation: try node.optional("documentation")?.string())
        shape.min = try node.optional("min")?.number()
        shape.max = try node.optional("max")?.number()
        shape.pattern = try node.optional("pattern")?.string()
        if let errorNode = try node.optional("error") {
            shape.error = ErrorTrait(
                code: try errorNode.optional("code")?.string() ?? name,
                httpStatusCode: try errorNode.member("httpStatusCode").integer(),
                senderFault: try errorNode.optional("senderFault")?.bool() ?? false)
        }
        return shape
    }

    private static func readMember(name: String, _ node: JSONNode) throws(ReadError) -> Member {
        Member(
            name: name, shape: try node.member("shape").string(),
            locationName: try node.optional("locationName")?.string(),
            documentation: try node.optional("documentation")?.string())
    }

    /// Every shape an operation, structure, list or map names must be in `shapes`.
    private func checkReferences(file: String) throws(ReadError) {
        func check(_ shape: String, at keyPath: String) throws(ReadError) {
            if shapes[shape] == nil {
                throw ReadError(file: file, keyPath: keyPath, message: "names shape '\(shape)', which the model lacks")
            }
        }
        for operation in operations.values.sorted(by: { $0.name < $1.name }) {
            let path = "operations.\(operation.name)"
            if let input = operation.input { try check(input, at: path + ".input.shape") }
            if let output = operation.output { try check(output, at: path + ".output.shape") }
            for (index, error) in operation.errors.enumerated() {
                try check(error, at: path + ".errors[\(index)].shape")
                if shapes[error]?.error == nil {
                    throw ReadError(
                        file: file, keyPath: path + ".errors[\(index)]", message: "shape '\(error)' has no error trait")
                }
            }
        }
        for shape in shapes.values.sorted(by: { $0.name < $1.name }) {
            let path = "shapes.\(shape.name)"
            switch shape.kind {
            case .structure(let members, let required):
                for member in members { try check(member.shape, at: path + ".members.\(member.name).shape") }
                for name in required where !members.contains(where: { $0.name == name }) {
                    throw ReadError(
                        file: file, keyPath: path + ".required", message: "names '\(name)', which is not a member")
                }
            case .list(let member): try check(member.shape, at: path + ".member.shape")
            case .map(let key, let value):
                try check(key.shape, at: path + ".key.shape")
                try check(value.shape, at: path + ".value.shape")
            default: break
            }
        }
    }
}
