import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn`, for the tests that run the CLI, chromium, moto or Python.
///
/// Not Foundation's `Process`: on Linux (Swift 6.3.1) its `run()` scans /proc/self/fd with a 256-byte copy of
/// each directory entry's name and crashes when a short entry ends glibc's buffer at an unmapped page
/// (swift-corelibs-foundation PR #5472). It crashed this suite's CI once. Here the child closes every
/// descriptor above 2 before it starts (glibc's `posix_spawn_file_actions_addclosefrom_np`), so it holds
/// none of the test process's sockets and pipes: a server the test closes is closed.
public final class ChildProcess: @unchecked Sendable {
    /// Serializes pipe creation and spawning, so no child inherits another's pipe before it is close-on-exec.
    private static let spawnLock = NSLock()

    public enum Output: Sendable {
        case pipe, discard
        /// Standard error only: into the same pipe as standard output.
        case intoOutput
    }

    /// glibc 2.34+: `posix_spawn_file_actions_addclosefrom_np`, looked up at run time (Swift's Glibc
    /// module does not declare it).
    private static let addCloseFrom:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()

    /// Writing to a child that has gone must fail with EPIPE, not kill the test process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    public let pid: pid_t
    /// The write end of the child's standard input, when asked for.
    public let standardInput: FileHandle?
    /// The read ends of the child's standard output and error, when piped.
    public let standardOutput: FileHandle?
    public let standardError: FileHandle?
    private let lock = NSLock()
    private var exitStatus: Int32?

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let executable: String
        public let code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Bool = false,
        output: Output = .pipe, error: Output = .pipe
    ) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        _ = Self.ignoreBrokenPipes
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32: Int32] = [:]  // child fd -> the parent's end
        var childEnds: [Int32] = []
        func pipe(for childFD: Int32, childReads: Bool) throws {
            var fds: [Int32] = [-1, -1]
            guard Glibc.pipe(&fds) == 0 else { throw SpawnFailure(executable: executable, code: errno) }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            let (childEnd, parentEnd) = childReads ? (fds[0], fds[1]) : (fds[1], fds[0])
            posix_spawn_file_actions_adddup2(&actions, childEnd, childFD)
            parentEnds[childFD] = parentEnd
            childEnds.append(childEnd)
        }
        if input {
            try pipe(for: 0, childReads: true)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        for (fd, mode) in [(Int32(1), output), (Int32(2), error)] {
            switch mode {
            case .pipe: try pipe(for: fd, childReads: false)
            case .discard: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case .intoOutput:
                posix_spawn_file_actions_adddup2(
                    &actions, fd == 2 && output == .pipe ? childEnds[childEnds.count - 1] : 1, fd)
            }
        }
        // Everything but the three standard descriptors is closed in the child (after the dup2s, which need the pipe ends).
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, 3)
        } else {
            let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }

        // Signals as a fresh process has them: none blocked, all at their default action.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environmentPairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = environmentPairs.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        for end in childEnds { close(end) }
        guard code == 0 else {
            for end in parentEnds.values { close(end) }
            throw SpawnFailure(executable: executable, code: code)
        }
        self.pid = pid
        standardInput = parentEnds[0].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        standardOutput = parentEnds[1].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        standardError = parentEnds[2].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
    }

    /// The exit status (128 + the signal for a child killed by one), once it has ended.
    private func record(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        exitStatus = code
        return code
    }

    /// True until the child has ended.
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { _ = record(status) }
        return reaped == 0
    }

    /// Blocks until the child ends; its exit status. The lock is not held while blocked, so another thread
    /// can still `send` the child a signal (a server stopped while a test waits on it).
    @discardableResult
    public func wait() -> Int32 {
        if let done = lock.withLock({ exitStatus }) { return done }
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, 0) } while reaped == -1 && errno == EINTR
        return lock.withLock {
            if let exitStatus { return exitStatus }  // reaped meanwhile by isRunning
            guard reaped == pid else {
                exitStatus = -1  // reaped elsewhere: the status is unknown, and never reads as success
                return -1
            }
            return record(status)
        }
    }

    /// Sends `signal` unless the child has already been reaped.
    public func send(_ signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if exitStatus == nil { kill(pid, signal) }
    }
}
