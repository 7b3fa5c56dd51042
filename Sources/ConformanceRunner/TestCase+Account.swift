import CaseGenerator
import QueryProtocol

extension TestCase {
    /// The account resources (`{{account:NAME}}` tokens) the case's set-up steps, request and tear-down name, each
    /// with the region it is signed for.
    var accountNeeds: [(name: String, region: SigningRegion?)] {
        var needs: [(name: String, region: SigningRegion?)] = []
        func add(_ request: Request, _ region: SigningRegion?) {
            for value in request.runtimeValues {
                guard let name = value.accountName,
                    !needs.contains(where: { $0.name == name && $0.region == region })
                else { continue }
                needs.append((name, region))
            }
        }
        for step in setup { add(step.request, step.signingRegion) }
        add(request, signingRegion)
        for step in teardown { add(step.request, step.signingRegion) }
        return needs
    }

    /// Why the case cannot run against an account with `resources` (endpoint region `region`, second region
    /// `second`), or nil when it has every resource it names.
    func missingAccountResource(in resources: AccountResources, region: String, second: String) -> String? {
        for need in accountNeeds {
            let signed = need.region == .second ? second : region
            if resources.value(need.name, region: signed) == nil {
                return
                    "it needs the account's \(need.name) in \(signed): \(resources.reason(need.name, region: signed))"
            }
        }
        return nil
    }
}
