extension ServiceModelCrossCheck.Walk {
    /// The constraints and default a request member's documentation (and its shape's traits) state against the
    /// spec's, as `DocumentedConstraints.differences` compares them. A member marked `departsFromSources:` is reported as a
    /// departure instead.
    mutating func compareDocumentation(of member: MemberSpec, _ modelMember: ServiceModel.Member, path: String) {
        let documented = model.documentedConstraints(of: modelMember)
        if documented.isEmpty { return }
        if let reason = member.departsFromSources {
            report.departures.append(
                ServiceModelCrossCheck.Departure(operation: operation, path: path, reason: reason))
            return
        }
        let (compared, messages) = documented.differences(
            from: member, source: "the service model's documentation")
        report.constraintsCompared += compared
        for message in messages { problem(path, message) }
    }
}
