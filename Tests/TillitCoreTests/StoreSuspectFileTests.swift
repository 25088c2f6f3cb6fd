import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// Talk files that decode, or almost, but should not be trusted as they are:
/// a key given twice, bytes that are not UTF-8, nesting no talk has, a number
/// too large for its field, a file its owner made read-only. Each is named
/// for what it is, and left byte for byte as it was.
@Suite("Store: files that say two things, or say them strangely")
struct StoreSuspectFileTests {
    let id = "2026-11-23-1934-a3f9"

    /// A saved talk whose text is then changed by `edit`, as a person or a program might.
    func fixture(_ edit: (String) -> String) throws -> StoreFixture {
        let saved = String(decoding: try SessionStore.encoder().encode(try SessionFixture.oneOnOne(id: id)), as: UTF8.self) + "\n"
        let edited = edit(saved)
        #expect(edited != saved, "the edit found its place")
        return try StoreBadFileTests().fixture(replacingWith: edited)
    }

    /// Opening, saving over and deleting it all refuse; the bytes stay. (The
    /// list is left out: it reads only the few fields it shows.)
    func expectRefused(_ fixture: StoreFixture, _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try fixture.bytes(id)
        let saveOver = StoreError.wontOverwrite(path: fixture.file(id), because: expected)
        for (attempt, refusal) in [({ _ = try fixture.store.load(id: id) }, expected),
                                   ({ try fixture.store.save(try SessionFixture.oneOnOne(id: id)) }, saveOver),
                                   ({ try fixture.store.delete(id: id) }, expected)] as [(() throws -> Void, StoreError)] {
            #expect(throws: refusal, sourceLocation: sourceLocation) { try attempt() }
        }
        #expect(try fixture.bytes(id) == before, "left as it was", sourceLocation: sourceLocation)
    }

    /// The line (from 1) of the talk's file that holds `text` first.
    func line(holding text: String, in fixture: StoreFixture) throws -> Int {
        try #require(String(decoding: try fixture.bytes(id), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }) + 1
    }

    @Test func aKeyGivenTwiceIsRefusedAsDamaged() throws {
        let fixture = try fixture { $0.replacingOccurrences(of: "\"title\" : ", with: "\"title\" : \"Først\",\n  \"title\" : ") }
        let line = try line(holding: "\"title\" : \"Først\"", in: fixture) + 1
        let expected = StoreError.malformed(path: fixture.file(id), problem: .duplicateKey("title", line: line))
        try expectRefused(fixture, expected)
        #expect(expected.description == "\(fixture.file(id)) gives 'title' twice in one place (line \(line)), so it is not clear which is meant. tillit leaves it as it is")
    }

    @Test func aKeyGivenTwiceInAnotherSpellingIsStillTwice() throws {
        let fixture = try fixture { $0.replacingOccurrences(of: "\"title\" : ", with: "\"titl\\u0065\" : \"Først\", \"title\" : ") }
        let error = #expect(throws: StoreError.self) { try fixture.store.load(id: id) }
        guard case .malformed(_, .duplicateKey("title", _))? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func theSameKeyInTwoObjectsIsFine() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try StoreFixture.fullTalk(id: id))
        #expect(try fixture.store.load(id: id).id == id)
    }

    @Test func bytesThatAreNotUTF8AreNamedWithTheirLine() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        let data = try fixture.bytes(id)
        let offset = try #require(data.range(of: Data("\"title\" : \"".utf8))).upperBound
        var bytes = [UInt8](data)
        bytes.insert(contentsOf: [0xC3, 0x28], at: offset)
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.file(id)))
        let line = bytes[..<offset].filter { $0 == UInt8(ascii: "\n") }.count + 1
        let expected = StoreError.malformed(path: fixture.file(id), problem: .notUTF8(line: line))
        try expectRefused(fixture, expected)
        #expect(expected.description == "\(fixture.file(id)) holds bytes that are not UTF-8 text (line \(line)); tillit writes only UTF-8, so the file is damaged. tillit leaves it as it is")
    }

    @Test func nestingNoTalkHasIsNamed() throws {
        let fixture = try fixture { $0.replacingOccurrences(of: "\"title\" : ", with: "\"deep\" : " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + ",\n  \"title\" : ") }
        let error = #expect(throws: StoreError.self) { try fixture.store.load(id: id) }
        guard case .malformed(let path, .nestedTooDeeply(let line))? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == fixture.file(id))
        #expect(error?.description == "\(path) nests lists and objects more than 32 levels deep (line \(line)); no talk does. tillit leaves it as it is")
    }

    /// Before: "the top level: The given data was not valid JSON.".
    @Test func aNumberLargerThanAnyInATalkIsNamed() throws {
        let fixture = try fixture { $0.replacingOccurrences(of: "\"currentIndex\" : 0", with: "\"currentIndex\" : 1e308") }
        let line = try line(holding: "1e308", in: fixture)
        let expected = StoreError.malformed(path: fixture.file(id), problem: .numberTooLarge("1e308", line: line))
        try expectRefused(fixture, expected)
        #expect(expected.description == "\(fixture.file(id)) holds the number 1e308 (line \(line)), larger than any number in a talk. tillit leaves it as it is")
    }

    /// Before, a talk its owner had made read-only was replaced on the next save without a word.
    @Test func aTalkMadeReadOnlyIsNotSavedOver() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        #expect(chmod(fixture.file(id), 0o400) == 0)
        let before = try fixture.bytes(id)
        var talk = try fixture.store.load(id: id)
        try talk.run(.setText(participant: "p1", text: "ny tekst"))
        let error = #expect(throws: StoreError.self) { try fixture.store.save(talk) }
        #expect(error == .wontOverwrite(path: fixture.file(id), because: .readOnly(path: fixture.file(id))))
        #expect(error?.description == "did not save over \(fixture.file(id)): it is read-only (someone took away its write permission). To let tillit save it again: chmod 600 \(fixture.file(id))")
        #expect(try fixture.bytes(id) == before)
        var info = stat()
        #expect(stat(fixture.file(id), &info) == 0 && info.st_mode & 0o777 == 0o400)
    }
}
