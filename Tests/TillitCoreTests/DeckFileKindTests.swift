import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// Own deck files are read the way the store reads talks, except that a link
/// to a deck elsewhere is followed: a named pipe among them is named for what
/// it is (before: "cannot be read (check its permissions)") and never waited on.
@Suite("Deck files that are not files")
struct DeckFileKindTests {
    @Test(.timeLimit(.minutes(5)))
    func aNamedPipeAmongTheOwnDecksIsNamedNotWaitedOn() throws {
        let temp = try TempFolder()
        let folder = temp.path("decks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pipe = (folder as NSString).appendingPathComponent("ventende.yaml")
        #expect(mkfifo(pipe, 0o600) == 0)
        for ids in [nil, ["psykologisk-trygghet"]] as [Set<String>?] {
            let catalog = resultWithin(seconds: 5, unblocking: pipe) {
                DeckCatalog.load(shippedFolder: nil, ownFolder: folder, onlyIDs: ids)
            }
            #expect(catalog != nil, "loading the decks waited on the pipe (only \(String(describing: ids)))")
            #expect(catalog?.problems.map(\.message) == ["is a named pipe, not a deck file"])
        }
    }

    @Test func aLinkToADeckElsewhereIsFollowed() throws {
        let temp = try TempFolder()
        let folder = temp.path("decks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = try temp.write("elsewhere.yaml", DeckFixture.deck(id: "alpha", title: "Alfa", cards: 3))
        try FileManager.default.createSymbolicLink(atPath: (folder as NSString).appendingPathComponent("lenke.yaml"), withDestinationPath: target)
        let catalog = DeckCatalog.load(shippedFolder: nil, ownFolder: folder)
        #expect(catalog.problems.isEmpty, "\(catalog.problems.map(\.message))")
        #expect(catalog.entries.count == 1)
    }
}
