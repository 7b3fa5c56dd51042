import NIOConcurrencyHelpers
import Testing

@testable import Transport

/// The retry policy without sockets or clocks: a scripted sequence of outcomes, a recorded pause and a fixed
/// random number stand in for the endpoint, the clock and the jitter.
@Suite struct RetrierTests {
    static let throttled = HTTPAnswer(
        status: 400, contentType: "text/xml",
        body: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code></Error></ErrorResponse>")
    static let ok = HTTPAnswer(status: 200, contentType: "text/xml", body: "<ok/>")

    /// Outcomes handed out in order (the last one repeats), the attempts made, and the pauses asked for.
    final class Script: Sendable {
        let outcomes: [Result<HTTPAnswer, TransportError>]
        let attempts = NIOLockedValueBox(0)
        let pauses = NIOLockedValueBox<[Duration]>([])

        init(_ outcomes: [Result<HTTPAnswer, TransportError>]) { self.outcomes = outcomes }

        func next() throws(TransportError) -> HTTPAnswer {
            let index = attempts.withLockedValue { count in
                defer { count += 1 }
                return count
            }
            return try outcomes[min(index, outcomes.count - 1)].get()
        }

        func retrier(_ policy: RetryPolicy = .standard, bucket: RetryTokenBucket? = nil, unit: Double = 0.5) -> Retrier
        {
            Retrier(
                policy: policy, bucket: bucket, unit: { unit },
                pause: { wait in self.pauses.withLockedValue { $0.append(wait) } })
        }
    }

    static func send(
        _ script: Script, fate: RequestFate = .idempotent, retrier: Retrier? = nil
    ) async -> Result<HTTPAnswer, TransportError> {
        let retrier = retrier ?? script.retrier()
        do {
            return .success(
                try await retrier.send(TransportRequest(url: "http://127.0.0.1:1/", fate: fate)) {
                    (_) throws(TransportError) in try script.next()
                })
        } catch { return .failure(error) }
    }

    @Test func throttlingIsRetriedUntilASuccess() async throws {
        let script = Script([.success(Self.throttled), .success(Self.throttled), .success(Self.ok)])
        let retrier = script.retrier()
        let result = await Self.send(script, retrier: retrier)
        #expect(try result.get() == Self.ok)
        #expect(script.attempts.withLockedValue { $0 } == 3)
        #expect(retrier.tally.byReason == [.throttling: 2])
        #expect(retrier.bucket.available == 500, "a success gives back what its retries took")
    }

    @Test(arguments: [
        (HTTPAnswer(status: 400, body: "<Code>Throttling</Code>"), RetryReason?.some(.throttling)),
        (HTTPAnswer(status: 400, body: "<Code>ThrottlingException</Code>"), .throttling),
        (HTTPAnswer(status: 503, body: "<Code>RequestLimitExceeded</Code>"), .throttling),
        (HTTPAnswer(status: 429, body: ""), .throttling),
        (HTTPAnswer(status: 503, body: "<Code>ServiceUnavailable</Code>"), .unavailable),
        (HTTPAnswer(status: 500, body: "<html/>"), .serverError),
        (HTTPAnswer(status: 502, body: ""), .serverError),
        (HTTPAnswer(status: 504, body: ""), .serverError),
        (HTTPAnswer(status: 400, body: "<Code>InvalidParameterValue</Code>"), nil),
        (HTTPAnswer(status: 404, body: ""), nil),
        (HTTPAnswer(status: 200, body: "<ok/>"), nil),
    ])
    func answersAreClassified(answer: HTTPAnswer, reason: RetryReason?) {
        #expect(RetryReason.of(answer) == reason)
    }

    @Test func transportFailuresAreClassified() {
        #expect(RetryReason.of(TransportError.connectionRefused("u")) == .refused)
        #expect(RetryReason.of(TransportError.connectionReset("u")) == .dropped)
        #expect(RetryReason.of(TransportError.timeout("u", seconds: 1)) == .timeout)
        for final in [
            TransportError.invalidURL("u"), .tls("x"), .answerTooLarge("u", limit: 1), .other("u", detail: ""),
        ] {
            #expect(RetryReason.of(final) == nil, "\(final)")
        }
        #expect(RetryReason.throttling.nothingHappened && RetryReason.unavailable.nothingHappened)
        #expect(RetryReason.refused.nothingHappened)
        #expect(!RetryReason.dropped.nothingHappened && !RetryReason.timeout.nothingHappened)
        #expect(!RetryReason.serverError.nothingHappened)
    }

    @Test func aServerErrorIsAnsweredAfterTheBoundedAttempts() async throws {
        let broken = HTTPAnswer(status: 500, contentType: "text/html", body: "<html>down</html>")
        let script = Script([.success(broken)])
        let result = await Self.send(script)
        #expect(try result.get() == broken, "the endpoint's own answer is what gets judged")
        #expect(script.attempts.withLockedValue { $0 } == 3)
        #expect(script.pauses.withLockedValue { $0 } == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func anUnknowableFateIsNeverResent() async throws {
        let dropped = Script([.failure(.connectionReset("http://127.0.0.1:1/")), .success(Self.ok)])
        let result = await Self.send(dropped, fate: .unknowable("no describe shows it"))
        guard case .failure(.answerLost(_, let cause, let finding)) = result else {
            Issue.record("expected answerLost, got \(result)")
            return
        }
        #expect(cause == "connection-reset" && finding == "no describe shows it")
        #expect(dropped.attempts.withLockedValue { $0 } == 1)
        let broken = Script([.success(HTTPAnswer(status: 500, body: "")), .success(Self.ok)])
        #expect(try await Self.send(broken, fate: .unknowable("x")).get().status == 500)
        #expect(broken.attempts.withLockedValue { $0 } == 1)
    }

    @Test func nothingHappenedIsResentWhateverTheFate() async throws {
        for first in [
            Result<HTTPAnswer, TransportError>.success(Self.throttled),
            .success(HTTPAnswer(status: 503, body: "<Code>ServiceUnavailable</Code>")),
            .failure(.connectionRefused("u")),
        ] {
            let script = Script([first, .success(Self.ok)])
            #expect(try await Self.send(script, fate: .unknowable("x")).get() == Self.ok)
            #expect(script.attempts.withLockedValue { $0 } == 2)
        }
    }

    @Test func aCheckDecides() async throws {
        let resent = Script([.failure(.connectionReset("u")), .success(Self.ok)])
        #expect(try await Self.send(resent, fate: .check { .noEffect }).get() == Self.ok)
        #expect(resent.attempts.withLockedValue { $0 } == 2)
        let kept = Script([.failure(.timeout("u", seconds: 1)), .success(Self.ok)])
        let result = await Self.send(kept, fate: .check { .keep("it exists now") })
        guard case .failure(.answerLost(_, "timeout", "it exists now")) = result else {
            Issue.record("expected answerLost, got \(result)")
            return
        }
        #expect(kept.attempts.withLockedValue { $0 } == 1)
    }

    @Test func theBudgetDrainsAndRefills() async throws {
        let bucket = RetryTokenBucket(limits: .init(capacity: 12, retryCost: 5, timeoutCost: 10, successRefill: 1))
        let broken = Script([.success(HTTPAnswer(status: 500, body: ""))])
        let retrier = broken.retrier(bucket: bucket)
        _ = await Self.send(broken, retrier: retrier)
        #expect(broken.attempts.withLockedValue { $0 } == 3 && bucket.available == 2, "two retries of 5 tokens")
        _ = await Self.send(broken, retrier: retrier)
        #expect(broken.attempts.withLockedValue { $0 } == 4, "an empty bucket: no retry")
        for _ in 0..<3 { _ = await Self.send(Script([.success(Self.ok)]), retrier: retrier) }
        _ = await Self.send(
            Script([.success(HTTPAnswer(status: 400, body: "<Code>InvalidParameterValue</Code>"))]), retrier: retrier)
        #expect(bucket.available == 5, "each success without retry puts one token back, a refusal none")
        let slow = Script([.failure(.timeout("u", seconds: 1)), .success(Self.ok)])
        _ = await Self.send(slow, retrier: slow.retrier(bucket: bucket))
        #expect(slow.attempts.withLockedValue { $0 } == 1, "a timeout retry costs 10")
        let refused = Script([.failure(.connectionRefused("u")), .success(Self.ok)])
        #expect(try await Self.send(refused, retrier: refused.retrier(bucket: bucket)).get() == Self.ok)
        #expect(bucket.available == 5, "the success gave back what its retry took")
    }

    @Test func backoffIsFullJitterDoublingToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, base: .milliseconds(100), maxBackoff: .seconds(20))
        #expect(policy.backoff(beforeRetry: 1, unit: 0) == .zero)
        #expect(policy.backoff(beforeRetry: 1, unit: 0.5) == .milliseconds(50))
        #expect(policy.backoff(beforeRetry: 3, unit: 0.5) == .milliseconds(200))
        #expect(policy.backoff(beforeRetry: 1, unit: 1) < .milliseconds(100))
        #expect(policy.backoff(beforeRetry: 9, unit: 0.5) == .seconds(10), "2^8 * 100 ms is over the 20 s cap")
        #expect(policy.backoff(beforeRetry: 40, unit: 0.999) < .seconds(20))
        for retry in 1...12 {
            for unit in stride(from: 0.0, to: 1.0, by: 0.125) {
                let wait = policy.backoff(beforeRetry: retry, unit: unit)
                #expect(
                    wait >= .zero && wait < min(.seconds(20), .milliseconds(100 * (1 << (retry - 1)))) + .nanoseconds(1)
                )
            }
        }
    }

    @Test func retriesAreCountedForTheCurrentTaskToo() async throws {
        let tally = RetryTally()
        let script = Script([.success(Self.throttled), .failure(.connectionReset("u")), .success(Self.ok)])
        _ = await RetryTally.$current.withValue(tally) { await Self.send(script) }
        #expect(tally.byReason == [.throttling: 1, .dropped: 1])
        #expect(RetryTally.summary(tally.byReason) == "2 requests (throttling 1, dropped 1)")
    }
}
