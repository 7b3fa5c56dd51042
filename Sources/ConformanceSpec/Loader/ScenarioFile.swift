import Foundation
import Yams

/// Reads a file in the `scenarios.yaml` format (an explore replay, a scenario written elsewhere) against a loaded
/// spec, with the same checks `SpecLoader` applies to `Specs/scenarios.yaml`.
public enum ScenarioFile {
    /// The scenarios of the YAML `text`, checked against `spec`.
    ///
    /// - Parameter file: the name errors give as the file.
    /// - Throws: `SpecLoadError` at the first problem, with its line and key path.
    public static func read(_ text: String, file: String, spec: ServiceSpec) throws(SpecLoadError) -> [Scenario] {
        let root: YAMLCursor
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw SpecLoadError(file: file, keyPath: "", message: "the file is empty; expected a YAML mapping")
            }
            root = YAMLCursor(node: node, path: [], file: file)
        } catch let error as SpecLoadError {
            throw error
        } catch let error as YamlError {
            throw SpecLoader.describe(error, file: file)
        } catch {
            throw SpecLoadError(file: file, keyPath: "", message: "not valid YAML: \(error)")
        }
        let reader = ScenarioReader(
            operations: Dictionary(spec.operations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            resources: spec.resources, errors: spec.errors)
        return try reader.read(root)
    }
}
