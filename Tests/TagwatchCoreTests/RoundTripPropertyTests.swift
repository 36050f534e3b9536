import PropertyBased
import TagwatchCore
import TagwatchTesting
import Testing

/// Any readings the contract allows survive encoding and decoding unchanged, bit for bit,
/// in both encodings and whatever the chunking.
@Suite struct RoundTripPropertyTests {
    /// The encoders the samples and the other tests rely on write what the contract says.
    @Test func theEncodersWriteTheContractsBytes() {
        #expect(StreamBuilder.twr1(Make.oneOfEachKind) == ReferenceTWR1.stream(Make.oneOfEachKind))
        #expect(StreamBuilder.ndjson(SampleReadings.oneOfEachKind) == NDJSONFixtures.stream(NDJSONFixtures.specLines))
        #expect(SampleReadings.oneOfEachKind == NDJSONFixtures.specReadings)
    }

    @Test(arguments: RecordEncoding.allCases)
    func anyReadingsSurviveEncodeAndDecode(encoding: RecordEncoding) async {
        await propertyCheck(count: 300, input: ReadingGen.lists, Gen.int(in: 1...97)) { readings, chunkSize in
            let bytes = StreamBuilder.stream(readings, as: encoding)
            for decoded in [CoreDecode.run(bytes), CoreDecode.run(bytes, chunkSize: chunkSize)] {
                #expect(decoded.rejections.isEmpty, "\(decoded.rejections)")
                #expect(decoded.readings.count == readings.count)
                #expect(decoded.readings.map(\.exactImage) == readings.map(\.exactImage))
                #expect(decoded.readings == readings)
                if !readings.isEmpty { #expect(decoded.encoding == encoding) }
            }
        }
    }

    @Test func anyReadingsSurviveTheWholePipeline() async {
        await propertyCheck(count: 100, input: ReadingGen.lists) { readings in
            for encoding in RecordEncoding.allCases {
                let decoded = DecodedStream.decode(StreamBuilder.stream(readings, as: encoding))
                #expect(decoded.rejections.isEmpty)
                #expect(decoded.readings.map(\.exactImage) == readings.map(\.exactImage))
            }
        }
    }

    /// Streams of both encodings joined as gzip members decode member by member.
    @Test func mixedEncodingsInGzipMembersSurvive() async {
        await propertyCheck(count: 50, input: ReadingGen.lists, ReadingGen.lists) { first, second in
            let bytes = StreamBuilder.gzip(members: [StreamBuilder.twr1(first), StreamBuilder.ndjson(second)])
            let decoded = DecodedStream.decode(bytes, chunkSize: 333)
            #expect(decoded.rejections.isEmpty)
            #expect(decoded.readings.map(\.exactImage) == (first + second).map(\.exactImage))
        }
    }

    /// Floats at the edges of their type, and one whose shortest form (`7.038531e-26`)
    /// reads back as its neighbour when parsed through a `Double`.
    @Test(arguments: [Float(bitPattern: 363_742_205), -Float(bitPattern: 363_742_205), .greatestFiniteMagnitude,
                      .leastNonzeroMagnitude, -0.0, .leastNormalMagnitude, Float(bitPattern: 0x007F_FFFF)])
    func edgeFloatsSurviveBothEncodings(value: Float) {
        let readings = [
            Make.reading("F", 1, Make.morning, .tac(AlcoholSample(tac: value, ir: value, temp: value))),
            Make.reading("F", 2, Make.morning, .gps(LocationFix(lat: Double(value), lon: -Double(value), accuracy: value))),
        ]
        for encoding in RecordEncoding.allCases {
            let decoded = CoreDecode.run(StreamBuilder.stream(readings, as: encoding))
            #expect(decoded.readings.map(\.exactImage) == readings.map(\.exactImage), "\(encoding)")
        }
    }

    /// Every reading is written as its own NDJSON line, which alone decodes to it.
    @Test func eachNDJSONLineDecodesAlone() async {
        await propertyCheck(count: 500, input: Generator(run: { rng in ReadingGen.reading(using: &rng) })) { reading in
            let line = NDJSONEncoder.line(for: reading)
            let decoded = CoreDecode.run(utf8(line))
            #expect(decoded.readings.map(\.exactImage) == [reading.exactImage], "\(line)")
        }
    }
}
