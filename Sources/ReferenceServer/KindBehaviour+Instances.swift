import ConformanceSpec

extension KindBehaviour {
    /// DB instances (NEPTUNE-FACTS-2 §2.1): the engine keeps them (identifiers lower-cased or by ARN, `creating`,
    /// `modifying` and `deleting` from resources.yaml's `transitions:`, renames, filters, tags); what is Neptune's own
    /// is here and in `NeptuneEmulator+Instances`: an instance belongs to its cluster (the first member its writer, at
    /// most 16), shows the members its cluster manages, and a class change waits for the maintenance window.
    static let instances = KindBehaviour(
        takesRequestMembers: false,
        completing: { emulator, members, request, phase in
            switch phase {
            case .create: return emulator.completeNewInstance(&members, request)
            case .modify:
                emulator.completeInstanceChange(&members, request)
                return nil
            case .delete: return nil
            }
        },
        acting: { emulator, action, record, request in
            // A reboot (the action on the way to available, resources.yaml `during:`) applies pending parameter-group
            // values ([model] ModifyDBInstance DBParameterGroupName: "the actual parameter changes are not applied until
            // you reboot the instance").
            if action.during != nil { emulator.applyParameterGroups(&record.members) }
            return nil
        },
        renamed: { emulator, from, to in
            for cluster in emulator.clusters.keysListing(from) {
                if let index = emulator.clusters[cluster]?.instances.firstIndex(of: from) {
                    emulator.clusters[cluster]?.instances[index] = to
                }
            }
        },
        removed: { emulator, id in
            for cluster in emulator.clusters.keysListing(id) {
                emulator.clusters[cluster]?.instances.removeAll { $0 == id }
            }
        })
}
