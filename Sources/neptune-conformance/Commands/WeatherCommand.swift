import ArgumentParser
import Foundation
import Weather

struct WeatherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weather",
        abstract: "Run a proxy that throttles, drops and delays requests to an endpoint.",
        discussion: """
            Bad weather as a test fixture: point `run` (or any client) at the proxy
            instead of the endpoint, and a share of requests is answered with
            throttling (HTTP 400, code Throttling) or HTTP 503 (ServiceUnavailable),
            dropped (the connection closes and the request never reaches the
            endpoint), or delayed before it is passed on. The rest pass through
            unchanged. Shares are percentages (5%) or fractions (0.05); each request's
            fate is drawn from --seed, so the same requests in the same order meet
            the same weather.

            It prints the URL it listens on. GET /__weather answers what it did so
            far (JSON); on Ctrl-C or SIGTERM it prints the same as a line and stops.
            An endpoint behind it that checks SigV4 refuses what it passes on (the
            Host header changes): use `serve` without --verify-signatures, moto, or
            the like.

            Examples:
              neptune-conformance serve --port 8182 &
              neptune-conformance weather --upstream http://127.0.0.1:8182 \\
                  --port 8183 --throttle 5%
              neptune-conformance run --endpoint http://127.0.0.1:8183
              neptune-conformance weather --upstream http://127.0.0.1:8182 \\
                  --drop 2% --delay 5%:1.5s --seed 7
            """)

    @Option(help: ArgumentHelp("The endpoint behind the proxy.", valueName: "url"))
    var upstream: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one; the URL is printed either way).")
    var port = 0

    @Option(help: ArgumentHelp("The share answered with throttling (HTTP 400, Throttling).", valueName: "share"))
    var throttle = "0%"

    @Option(help: ArgumentHelp("The share answered with HTTP 503 (ServiceUnavailable).", valueName: "share"))
    var unavailable = "0%"

    @Option(
        help: ArgumentHelp(
            "The share dropped: the connection closes and the request never reaches the endpoint.",
            valueName: "share"))
    var drop = "0%"

    @Option(
        help: ArgumentHelp(
            "The share passed on only after a wait, and the wait: 5%:1.5s or 10%:200ms.", valueName: "share:time"))
    var delay = "0%:0s"

    @Option(help: "The seed of the draws that decide each request's fate.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, not \(port)") }
        guard let url = URL(string: upstream), url.scheme == "http", url.host != nil else {
            throw ValidationError("--upstream takes a plain http URL such as http://127.0.0.1:8182, not '\(upstream)'")
        }
        let weather = try self.weather
        guard weather.throttle + weather.unavailable + weather.drop <= 1 else {
            throw ValidationError("--throttle, --unavailable and --drop add up to more than 100%")
        }
    }

    var weather: Weather {
        get throws {
            do {
                let delayed = try Weather.delay(delay)
                return Weather(
                    throttle: try Weather.share(throttle), unavailable: try Weather.share(unavailable),
                    drop: try Weather.share(drop), delay: delayed.share, delayBy: delayed.by, seed: seed)
            } catch { throw ValidationError(error.description) }
        }
    }

    func run() async throws {
        let proxy = WeatherProxy(upstream: upstream, weather: try weather)
        let host = self.host
        let signals = SignalWatch()
        let serving = Task {
            try await proxy.run(host: host, port: port) { bound in
                FileHandle.standardOutput.write(
                    Data(
                        "neptune-conformance weather on http://\(host):\(bound) -> \(proxy.upstream) (\(proxy.weather)); Ctrl-C stops it\n"
                            .utf8))
            }
        }
        await signals.next()
        serving.cancel()
        print("weather: \(proxy.counts.summary)")
        do { try await serving.value } catch is CancellationError {} catch {
            Console.error("error: the proxy could not run on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
    }
}

/// Waits for SIGINT or SIGTERM (their default action, ending the process at once, is turned off).
final class SignalWatch {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    func next() async {
        var iterator = stream.makeAsyncIterator()
        _ = await iterator.next()
    }
}
