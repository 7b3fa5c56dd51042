extension OperationReader {
    static let pagingKeys = ["limit", "token", "items", "key", "badToken", "note"]

    /// Reads `paging:`, checking that each name is a member of the right kind: an integer limit parameter, a
    /// string token that is both a parameter and a result member, a result list of structures with the key.
    func readPaging(
        _ node: YAMLCursor, parameters: StructureSpec, output: StructureSpec, errors operationErrors: [String]
    )
        throws(SpecLoadError) -> Paging
    {
        let entries = try node.mapping(
            allowed: Self.pagingKeys, required: ["limit", "token", "items", "key", "badToken"])
        func value(_ key: String) -> YAMLCursor { YAMLCursor.value(key, in: entries)! }
        let limit = try value("limit").nonEmptyString()
        guard parameters.member(named: limit)?.type == .integer else {
            throw value("limit").error("'\(limit)' must be an integer parameter of this operation")
        }
        let token = try value("token").nonEmptyString()
        guard parameters.member(named: token)?.type == .string, output.member(named: token)?.type == .string else {
            throw value("token").error("'\(token)' must be a string parameter and a string result member")
        }
        let items = try value("items").nonEmptyString()
        guard case .list(let list)? = output.member(named: items)?.type, case .structure(let item) = list.member else {
            throw value("items").error("'\(items)' must be a result member listing structures")
        }
        let key = try value("key").nonEmptyString()
        // A composite key names several members joined by `+`.
        for part in key.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        where item.member(named: part) == nil {
            throw value("key").error("'\(part)' is not a member of the items of \(items)")
        }
        let bad = try value("badToken").mapping(allowed: ["error", "inferred"], required: ["error"])
        let code = try YAMLCursor.value("error", in: bad)!.nonEmptyString()
        guard let known = errors[code], known.common || operationErrors.contains(code) else {
            throw YAMLCursor.value("error", in: bad)!.error(
                "'\(code)' is neither a common error nor in this operation's errors")
        }
        return Paging(
            limit: limit, token: token, items: items, key: key, badTokenError: code,
            badTokenInferred: try YAMLCursor.value("inferred", in: bad)?.bool() ?? false)
    }

    /// Reads `filters:` (name → `matches:` members of the paged items), for an operation with a `Filters` list
    /// parameter and `paging:` naming its items.
    func readFilters(_ node: YAMLCursor, parameters: StructureSpec, output: StructureSpec) throws(SpecLoadError)
        -> [FilterSpec]
    {
        guard parameters.member(named: "Filters") != nil else {
            throw node.error("'filters' needs a Filters parameter")
        }
        var result: [FilterSpec] = []
        for (name, entry) in try node.namedEntries() {
            let fields = try entry.mapping(
                allowed: ["matches", "names", "values", "error", "inferred", "note"], required: ["matches"])
            let matches = try YAMLCursor.value("matches", in: fields)!.strings()
            if matches.isEmpty { throw entry.error("'matches' needs at least one member") }
            var filter = FilterSpec(name: name, matches: matches)
            if let node = YAMLCursor.value("names", in: fields) {
                guard let kind = ResourceKind.named(try node.string(), among: kinds) else {
                    throw node.error(
                        "unknown resource \(node.found): 'names' is the kind whose identifiers or ARNs the values are")
                }
                filter.names = kind
            }
            if let node = YAMLCursor.value("values", in: fields) {
                filter.values = try node.strings()
                guard filter.values?.isEmpty == false, let error = YAMLCursor.value("error", in: fields) else {
                    throw node.error("'values' needs at least one value and an 'error' that refuses the others")
                }
                filter.error = try error.nonEmptyString()
                filter.errorInferred = try YAMLCursor.value("inferred", in: fields)?.bool() ?? false
            } else if let error = YAMLCursor.value("error", in: fields) {
                throw error.error("'error' refuses values outside 'values', which this filter does not have")
            }
            result.append(filter)
        }
        return result
    }
}
