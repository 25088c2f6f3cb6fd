import Testing
@testable import tillit

@Suite("start: the decks a command line names, read ahead of the argument parser")
struct StartArgumentsTests {
    @Test func decksAndHomeAreFoundInEitherSpelling() throws {
        let named = try #require(StartCommand.decksNamed(in: ["--home", "/h", "start", "--deck", "a", "--deck=b", "--lang", "nb"]))
        #expect(named.ids == ["a", "b"])
        #expect(named.home == "/h")
        #expect(StartCommand.decksNamed(in: ["start", "--home=/x", "--deck", "a"])?.home == "/x")
        #expect(StartCommand.decksNamed(in: ["start", "--deck", "a"])?.home == nil)
    }

    @Test func otherCommandLinesNameNone() {
        #expect(StartCommand.decksNamed(in: []) == nil)
        #expect(StartCommand.decksNamed(in: ["decks"]) == nil)
        #expect(StartCommand.decksNamed(in: ["show", "--deck", "a"]) == nil)
        #expect(StartCommand.decksNamed(in: ["start"]) == nil)
        #expect(StartCommand.decksNamed(in: ["start", "--deck"]) == nil)
        #expect(StartCommand.decksNamed(in: ["start", "--", "--deck", "a"]) == nil, "after -- nothing is an option")
    }
}
