import Foundation
import Yams

/// Reads a spec directory (`service.yaml`, `errors.yaml`, `shapes.yaml`, `operations/*.yaml`, `resources.yaml`, and
/// when present `parameters.yaml`, `catalogues.yaml`, `vocabularies.yaml`, `instance-classes.yaml`, `plan.yaml`,
/// `scenarios.yaml`, `events.yaml`) into a `ServiceSpec`, checking every key, type, constraint and cross-reference on
/// the way.
///
/// Every problem found is reported with its file, line, column and key path; the loader goes on
/// with the other files so one run lists all of them.
public struct SpecLoader: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Loads and validates the whole spec directory.
    /// - Throws: `SpecLoadFailure` listing every problem found.
    public func load() throws(SpecLoadFailure) -> ServiceSpec {
        var problems: [SpecLoadError] = []
        func attempt<T>(_ body: () throws(SpecLoadError) -> T) -> T? {
            do { return try body() } catch {
                problems.append(error)
                return nil
            }
        }

        let service = attempt { () throws(SpecLoadError) in try readServiceFile() }
        let errors = attempt { () throws(SpecLoadError) in try readErrorsFile() } ?? [:]
        let shapeSource = attempt { () throws(SpecLoadError) in try readDocument("shapes.yaml") }
        var resolver = ShapeResolver(errors: errors)
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("catalogues.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("catalogues.yaml") })
        {
            resolver.catalogues = attempt { () throws(SpecLoadError) in try CatalogueReader().read(document) } ?? [:]
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("vocabularies.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("vocabularies.yaml") })
        {
            resolver.vocabularies = attempt { () throws(SpecLoadError) in try VocabularyReader().read(document) } ?? [:]
        }
        if let shapeSource {
            _ = attempt { () throws(SpecLoadError) in try resolver.register(shapeSource) }
            for name in resolver.rawShapes.keys.sorted() {
                _ = attempt { () throws(SpecLoadError) in try resolver.resolve(name, at: nil) }
            }
        }

        // The engine parameter catalog is optional: a spec without parameter groups needs none.
        var catalog = EngineParameterCatalog()
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("parameters.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("parameters.yaml") })
        {
            catalog = attempt { () throws(SpecLoadError) in try EngineParameterReader().read(document) } ?? catalog
        }

        // resources.yaml is read ahead for the names of the kinds it adds, which the operations' preconditions may name.
        let shapeNames = Set(resolver.rawShapes.keys)
        let resourcesDocument = attempt { () throws(SpecLoadError) in try readDocument("resources.yaml") }
        let declaredKinds = resourcesDocument.map { ResourceReader.declaredKinds(in: $0, shapes: shapeNames) } ?? []
        let knownKinds = ResourceKind.builtIn(adding: declaredKinds)
        var operations: [OperationSpec] = []
        var seen: [String: String] = [:]
        let files = attempt({ () throws(SpecLoadError) in try operationFiles() }) ?? []
        let documents = readDocuments(files)
        for (file, read) in zip(files, documents) {
            guard let document = attempt({ () throws(SpecLoadError) in try read.get() }) else { continue }
            var reader = OperationReader(resolver: resolver, errors: errors, catalog: catalog)
            reader.kinds = knownKinds
            guard let operation = attempt({ () throws(SpecLoadError) in try reader.read(document) }) else { continue }
            resolver = reader.resolver
            if let first = seen[operation.name] {
                problems.append(
                    SpecLoadError(
                        file: file, keyPath: "operation", line: operation.sourceLine,
                        message: "duplicate operation '\(operation.name)', already defined in \(first)"))
                continue
            }
            let stem = (file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            if stem != operation.name {
                problems.append(
                    SpecLoadError(
                        file: file, keyPath: "operation", line: operation.sourceLine,
                        message:
                            "operation '\(operation.name)' is in a file named \(stem).yaml; name the file \(operation.name).yaml"
                    ))
                continue
            }
            seen[operation.name] = file
            operations.append(operation)
        }
        if operations.isEmpty && problems.isEmpty {
            problems.append(
                SpecLoadError(file: "operations/", keyPath: "", message: "no operation files (*.yaml) found"))
        }
        var resources = ResourceCatalog()
        if let document = resourcesDocument {
            // Operations whose file has a mistake of its own still count as known, so one mistake is reported once.
            let stems = files.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") }
            var reader = ResourceReader(
                operations: Dictionary(operations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                operationFiles: stems, errors: errors)
            reader.shapes = shapeNames
            resources = attempt { () throws(SpecLoadError) in try reader.read(document) } ?? resources
        }
        var instanceClasses = InstanceClassCatalogue()
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("instance-classes.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("instance-classes.yaml") })
        {
            instanceClasses =
                attempt { () throws(SpecLoadError) in try InstanceClassReader().read(document) } ?? instanceClasses
        }
        var plan = PlanFigures()
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("plan.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("plan.yaml") })
        {
            plan =
                attempt { () throws(SpecLoadError) in try PlanFiguresReader(kinds: resources.knownKinds).read(document)
                } ?? plan
        }
        var scenarios: [Scenario] = []
        // Scenarios are judged against the rest of the spec: an operation file that failed would only add follow-on
        // errors (its operation unknown to every scenario calling it), so they are read once the rest loaded.
        if problems.isEmpty,
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("scenarios.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("scenarios.yaml") })
        {
            let reader = ScenarioReader(
                operations: Dictionary(operations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                resources: resources, errors: errors)
            scenarios = attempt { () throws(SpecLoadError) in try reader.read(document) } ?? scenarios
        }
        var events = EventCatalogue()
        // Read against the operations, as the scenarios are: after a failed operation file, only follow-on errors.
        if problems.isEmpty,
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("events.yaml").path),
            let document = attempt({ () throws(SpecLoadError) in try readDocument("events.yaml") })
        {
            let reader = EventCatalogueReader(
                operations: Dictionary(operations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                sourceTypes: resolver.vocabularies["SourceType"]?.values)
            events = attempt { () throws(SpecLoadError) in try reader.read(document) } ?? events
        }
        let askable = Set(operations.map(\.name)).union(resources.helperOperations)
        for catalogue in resolver.catalogues.values.sorted(by: { $0.name < $1.name })
        where !askable.contains(catalogue.ask.operation) {
            problems.append(
                SpecLoadError(
                    file: "catalogues.yaml", keyPath: "catalogues.\(catalogue.name).ask.operation",
                    message:
                        "unknown operation '\(catalogue.ask.operation)'; expected one of operations/ or helperOperations"
                ))
        }
        guard problems.isEmpty, let service else { throw SpecLoadFailure(errors: problems) }
        var shapes: [String: StructureSpec] = [:]
        for (name, shape) in resolver.resolved { shapes[name] = shape }
        return ServiceSpec(
            apiVersion: service.apiVersion, xmlNamespace: service.xmlNamespace, signingName: service.signingName,
            operations: operations, shapes: shapes, errors: errors, resources: resources,
            instanceClasses: instanceClasses, catalogues: resolver.catalogues, plan: plan, engineParameters: catalog,
            scenarios: scenarios, vocabularies: resolver.vocabularies, events: events)
    }

    // MARK: files

    /// The documents of `files`, read and parsed side by side (they are independent; what they say is read in order).
    private func readDocuments(_ files: [String]) -> [Result<YAMLCursor, SpecLoadError>] {
        var documents = [Result<YAMLCursor, SpecLoadError>?](repeating: nil, count: files.count)
        documents.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = Result { () throws(SpecLoadError) in try readDocument(files[index]) }
            }
        }
        return documents.map { $0! }
    }

    private func readDocument(_ relative: String) throws(SpecLoadError) -> YAMLCursor {
        let url = directory.appendingPathComponent(relative)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw SpecLoadError(
                file: relative, keyPath: "",
                message: exists ? "cannot read the file as UTF-8 text" : "file is missing (expected at \(url.path))")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw SpecLoadError(file: relative, keyPath: "", message: "the file is empty; expected a YAML mapping")
            }
            return YAMLCursor(node: node, path: [], file: relative)
        } catch let error as SpecLoadError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: relative)
        } catch {
            throw SpecLoadError(file: relative, keyPath: "", message: "not valid YAML: \(error)")
        }
    }

    static func describe(_ error: YamlError, file: String) -> SpecLoadError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return SpecLoadError(
                file: file, keyPath: "", line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .composer(_, let problem, let mark, _):
            return SpecLoadError(
                file: file, keyPath: "", line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SpecLoadError(
                file: file, keyPath: "", line: context.mark.line, column: context.mark.column,
                message: "duplicate key(s) \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return SpecLoadError(file: file, keyPath: "", message: "not valid YAML: \(error)")
        }
    }

    private func operationFiles() throws(SpecLoadError) -> [String] {
        let folder = directory.appendingPathComponent("operations")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw SpecLoadError(
                file: "operations/", keyPath: "", message: "folder is missing (expected at \(folder.path))")
        }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "operations/" + $0 }
    }

    private struct ServiceHeader {
        var apiVersion: String
        var xmlNamespace: String
        var signingName: String
    }

    private func readServiceFile() throws(SpecLoadError) -> ServiceHeader {
        let root = try readDocument("service.yaml")
        let entries = try root.mapping(
            allowed: ["service", "apiVersion", "xmlNamespace", "signingName", "source"],
            required: ["apiVersion", "xmlNamespace", "signingName"])
        func text(_ key: String) throws(SpecLoadError) -> String {
            try YAMLCursor.value(key, in: entries)!.nonEmptyString()
        }
        return ServiceHeader(
            apiVersion: try text("apiVersion"), xmlNamespace: try text("xmlNamespace"),
            signingName: try text("signingName"))
    }

    private func readErrorsFile() throws(SpecLoadError) -> [String: ErrorSpec] {
        let root = try readDocument("errors.yaml")
        let top = try root.mapping(allowed: ["errors"], required: ["errors"])
        var result: [String: ErrorSpec] = [:]
        for (code, node) in try YAMLCursor.value("errors", in: top)!.namedEntries() {
            let entries = try node.mapping(
                allowed: ["status", "type", "shape", "common", "note"], required: ["status", "type"])
            let statusNode = YAMLCursor.value("status", in: entries)!
            let status = try statusNode.int()
            guard (400...599).contains(status) else {
                throw statusNode.error("expected an HTTP error status 400...599, found \(status)")
            }
            let typeNode = YAMLCursor.value("type", in: entries)!
            guard let type = ErrorSpec.FaultType(rawValue: try typeNode.string()) else {
                throw typeNode.error("expected Sender or Receiver, found \(typeNode.found)")
            }
            if type == .sender && status >= 500 {
                throw typeNode.error("a Sender fault must have a 4xx status, found \(status)")
            }
            if type == .receiver && status < 500 {
                throw typeNode.error("a Receiver fault must have a 5xx status, found \(status)")
            }
            result[code] = ErrorSpec(
                code: code, shape: try YAMLCursor.value("shape", in: entries)?.nonEmptyString(), httpStatus: status,
                type: type, common: try YAMLCursor.value("common", in: entries)?.bool() ?? false)
        }
        return result
    }
}
