import ConformanceTestSupport
import Testing
import Transport

@testable import Weather

/// The weather proxy in front of a counting upstream: shares as seeded, a dropped request never arrives, a
/// throttled one is an AWS error envelope, and the same seed makes the same weather.
@Suite struct WeatherProxyTests {
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    /// What a client saw for `count` sequential requests through a proxy with `weather`, and what the upstream got.
    struct Outcome: Equatable {
        var answers: [Int] = []
        var errors = 0
        var upstreamRequests = 0
        var counts = WeatherCounts()
    }

    static func send(_ count: Int, through weather: Weather) async throws -> Outcome {
        let upstream = try await MisbehavingServer(.keepAlive(closeSilently: false))
        let client = NetworkTransport(options: .init(timeout: .seconds(30), retry: .off))
        var outcome = try await WeatherProxy.withRunning(upstream: upstream.url, weather: weather) { url, proxy in
            var outcome = Outcome()
            for number in 1...count {
                do {
                    let answer = try await client.send(url: url + "/", headers: Self.form, body: "n=\(number)")
                    outcome.answers.append(answer.status)
                    if answer.status == 400 {
                        #expect(answer.body.contains("<Type>Sender</Type><Code>Throttling</Code>"))
                        #expect(answer.body.contains("<Message>Rate exceeded</Message></Error><RequestId>"))
                    }
                    if answer.status == 503 { #expect(answer.body.contains("<Code>ServiceUnavailable</Code>")) }
                } catch {
                    let dropped = (error as? TransportError) == .connectionReset(url + "/")
                    #expect(dropped, "a dropped request is a closed connection: \(error)")
                    outcome.errors += 1
                }
            }
            outcome.counts = proxy.counts
            return outcome
        }
        await client.shutdown()
        await upstream.stop()
        outcome.upstreamRequests = upstream.requests.value
        return outcome
    }

    @Test func aSeededProxyMakesItsSharesOfWeather() async throws {
        let weather = Weather(throttle: 0.05, unavailable: 0.05, drop: 0.02, seed: 7)
        let outcome = try await Self.send(1000, through: weather)
        let counts = outcome.counts
        #expect(counts.requests == 1000)
        #expect((30...70).contains(counts.throttled), "5% of 1000: \(counts.summary)")
        #expect((30...70).contains(counts.unavailable), "5% of 1000: \(counts.summary)")
        #expect((8...32).contains(counts.dropped), "2% of 1000: \(counts.summary)")
        #expect(outcome.answers.filter { $0 == 400 }.count == counts.throttled)
        #expect(outcome.answers.filter { $0 == 503 }.count == counts.unavailable)
        #expect(outcome.errors == counts.dropped)
        #expect(outcome.upstreamRequests == counts.forwarded, "a dropped request never reaches the upstream")
        #expect(counts.forwarded == 1000 - counts.throttled - counts.unavailable - counts.dropped)
        let again = try await Self.send(1000, through: weather)
        #expect(again.counts == counts && again.answers == outcome.answers, "the same seed, the same weather")
        var other = weather
        other.seed = 8
        #expect(try await Self.send(1000, through: other).answers != outcome.answers)
    }

    @Test func aDelayedRequestIsPassedOnAfterTheWait() async throws {
        let weather = Weather(delay: 1, delayBy: .milliseconds(300))
        let started = ContinuousClock.now
        let outcome = try await Self.send(3, through: weather)
        #expect(ContinuousClock.now - started >= .milliseconds(900))
        #expect(outcome.counts.delayed == 3 && outcome.counts.forwarded == 3 && outcome.upstreamRequests == 3)
        #expect(outcome.answers == [200, 200, 200])
    }

    @Test func clearWeatherPassesEverythingOn() async throws {
        let outcome = try await Self.send(50, through: Weather())
        #expect(outcome.answers == Array(repeating: 200, count: 50) && outcome.upstreamRequests == 50)
    }

    @Test func theStatsPathAnswersTheCounts() async throws {
        let upstream = try await MisbehavingServer(.keepAlive(closeSilently: false))
        let client = NetworkTransport(options: .init(timeout: .seconds(30), retry: .off))
        let stats = try await WeatherProxy.withRunning(upstream: upstream.url, weather: Weather()) { url, _ in
            _ = try await client.send(url: url + "/", headers: Self.form, body: "n=1")
            return try await client.send(url: url + WeatherProxy.statsPath, method: "GET", headers: [], body: "")
        }
        await client.shutdown()
        await upstream.stop()
        #expect(stats.status == 200 && stats.body.contains("\"requests\":1") && stats.body.contains("\"forwarded\":1"))
    }

    @Test(arguments: [("5%", 0.05), ("0.05", 0.05), ("100%", 1.0), ("0", 0.0)])
    func sharesAreRead(text: String, share: Double) throws {
        #expect(abs(try Weather.share(text) - share) < 1e-12)
    }

    @Test func badArgumentsSayWhatToType() throws {
        #expect(throws: WeatherParseError.self) { try Weather.share("5 percent") }
        #expect(throws: WeatherParseError.self) { try Weather.share("150%") }
        #expect(throws: WeatherParseError.self) { try Weather.delay("5%") }
        let delay = try Weather.delay("5%:1.5s")
        #expect(abs(delay.share - 0.05) < 1e-12 && delay.by == .milliseconds(1500))
        #expect(try Weather.delay("10%:200ms").by == .milliseconds(200))
        #expect(
            Weather(throttle: 0.05, drop: 0.02, delay: 0.05, delayBy: .milliseconds(1500)).description
                == "throttle 5%, drop 2%, delay 5% by 1.5 s, seed 1")
    }

    @Test func fatesFollowTheShares() {
        let weather = Weather(throttle: 0.1, unavailable: 0.1, drop: 0.1, delay: 0.5)
        #expect(weather.fate(0.05, 0.9) == .throttled)
        #expect(weather.fate(0.15, 0.9) == .unavailable)
        #expect(weather.fate(0.25, 0.9) == .dropped)
        #expect(weather.fate(0.35, 0.4) == .delayed)
        #expect(weather.fate(0.35, 0.6) == .forwarded)
    }
}
