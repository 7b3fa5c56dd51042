import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

/// Why a case's run-time value could not be had from the endpoint.
public struct RuntimeValueFailure: Error, CustomStringConvertible {
    public let value: RuntimeValue
    public let reason: String
    public var description: String { "\(value.token) could not be filled in: \(reason)" }
}

extension CaseExecutor {
    /// The request with its run-time values (`RuntimeValue`) asked of the endpoint and filled in, through `client`
    /// (signed for the region the request is sent to, where its resources are).
    func fillingRuntimeValues(_ request: Request, client: QueryClient) async -> Result<Request, RuntimeValueFailure> {
        let wanted = request.runtimeValues
        guard !wanted.isEmpty else { return .success(request) }
        var values: [RuntimeValue: String] = [:]
        do throws(RuntimeValueFailure) {
            for value in wanted {
                switch value {
                case .latestRestorableTime, .describedMember:
                    values[value] = try await describedMember(of: value, client: client)
                case .catalogue(let name): values[value] = try await catalogueValue(name, for: value, client: client)
                case .account(let name):
                    let region = client.endpoint.region
                    guard let found = account.value(name, region: region) else {
                        throw RuntimeValueFailure(value: value, reason: account.reason(name, region: region))
                    }
                    values[value] = found
                }
            }
        } catch {
            return .failure(error)
        }
        return .success(request.filling(values))
    }

    /// Asks the endpoint for one valid value of a catalogue (`catalogues.yaml`): the first value its answer to
    /// the catalogue's query holds.
    func catalogueValue(_ name: String, for value: RuntimeValue, client: QueryClient) async throws(RuntimeValueFailure)
        -> String
    {
        func failure(_ reason: String) -> RuntimeValueFailure { RuntimeValueFailure(value: value, reason: reason) }
        guard let catalogue = judge.spec.catalogues[name] else {
            throw failure("the spec has no catalogue \(name) (catalogues.yaml)")
        }
        let ask = catalogue.ask
        let request = Request(
            operation: ask.operation, parameters: ask.parameters.map { Parameter($0.name, .scalar($0.value)) })
        let sent: (body: String, answer: HTTPAnswer)
        do {
            sent = try await client.send(request)
        } catch {
            throw failure("\(ask.operation) failed: \(error.description)")
        }
        guard sent.answer.status == 200 else {
            throw failure(
                "the endpoint answered \(ask.operation) with HTTP \(sent.answer.status), so it named no \(name)")
        }
        let text = (try? SafeXMLParser().parse(sent.answer.body))?.root.descendant(ask.valuePath)?.value ?? ""
        guard !text.isEmpty else { throw failure("the \(ask.operation) answer names no \(name) at \(ask.valuePath)") }
        return text
    }

    /// Asks the describe operation of the kind that offers the value's member (`resources.yaml`, `runtimeMembers`)
    /// for it. A real service fills some members in later (a restorable time once the first backup exists), so an
    /// answer without it is asked again (backing off) until the state timeout.
    func describedMember(of value: RuntimeValue, client: QueryClient) async throws(RuntimeValueFailure) -> String {
        func failure(_ reason: String) -> RuntimeValueFailure { RuntimeValueFailure(value: value, reason: reason) }
        guard let lifecycle = judge.spec.resources.lifecycle(offering: value.member) else {
            throw failure("no resource kind of the spec offers \(value.member) (resources.yaml, runtimeMembers)")
        }
        let operation = lifecycle.describe.operation
        let id = value.resource
        let member = value.member
        let describe = Request(
            operation: operation, parameters: [Parameter(lifecycle.describe.identifier, .scalar(id))])
        let path = lifecycle.describe.path(of: member)
        let deadline = ContinuousClock.now.advanced(by: stateTimeout)
        var pause = PollPause(longest: .seconds(2))
        while true {
            let sent: (body: String, answer: HTTPAnswer)
            do {
                sent = try await client.send(describe)
            } catch {
                throw failure("\(operation) for \(id) failed: \(error.description)")
            }
            guard sent.answer.status == 200 else {
                throw failure("the \(operation) answer for \(id) is HTTP \(sent.answer.status), so it has no \(member)")
            }
            let text = (try? SafeXMLParser().parse(sent.answer.body))?.root.descendant(path)?.value ?? ""
            if !text.isEmpty { return text }
            if ContinuousClock.now >= deadline {
                throw failure(
                    "the \(operation) answers for \(id) had no \(member) for \(stateTimeout) (--state-timeout)")
            }
            guard await pause.sleep() else { throw failure("the run was interrupted") }
        }
    }
}

/// The pause between two polls of an endpoint: 20 ms, doubling up to `longest`.
struct PollPause {
    private var next = Duration.milliseconds(20)
    let longest: Duration

    init(longest: Duration) { self.longest = longest }

    /// Sleeps the current pause and lengthens the next; false when the task was cancelled.
    mutating func sleep() async -> Bool {
        do { try await Task.sleep(for: next) } catch { return false }
        next = min(next * 2, longest)
        return true
    }
}
