import Foundation

/// A `tagwatch` started and not waited for (a worker to run beside another, to kill, or
/// to stop with SIGTERM). Its output goes to files, so it never blocks on a full pipe,
/// and waiting for it polls rather than blocking a thread: the tests' webhook receiver
/// answers on the same small pool of threads.
final class RunningTagwatch: @unchecked Sendable {
    private let process: Process
    private let outputFile: URL
    private let errorFile: URL

    fileprivate init(process: Process, outputFile: URL, errorFile: URL) {
        self.process = process
        self.outputFile = outputFile
        self.errorFile = errorFile
    }

    var isRunning: Bool { process.isRunning }

    /// Sends `number` (SIGKILL, SIGTERM) to the process.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits until it exits or `limit` passes; true when it exited.
    func exited(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// Waits for it to exit (killing it after `limit`) and returns what it printed.
    /// A process ended by a signal has the signal's number as its status.
    func finish(within limit: Duration = .seconds(120)) async -> TagwatchProcess.Result {
        if !(await exited(within: limit)) {
            signal(SIGKILL)
            _ = await exited(within: .seconds(10))
        }
        let output = (try? Data(contentsOf: outputFile)) ?? Data()
        let errors = (try? Data(contentsOf: errorFile)) ?? Data()
        return TagwatchProcess.Result(status: process.terminationStatus,
                                      output: String(decoding: output, as: UTF8.self),
                                      errors: String(decoding: errors, as: UTF8.self))
    }

    /// True when it was ended by a signal rather than exiting.
    var wasSignalled: Bool {
        !process.isRunning && process.terminationReason == .uncaughtSignal
    }
}

extension TagwatchProcess {
    /// Starts `tagwatch` with `arguments` in `directory`, with this process's environment
    /// less any `TAGWATCH_` variable, plus `environment`; its output is kept in files in
    /// `directory`.
    static func start(_ arguments: [String], environment: [String: String], in directory: URL) throws -> RunningTagwatch {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = childEnvironment(environment)
        let name = UUID().uuidString.prefix(8)
        let outputFile = directory.appendingPathComponent(".tagwatch-\(name).out")
        let errorFile = directory.appendingPathComponent(".tagwatch-\(name).err")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningTagwatch(process: process, outputFile: outputFile, errorFile: errorFile)
    }

    /// Runs `tagwatch` to its end without blocking a thread while it runs.
    static func finished(_ arguments: [String], environment: [String: String], in directory: URL) async throws -> Result {
        try await start(arguments, environment: environment, in: directory).finish()
    }
}
