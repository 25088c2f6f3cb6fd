import Testing
@testable import tillit

@Suite("start: the decks a command line names, read ahead of the argument parser")
struct StartArgumentsTests {
    @Test func decksAndHomeAreFoundInEitherSpelling() throws {
        let named = try #require(StartSubcommand.decksNamed(in: ["--home", "/h", "start", "--deck", "a", "--deck=b", "--lang", "nb"]))
        #expect(named.ids == ["a", "b"])
        #expect(named.home == "/h")
        #expect(StartSubcommand.decksNamed(in: ["start", "--home=/x", "--deck", "a"])?.home == "/x")
        #expect(StartSubcommand.decksNamed(in: ["start", "--deck", "a"])?.home == nil)
    }

    @Test func otherCommandLinesNameNone() {
        #expect(StartSubcommand.decksNamed(in: []) == nil)
        #expect(StartSubcommand.decksNamed(in: ["decks"]) == nil)
        #expect(StartSubcommand.decksNamed(in: ["show", "--deck", "a"]) == nil)
        #expect(StartSubcommand.decksNamed(in: ["start"]) == nil)
        #expect(StartSubcommand.decksNamed(in: ["start", "--deck"]) == nil)
        #expect(StartSubcommand.decksNamed(in: ["start", "--", "--deck", "a"]) == nil, "after -- nothing is an option")
    }
}
