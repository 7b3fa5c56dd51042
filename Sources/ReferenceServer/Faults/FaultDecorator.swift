import ConformanceSpec
import QueryProtocol

/// One deliberate departure from the spec, decorating the emulator at a few fixed hook points. Every hook
/// has a default that changes nothing, so a fault implements only the ones it needs; the emulator asks
/// its active decorators at each point (in `Fault.allCases` order) and has no fault branches itself. A hook that
/// must tell operations apart is handed the spec (`in spec:`) and reads which operation does what from it (the
/// lifecycles of resources.yaml), so that knowledge of the service stays in `Specs/`.
///
/// The hooks, in the order a request meets them:
/// 1. regions: `region(answering:home:)`, the region whose store answers the request;
/// 2. validation: `skippedChecks`, the `ContractEvaluator` check families switched off;
/// 3. preconditions: `waives(_:in:)`, a failed state precondition that is let through;
/// 4. identifiers: `storedIdentifier(_:conformant:)` and `lookUp(_:in:conformant:)`, how a cluster
///    identifier is stored and found;
/// 5. state changes: `acting(on:of:in:)`, a valid request changed before the emulator acts on it; `changing(_:)`, a
///    cluster's change before it is stored; `followUps(after:_:in:)`, requests the emulator also performs after a
///    success; `keepsReferences(to:in:)`, references to a deleted resource that stay in another's lists;
/// 6. answers: `rendering(members:of:)` (the members of a resource of one kind, `<DBCluster>`, `<DBClusterSnapshot>`,
///    …, applied by the resource engine to every kind it renders and by the clusters' code),
///    `rendering(result:of:in:)` (the rendered result of one operation's success answer),
///    `rendering(envelope:)` (the namespace and request id of every answer), `rendering(error:)` (an error's code,
///    status, type, form), `cutting(_:)` (a page's cut and token), `recording(event:)` (an event about to be logged).
///
/// `brokenItems(in:)` names the spec items the departure breaks, with the ids the cases' `covers` and the
/// coverage report use, and a few more for what lies outside requests:
/// - `Op.Path#keyword`: a constraint on a request parameter (`CreateDBCluster.BackupRetentionPeriod#range`);
///   `Op.Path#lowercased` for an identifier the service stores and compares lower-cased;
/// - `Op#keyword`: a rule across parameters (`CreateDBCluster#ordered`); `Op#scenario-name`: a scenario of
///   scenarios.yaml whose request is Op's;
/// - `Op#keyword:Param`: a state precondition (`StopDBCluster#state:DBClusterIdentifier`);
/// - `Op.request.Path`: a request parameter that takes effect (what it sets shows in later answers);
/// - `shapes.Shape.Member`: a member of an answer shape is present; `shapes.Shape.Member#type`: of its type;
///   `#presence`, `#values`, `#derive`: the member's answer expectation (always there, in its vocabulary, of its
///   template's form);
/// - `errors.Code#code`, `#status`, `#type`: an error's wire code, HTTP status and Sender/Receiver (errors.yaml);
/// - `envelope.ResponseMetadata.RequestId`: the request id of the query protocol's success envelope;
/// - `service#xmlNamespace`: the XML namespace of every answer (service.yaml);
/// - `Op#region`: the operation answers from, and in, the region of the request's credential scope.
///
/// The cases that must detect the fault are the ones that exercise these items (and the other cases of their
/// operations): no decorator names operations for them.
protocol FaultDecorator: Sendable {
    /// What the fault does, in one line, for `serve --help` and reports.
    var summary: String { get }
    /// The spec items the fault breaks (ids as above), read from `spec` where a family of items is broken.
    func brokenItems(in spec: ServiceSpec) -> [String]

    /// Validation: the `ContractEvaluator` check families switched off (`step`, `rule:ordered`, `window-length`, ...).
    var skippedChecks: Set<String> { get }
    /// Preconditions: true to let the request through although `failure` says a precondition does not hold.
    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool
    /// Identifiers: the stored form of a cluster identifier, given what the decorators before made of it
    /// (`conformant`: lower-cased).
    func storedIdentifier(_ identifier: String, conformant: String) -> String
    /// Identifiers: the cluster `identifier` names, given what the decorators before found (`conformant`:
    /// the one stored under its stored form).
    func lookUp(_ identifier: String, in clusters: [String: ClusterRecord], conformant: ClusterRecord?)
        -> ClusterRecord?
    /// State changes: adjusts a request the contract lets through (validated, its preconditions met) before the
    /// emulator acts on it: an endpoint that answers success and does less, or something else, than asked.
    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec)
    /// State changes: adjusts a cluster's change before the emulator stores it and answers with it.
    func changing(_ change: inout ClusterChange)
    /// Answers: adjusts the members of a resource of `kind` (`<DBCluster>`, `<DBClusterSnapshot>`, …) before they are
    /// rendered through the spec's shape.
    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind)
    /// Answers: adjusts the rendered result (the XML inside `<ActionResult>`) of a success answer to `action`.
    func rendering(result: inout String, of action: String, in spec: ServiceSpec)
    /// Answers: adjusts how every answer is wrapped.
    func rendering(envelope: inout AnswerEnvelope)
    /// Answers: adjusts an error answer.
    func rendering(error: inout ErrorAnswer)
    /// Answers: adjusts where a paged answer cuts its list and whether it sends a token for the next page.
    func cutting(_ page: inout PageCut)
    /// Events: an event about to be logged (an empty message drops it).
    func recording(event: inout EventRecord)
    /// Regions: the region whose store answers a request signed for `requested` (`home`: the server's own region).
    func region(answering requested: String, home: String) -> String
    /// State changes: requests the emulator performs after `request` to `operation` succeeded (their answers
    /// dropped), with the store as the evaluator sees it after the change: an endpoint that does more than asked.
    func followUps(after operation: String, _ request: Request, in state: EmulatorContractState) -> [Request]
    /// State changes: true to keep references to a deleted resource of kind `deleted` in the lists of resources of
    /// kind `owner` (which the service drops when the resource goes).
    func keepsReferences(to deleted: ResourceKind, in owner: ResourceKind) -> Bool
}

extension FaultDecorator {
    var skippedChecks: Set<String> { [] }
    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool { false }
    func storedIdentifier(_ identifier: String, conformant: String) -> String { conformant }
    func lookUp(_ identifier: String, in clusters: [String: ClusterRecord], conformant: ClusterRecord?)
        -> ClusterRecord?
    { conformant }
    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec) {}
    func changing(_ change: inout ClusterChange) {}
    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {}
    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {}
    func rendering(envelope: inout AnswerEnvelope) {}
    func rendering(error: inout ErrorAnswer) {}
    func cutting(_ page: inout PageCut) {}
    func recording(event: inout EventRecord) {}
    func region(answering requested: String, home: String) -> String { requested }
    func followUps(after operation: String, _ request: Request, in state: EmulatorContractState) -> [Request] { [] }
    func keepsReferences(to deleted: ResourceKind, in owner: ResourceKind) -> Bool { false }
}
