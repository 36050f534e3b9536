import Foundation

/// Runs the built `tagwatch` executable, as other tools and people do.
struct TagwatchProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `tagwatch` binary beside the test bundle in the build folder.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tagwatch").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("tagwatch")
    }

    /// Runs `tagwatch` with `arguments` in `directory` (default: a fresh temporary
    /// folder, so a command's default `./tagwatch.sqlite` is its own). With `environment`,
    /// the child gets this process's environment less any `TAGWATCH_` variable, plus
    /// `environment`; without, it inherits this process's as it is.
    static func run(_ arguments: [String], input: [UInt8]? = nil, in directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = childEnvironment(environment) }
        if let directory {
            process.currentDirectoryURL = directory
        } else {
            let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
            process.currentDirectoryURL = fresh
        }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input))
        }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe never blocks the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData, as: UTF8.self))
    }

    /// This process's environment less any `TAGWATCH_` variable (a secret set where the
    /// tests run must not leak into a test that means to run without one), plus `extra`.
    static func childEnvironment(_ extra: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TAGWATCH_") }.merging(extra) { $1 }
    }
}
