import Foundation

/// A value of a parsed JSON document with its key path, so every read that finds the wrong kind of value throws
/// a `ServiceModel.ReadError` saying where.
struct JSONNode {
    let value: Any
    /// `shapes.DBCluster.members.Port`; empty at the root.
    let path: String
    let file: String

    func error(_ message: String) -> ServiceModel.ReadError {
        ServiceModel.ReadError(file: file, keyPath: path, message: message)
    }

    private var found: String {
        switch value {
        case is String: "a string"
        case let number as NSNumber: Self.isBoolean(number) ? "a boolean" : "a number"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        default: "null"
        }
    }

    /// JSONSerialization answers `true`/`false` as `__NSCFBoolean` on both Linux and macOS (where `1 is Bool` holds
    /// too, so a cast cannot tell them apart).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(describing: type(of: number)).contains("Boolean")
    }

    /// The members of an object, each with its key path.
    func object() throws(ServiceModel.ReadError) -> [String: JSONNode] {
        guard let dictionary = value as? [String: Any] else { throw error("expected an object, found \(found)") }
        var result: [String: JSONNode] = [:]
        for (key, item) in dictionary {
            result[key] = JSONNode(value: item, path: path.isEmpty ? key : "\(path).\(key)", file: file)
        }
        return result
    }

    /// The value under `key` of this object.
    /// - Throws: when this is not an object or has no `key`.
    func member(_ key: String) throws(ServiceModel.ReadError) -> JSONNode {
        guard let node = try object()[key] else { throw error("missing key '\(key)'") }
        return node
    }

    /// The value under `key` of this object, or nil when it has none.
    func optional(_ key: String) throws(ServiceModel.ReadError) -> JSONNode? {
        try object()[key]
    }

    func array() throws(ServiceModel.ReadError) -> [JSONNode] {
        guard let items = value as? [Any] else { throw error("expected an array, found \(found)") }
        return items.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", file: file) }
    }

    func string() throws(ServiceModel.ReadError) -> String {
        guard let text = value as? String else { throw error("expected a string, found \(found)") }
        return text
    }

    func strings() throws(ServiceModel.ReadError) -> [String] {
        var result: [String] = []
        for item in try array() { result.append(try item.string()) }
        return result
    }

    func number() throws(ServiceModel.ReadError) -> Double {
        guard let number = value as? NSNumber, !(value is String), found == "a number" else {
            throw error("expected a number, found \(found)")
        }
        return number.doubleValue
    }

    /// A whole number (an HTTP status); a fraction or a number beyond `Int` is an error, not a trap.
    func integer() throws(ServiceModel.ReadError) -> Int {
        let value = try number()
        guard let whole = Int(exactly: value) else { throw error("expected a whole number, found \(value)") }
        return whole
    }

    /// The entries of an object in key order, so the first problem reported does not depend on hashing.
    func sortedEntries() throws(ServiceModel.ReadError) -> [(key: String, value: JSONNode)] {
        try object().sorted { $0.key < $1.key }
    }

    func bool() throws(ServiceModel.ReadError) -> Bool {
        guard let number = value as? NSNumber, found == "a boolean" else {
            throw error("expected true or false, found \(found)")
        }
        return number.boolValue
    }
}
