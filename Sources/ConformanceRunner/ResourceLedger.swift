import ConformanceSpec
import QueryProtocol

/// Every resource the run created and has not yet deleted, so tear-down only ever deletes what the
/// run made, and a final sweep deletes what is left (after failures and interrupts).
public actor ResourceLedger {
    public enum Kind: String, Sendable, CaseIterable {
        case instance = "DBInstance"
        case cluster = "DBCluster"
        case snapshot = "DBClusterSnapshot"
    }

    var live: [Kind: [String]] = [:]

    /// Per operation, the parameters whose resource another parameter renames, with that parameter
    /// (`ModifyDBCluster`: `DBClusterIdentifier` renamed by `NewDBClusterIdentifier`), from the spec's `renames`.
    let renames: [String: [(named: String, renaming: String)]]

    public init(spec: ServiceSpec? = nil) {
        var renames: [String: [(named: String, renaming: String)]] = [:]
        for operation in spec?.operations ?? [] {
            for member in operation.parameters.members { if let named = member.renames { renames[operation.name, default: []].append((named, member.name)) } }
        }
        self.renames = renames
    }

    public func contains(_ kind: Kind, _ id: String) -> Bool { live[kind]?.contains(id.lowercased()) ?? false }

    public var remaining: [(Kind, String)] {
        Kind.allCases.flatMap { kind in (live[kind] ?? []).map { (kind, $0) } }
    }

    /// Updates the ledger after a request that the endpoint answered with success.
    public func record(_ request: Request) {
        let value = { (name: String) in Self.identifier(name, in: request) }
        switch request.operation {
        case "CreateDBCluster", "RestoreDBClusterFromSnapshot", "RestoreDBClusterToPointInTime":
            if let id = value("DBClusterIdentifier") { add(.cluster, id) }
        case "DeleteDBCluster":
            if let id = value("DBClusterIdentifier") { remove(.cluster, id) }
            if let snapshot = value("FinalDBSnapshotIdentifier") { add(.snapshot, snapshot) }
        case "CreateDBInstance": if let id = value("DBInstanceIdentifier") { add(.instance, id) }
        case "DeleteDBInstance": if let id = value("DBInstanceIdentifier") { remove(.instance, id) }
        case "CreateDBClusterSnapshot": if let id = value("DBClusterSnapshotIdentifier") { add(.snapshot, id) }
        case "DeleteDBClusterSnapshot": if let id = value("DBClusterSnapshotIdentifier") { remove(.snapshot, id) }
        default: break
        }
        for (named, renaming) in renames[request.operation] ?? [] {
            guard let old = value(named), let new = value(renaming) else { continue }
            for kind in Kind.allCases where contains(kind, old) {
                remove(kind, old)
                add(kind, new)
            }
        }
    }

    /// Marks a resource gone (the endpoint said it does not exist).
    public func forget(_ kind: Kind, _ id: String) { remove(kind, id) }

    func add(_ kind: Kind, _ id: String) {
        if !(live[kind]?.contains(id) ?? false) { live[kind, default: []].append(id) }
    }

    func remove(_ kind: Kind, _ id: String) { live[kind]?.removeAll { $0 == id } }

    /// The resource a tear-down step deletes, if it is a delete.
    public static func target(ofDelete request: Request) -> (Kind, String)? {
        let value = { (name: String) in Self.identifier(name, in: request) }
        switch request.operation {
        case "DeleteDBCluster", "ModifyDBCluster": return value("DBClusterIdentifier").map { (.cluster, $0) }
        case "DeleteDBInstance": return value("DBInstanceIdentifier").map { (.instance, $0) }
        case "DeleteDBClusterSnapshot": return value("DBClusterSnapshotIdentifier").map { (.snapshot, $0) }
        default: return nil
        }
    }

    /// The lower-cased identifier a request gives in `name`, if any.
    static func identifier(_ name: String, in request: Request) -> String? {
        if case .scalar(let text)? = request.value(at: name) { return text.lowercased() }
        return nil
    }
}
