import ConformanceSpec

/// The families of spec items faults break, read from the spec, with the ids of `FaultDecorator`'s scheme.
extension ServiceSpec {
    /// `Op.Path#keyword` for every constraint with this keyword (on parameters, structure members and list
    /// members), skipping identifier rules on parameters that name existing resources, as the coverage report does.
    func constraintItems(keyword: String) -> [String] {
        var items: [String] = []
        for operation in operations {
            for member in operation.parameters.members {
                for (path, constraint) in operation.judgedConstraints(of: member) where constraint.keyword == keyword {
                    let item = SpecItemID.constraint(operation.name, path, keyword).text
                    if !items.contains(item) { items.append(item) }
                }
            }
        }
        return items
    }

    /// `Op.Name#unsupported` for every parameter Neptune does not support (of operations it supports).
    var unsupportedItems: [String] {
        operations.filter { !$0.unsupported }.flatMap { operation in
            operation.parameters.members.filter(\.unsupported).map {
                SpecItemID.constraint(operation.name, $0.name, "unsupported").text
            }
        }
    }

    /// `Op#keyword` for every operation with a rule of this keyword.
    func ruleItems(keyword: String) -> [String] {
        operations.filter { $0.rules.contains { $0.keyword == keyword } }.map { SpecItemID.rule($0.name, keyword).text }
    }

    /// `Op#keyword:Param` for every precondition `matching` accepts.
    func preconditionItems(_ matching: (OperationSpec, Precondition) -> Bool) -> [String] {
        operations.flatMap { operation in
            operation.preconditions.filter { matching(operation, $0) }.map {
                SpecItemID.precondition(operation.name, $0.keyword, $0.parameter).text
            }
        }
    }

    /// `Op.Name#lowercased` for every parameter the service stores and compares lower-cased.
    var lowercasedItems: [String] {
        operations.flatMap { operation in
            operation.parameters.members.filter(\.lowercased).map {
                SpecItemID.constraint(operation.name, $0.name, "lowercased").text
            }
        }
    }

    /// `Op.request.Name` for every operation that takes the parameter `name`.
    func requestItems(parameter name: String) -> [String] {
        operations.filter { $0.parameters.member(named: name).map { !$0.unsupported } ?? false }.map {
            SpecItemID.requestMember($0.name, name).text
        }
    }

    /// `errors.Code#aspect` (`code`, `status`, `type`) for every error `matching` accepts, by code.
    func errorItems(_ aspect: String, _ matching: (ErrorSpec) -> Bool) -> [String] {
        errors.values.filter(matching).map(\.code).sorted().map { SpecItemID.error($0, aspect).text }
    }
}
