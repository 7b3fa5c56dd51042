import ConformanceSpec

/// Deletes resources from one side in the order `resources.yaml` lists their kinds (subscriptions and instances
/// before clusters, clusters before global clusters and groups); a delete that is refused is sent again after the
/// kind's deletion-protection switch-off step.
struct SequenceCleaner {
    let spec: ServiceSpec

    func clean(_ resources: [ExploreWorld.Resource], on side: ExploreSide, prefix: String) async {
        for lifecycle in spec.resources.lifecycles {
            for resource in resources where resource.kind == lifecycle.kind {
                await delete(
                    id: "\(prefix)-\(resource.name)", lifecycle: lifecycle, second: resource.inSecondRegion,
                    on: side)
            }
        }
    }

    /// Deletes one resource by its identifier; true when it is gone (deleted now, or not found).
    @discardableResult
    func delete(id: String, lifecycle: ResourceLifecycle, second: Bool, on side: ExploreSide) async -> Bool {
        let delete = Request(
            operation: lifecycle.delete.operation, parameters: lifecycle.delete.step.requestValues(id: id))
        let first = await side.send(delete, second: second)
        if first.status == 200 { return true }
        if let code = first.tree.flatMap(ErrorCodeReader.code), code == lifecycle.delete.notFound { return true }
        guard let off = lifecycle.deletionProtection?.off else { return false }
        _ = await side.send(Request(operation: off.operation, parameters: off.requestValues(id: id)), second: second)
        return await side.send(delete, second: second).status == 200
    }
}
