import ConformanceSpec
import Foundation

/// Event subscriptions are served by the resource engine; what is theirs alone is here (NEPTUNE-FACTS-2 §2.11, §3.9):
/// a new subscription is `active` and enabled unless the request says otherwise, its sources and categories are kept
/// lower-cased (sources without repeats, in the order first given), a modify's categories must be categories of the
/// source type it leaves the subscription with, a source added must exist as a resource of the subscription's source
/// type and one removed must be listed (the engine adds and removes it, resources.yaml `adds:`/`removes:`), and a
/// deleted one is answered `deleting`. The spec's `vocabularyOf`
/// rule has judged a create's categories against its SourceType before.
extension KindBehaviour {
    static let eventSubscriptions = KindBehaviour(
        completing: { emulator, members, request, phase in
            func texts(_ name: String) -> [String]? {
                request.value(at: name).map { NeptuneEmulator.strings($0).map { $0.lowercased() } }
            }
            if case .scalar(let enabled)? = request.value(at: "Enabled") {
                members["Enabled"] = .scalar(enabled.lowercased() == "true" ? "true" : "false")
            }
            switch phase {
            case .create:
                members["Status"] = .scalar("active")
                members["Enabled"] = members["Enabled"] ?? .scalar("true")
                members["SubscriptionCreationTime"] = .scalar(NeptuneEmulator.creationTime(Date()))
                var sources: [String] = []
                for id in texts("SourceIds") ?? [] where !sources.contains(id) { sources.append(id) }
                members.setTexts("SourceIdsList", sources)
                members.setTexts("EventCategoriesList", texts("EventCategories") ?? [])
            case .modify:
                let categories = texts("EventCategories") ?? members.texts("EventCategoriesList")
                if let sourceType = members.text("SourceType") {
                    let known = NeptuneEmulator.eventCategories(in: emulator.spec).first { $0.sourceType == sourceType }
                    if let unknown = categories.first(where: { !(known?.categories ?? []).contains($0) }) {
                        return Refusal(
                            code: "SubscriptionCategoryNotFound",
                            message: "Category \(unknown) is not a category of source type \(sourceType).")
                    }
                }
                members.setTexts("EventCategoriesList", categories)
            case .delete:
                members["Status"] = .scalar("deleting")
            }
            return nil
        },
        acting: { emulator, action, record, request in
            guard let change = action.listChange else { return nil }
            let source = (emulator.text(change.parameter, request) ?? "").lowercased()
            let known =
                change.adds
                ? emulator.sourceExists(source, type: record.members.text("SourceType"))
                : record.members.texts(change.member).contains(source)
            return known ? nil : Refusal(code: "SourceNotFound", message: "Could not find source :\(source)")
        })
}
