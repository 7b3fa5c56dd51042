import Foundation
import NIOCore
import NIOPosix

/// Loopback ports for servers that cannot pick their own port and say which (moto_server), and a wait
/// until one accepts connections.
enum Loopback {
    /// True once something accepts connections on the port, polling every 100 ms for `seconds`.
    static func waitUntilListening(port: Int, seconds: Int) async -> Bool {
        for _ in 0..<(seconds * 10) {
            if (try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(
                host: "127.0.0.1", port: port
            ).get().close()) != nil {
                return true
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// A loopback port nobody listens on right now (bound and released at once; a sync call, so a shell can
    /// map the README's ports under a lock).
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
