// swift-tools-version: 6.1
import PackageDescription

/// Layers, innermost first (each depends only on those before it):
/// - `CZlib`: the system zlib, with a shim for its macros.
/// - `TagwatchCore`: readings and the two record encodings; pure (bytes in, readings out).
/// - `TagwatchCompression`: containers (gzip members, zlib, plain) over zlib; pure.
/// - `TagwatchCaseload`: the caseload document (caseload.md), read and checked whole; pure.
/// - `TagwatchRules`: readings to episodes and alert changes (rules.md, streams.md §3–4);
///   pure: readings and the watermark in, alert changes and device states out.
/// - `TagwatchIngest`: a stream's bytes through container, decoder and duplicate ledger
///   to the rules and a per-stream report; the only layer that reads files.
/// - `TagwatchStore`: the SQLite store (GRDB, WAL): caseload, device states, the
///   watermark and alerts with their history.
/// - `TagwatchBatch`: one ingest batch against the store, from files to commit.
/// - `TagwatchDelivery`: a notification to its recipient over a channel (webhook over
///   AsyncHTTPClient, mail spool folder) and the retry schedule (alerts.md, "The follow-up
///   worker"); knows no store and reads no clock: the caller passes the time.
/// - `TagwatchWorker`: the follow-up worker (alerts.md): the prompts people receive, the
///   compliance summary of a transition point and the transition schedule (pure: alerts
///   and caseload in, text and figures out, no clock read), and the worker's passes over
///   the store's outbox and its service.
/// - `tagwatch`: the command line.
/// - `TagwatchSamples` (in `tools/`): the generator of realistic streams and caseloads.
/// - `TagwatchTesting`: test doubles and hostile-input helpers, shipped as a module.
/// - `TagwatchDeliveryTesting`: a loopback webhook receiver (Hummingbird) that records,
///   checks and scripts its answers, shipped as a module.
let package = Package(
    name: "Tagwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tagwatch", targets: ["tagwatch"]),
        .executable(name: "tagwatch-samples", targets: ["tagwatch-samples"]),
        .library(name: "TagwatchCore", targets: ["TagwatchCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "TagwatchCore"),
        .target(name: "TagwatchCompression", dependencies: ["CZlib", "TagwatchCore"]),
        .target(name: "TagwatchCaseload", dependencies: ["TagwatchCore"]),
        .target(name: "TagwatchRules", dependencies: ["TagwatchCore", "TagwatchCaseload"]),
        .target(
            name: "TagwatchIngest",
            dependencies: [
                "TagwatchCore", "TagwatchCompression", "TagwatchRules",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "TagwatchStore",
            dependencies: [
                "TagwatchCore", "TagwatchCaseload", "TagwatchRules",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "TagwatchDelivery",
            dependencies: [
                "TagwatchCaseload",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "TagwatchWorker",
            dependencies: [
                "TagwatchStore", "TagwatchCaseload", "TagwatchRules", "TagwatchDelivery",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TagwatchBatch",
            dependencies: ["TagwatchIngest", "TagwatchRules", "TagwatchStore"]
        ),
        .executableTarget(
            name: "tagwatch",
            dependencies: [
                "TagwatchIngest", "TagwatchCaseload", "TagwatchRules", "TagwatchStore", "TagwatchBatch",
                "TagwatchDelivery", "TagwatchWorker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TagwatchSamples",
            dependencies: ["TagwatchCore", "TagwatchCompression"],
            path: "tools/TagwatchSamples"
        ),
        .executableTarget(
            name: "tagwatch-samples",
            dependencies: [
                "TagwatchSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/tagwatch-samples"
        ),
        .target(
            name: "TagwatchTesting",
            dependencies: ["TagwatchCore", "TagwatchCompression", "TagwatchSamples"]
        ),
        .target(
            name: "TagwatchDeliveryTesting",
            dependencies: [
                "TagwatchDelivery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TagwatchCoreTests",
            dependencies: [
                "CZlib", "TagwatchCore", "TagwatchTesting", "TagwatchSamples",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TagwatchCompressionTests",
            dependencies: [
                "TagwatchCompression", "TagwatchTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TagwatchIngestTests",
            dependencies: [
                "TagwatchIngest", "TagwatchTesting", "TagwatchSamples", "TagwatchCaseload", "TagwatchRules",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TagwatchCaseloadTests",
            dependencies: ["TagwatchCaseload", "TagwatchSamples"]
        ),
        .testTarget(
            name: "TagwatchRulesTests",
            dependencies: ["TagwatchRules", "TagwatchCaseload", "TagwatchTesting"]
        ),
        .testTarget(
            name: "TagwatchStoreTests",
            dependencies: [
                "TagwatchStore", "TagwatchRules", "TagwatchCore", "TagwatchCaseload", "TagwatchSamples",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "TagwatchDeliveryTests",
            dependencies: ["TagwatchDelivery", "TagwatchDeliveryTesting", "TagwatchSamples"]
        ),
        .testTarget(
            name: "TagwatchWorkerTests",
            dependencies: [
                "TagwatchWorker", "TagwatchStore", "TagwatchCaseload", "TagwatchRules", "TagwatchDelivery", "TagwatchDeliveryTesting",
                "TagwatchCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TagwatchCLITests",
            dependencies: [
                "TagwatchTesting", "TagwatchSamples", "TagwatchDeliveryTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "IngestBenchmarks",
            dependencies: [
                "TagwatchIngest", "TagwatchRules", "TagwatchCaseload", "TagwatchSamples", "TagwatchStore", "TagwatchBatch",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/IngestBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "WorkerBenchmarks",
            dependencies: [
                "TagwatchWorker", "TagwatchDelivery", "TagwatchDeliveryTesting", "TagwatchStore", "TagwatchRules",
                "TagwatchCaseload", "TagwatchCore",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/WorkerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
