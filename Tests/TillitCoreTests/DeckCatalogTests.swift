import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

@Suite("Deck catalog: shipped and own decks")
struct DeckCatalogTests {
    /// A shipped folder with decks `alpha` and `beta`, and an empty own folder.
    private func folders() throws -> (TempFolder, shipped: String, own: String) {
        let temp = try TempFolder()
        try temp.write("shipped/alpha.yaml", DeckFixture.deck(id: "alpha", title: "Alfa", cards: 3))
        try temp.write("shipped/beta.yaml", DeckFixture.deck(id: "beta", title: "Beta", cards: 2))
        return try (temp, temp.makeFolder("shipped"), temp.makeFolder("own"))
    }

    @Test func shippedDecksLoadInFileOrder() throws {
        let (temp, shipped, own) = try folders()
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.problems.isEmpty)
        #expect(catalog.entries.map(\.deck.id) == ["alpha", "beta"])
        #expect(catalog.entries.map(\.origin) == [.shipped(path: temp.path("shipped/alpha.yaml")),
                                                  .shipped(path: temp.path("shipped/beta.yaml"))])
        #expect(catalog.deck(id: "alpha")?.cards.count == 3)
        #expect(catalog.deck(id: "gamma") == nil)
    }

    @Test func ownDeckWithAShippedIdReplacesItInPlace() throws {
        let (temp, shipped, own) = try folders()
        let ownPath = try temp.write("own/my-alpha.yaml", DeckFixture.deck(id: "alpha", title: "Min alfa", cards: 5))
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.problems.isEmpty)
        #expect(catalog.entries.map(\.deck.id) == ["alpha", "beta"], "replaced, not added, and kept in its place")
        let alpha = try #require(catalog.entry(id: "alpha"))
        #expect(alpha.origin == .own(path: ownPath))
        #expect(alpha.origin.isOwn)
        #expect(alpha.replacesShippedPath == temp.path("shipped/alpha.yaml"))
        #expect(alpha.deck.title.resolve(.nb) == "Min alfa")
        #expect(alpha.deck.cards.count == 5)
        #expect(catalog.entry(id: "beta")?.replacesShippedPath == nil)
    }

    @Test func ownDeckWithANewIdIsAddedAfterTheShippedOnes() throws {
        let (temp, shipped, own) = try folders()
        try temp.write("own/aaa.yml", DeckFixture.deck(id: "mine", title: "Min"))
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.entries.map(\.deck.id) == ["alpha", "beta", "mine"])
        #expect(catalog.entry(id: "mine")?.origin.isOwn == true)
        #expect(catalog.entry(id: "mine")?.replacesShippedPath == nil)
    }

    @Test func brokenOwnDeckIsReportedAndSkippedWhileOthersLoad() throws {
        let (temp, shipped, own) = try folders()
        let broken = try temp.write("own/broken.yaml", "id: broken\ntitle: { nb: Ødelagt, en: Broken\ncards: []\n")
        let garbage = try temp.write("own/garbage.yaml", Data([0xFF, 0xFE, 0x00, 0x41]))
        try temp.write("own/good.yaml", DeckFixture.deck(id: "good", title: "God"))
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.entries.map(\.deck.id) == ["alpha", "beta", "good"])
        #expect(catalog.problems.count == 2)
        #expect(catalog.problems.allSatisfy { $0.severity == .error })
        #expect(catalog.problems.contains { $0.description.hasPrefix("\(broken):3:6: error: invalid YAML") })
        #expect(catalog.problems.contains { $0.description.hasPrefix("\(garbage):1:1: error: is not UTF-8") })
    }

    @Test func brokenOwnDeckWithAShippedIdLeavesTheShippedOneInPlace() throws {
        let (temp, shipped, own) = try folders()
        try temp.write("own/alpha.yaml", "id: alpha\ntitle: { nb: Alfa }\ncards: []\n")
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.entry(id: "alpha")?.origin == .shipped(path: temp.path("shipped/alpha.yaml")))
        #expect(catalog.problems.hasErrors)
    }

    @Test func warningsInOwnDecksAreReportedAndTheDeckStillLoads() throws {
        let (temp, shipped, own) = try folders()
        let path = try temp.write("own/typo.yaml", DeckFixture.deck(id: "typo", title: "Skrivefeil") + "    hnt: { nb: a, en: b }\n")
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.deck(id: "typo") != nil)
        let only = try #require(catalog.problems.only)
        #expect(only.severity == .warning)
        #expect(only.path == path)
        #expect(only.message.contains("did you mean 'hint'?"))
    }

    @Test func twoOwnDecksWithTheSameIdKeepTheFirstAndWarn() throws {
        let (temp, shipped, own) = try folders()
        let first = try temp.write("own/a.yaml", DeckFixture.deck(id: "twin", title: "Første"))
        let second = try temp.write("own/b.yaml", DeckFixture.deck(id: "twin", title: "Andre"))
        let catalog = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        #expect(catalog.entry(id: "twin")?.origin == .own(path: first))
        let only = try #require(catalog.problems.only)
        #expect(only.path == second)
        #expect(only.severity == .warning)
        #expect(only.message.contains(first))
    }

    @Test func loadingOnlySomeIdsGivesTheirEntriesAsTheWholeCatalogDoes() throws {
        let (temp, shipped, own) = try folders()
        try temp.write("shipped/gamma.yaml", DeckFixture.deck(id: "gamma", title: "Gamma"))
        try temp.write("own/my-alpha.yaml", DeckFixture.deck(id: "alpha", title: "Min alfa", cards: 5))
        try temp.write("own/z-alpha.yaml", DeckFixture.deck(id: "alpha", title: "Nok en alfa"))
        try temp.write("own/mine.yaml", DeckFixture.deck(id: "mine", title: "Min"))
        let whole = DeckCatalog.load(shippedFolder: shipped, ownFolder: own)
        for ids: Set<String> in [["alpha"], ["beta"], ["mine"], ["alpha", "gamma"], ["nothing"]] {
            let some = DeckCatalog.load(shippedFolder: shipped, ownFolder: own, onlyIDs: ids)
            #expect(some.entries == whole.entries.filter { ids.contains($0.deck.id) }, "\(ids)")
        }
    }

    @Test func loadingOnlySomeIdsLeavesOtherFilesUnparsed() throws {
        let (temp, shipped, own) = try folders()
        try temp.write("own/broken.yaml", "id: broken\ntitle: { nb: Ødelagt\n")
        let some = DeckCatalog.load(shippedFolder: shipped, ownFolder: own, onlyIDs: ["beta"])
        #expect(some.entries.map(\.deck.id) == ["beta"])
        #expect(some.problems.isEmpty, "broken.yaml cannot hold 'beta', so it is not parsed")
        #expect(DeckCatalog.load(shippedFolder: shipped, ownFolder: own).problems.count == 1)
    }

    @Test func anIdSpelledWithEscapesIsStillFound() throws {
        let (temp, shipped, own) = try folders()
        for (name, id) in [("hex", #""\x62eta""#), ("unicode", #""\u0062eta""#), ("long", #""\U00000062eta""#),
                           ("joined", "\"be\\\n  ta\""), ("joined-crlf", "\"be\\\r\n  ta\"")] {
            let path = try temp.write("own/\(name).yaml", DeckFixture.deck(id: "beta", title: "Beta")
                .replacingOccurrences(of: "id: beta", with: "id: \(id)"))
            #expect(DeckCatalog.mayDefine(anyOf: ["beta"], fileAt: path), "\(name)")
            #expect(DeckParser.parse(fileAt: path).deck?.id == "beta", "the fixture spells 'beta': \(name)")
            let some = DeckCatalog.load(shippedFolder: shipped, ownFolder: own, onlyIDs: ["beta"])
            #expect(some.entry(id: "beta")?.origin == .own(path: path), "\(name)")
            try FileManager.default.removeItem(atPath: path)
        }
    }

    @Test func aFileWithoutTheIdOrAnEscapeCannotDefineIt() throws {
        let temp = try TempFolder()
        let quoted = try temp.write("a.yaml", #"""
            id: alpha
            title: { nb: "Et \"sitat\"", en: "A \\ b" }
            """#)
        #expect(!DeckCatalog.mayDefine(anyOf: ["beta"], fileAt: quoted), "\\\" and \\\\ cannot make an id")
        #expect(DeckCatalog.mayDefine(anyOf: ["beta", "alpha"], fileAt: quoted))
        let trailing = try temp.write("b.yaml", "id: alpha # \\")
        #expect(!DeckCatalog.mayDefine(anyOf: ["beta"], fileAt: trailing), "a backslash as the last byte")
        #expect(DeckCatalog.mayDefine(anyOf: ["beta"], fileAt: temp.path("missing.yaml")), "left to the parser")
    }

    @Test func decksParsedAheadAreTakenOnceAndLoadTheSame() throws {
        let (temp, shipped, own) = try folders()
        let mine = try temp.write("own/my-alpha.yaml", DeckFixture.deck(id: "alpha", title: "Min alfa"))
        let expected = DeckCatalog.load(shippedFolder: shipped, ownFolder: own, onlyIDs: ["alpha"])

        DeckPrefetch.start(onlyIDs: ["alpha"]) { (shipped, own) }
        #expect(DeckPrefetch.take(mine)?.deck?.title.resolve(.nb) == "Min alfa", "parsed ahead")
        #expect(DeckPrefetch.take(mine) == nil, "and taken once")
        #expect(DeckPrefetch.take(temp.path("shipped/beta.yaml")) == nil, "beta.yaml cannot hold 'alpha'")

        DeckPrefetch.start(onlyIDs: ["alpha"]) { (shipped, own) }
        #expect(DeckCatalog.load(shippedFolder: shipped, ownFolder: own, onlyIDs: ["alpha"]).entries == expected.entries)
        #expect(DeckPrefetch.take(mine) == nil, "load took what was parsed ahead")
        #expect(DeckPrefetch.take(temp.path("shipped/alpha.yaml")) == nil)
    }

    @Test func onlyVisibleYamlFilesAreDecks() throws {
        let temp = try TempFolder()
        for name in ["b.yaml", "a.yml", ".hidden.yaml", "notes.txt", "c.yaml~", "d.YAML.bak"] {
            try temp.write("decks/\(name)", "x")
        }
        let files = DeckCatalog.deckFiles(in: temp.path("decks"))
        #expect(files == [temp.path("decks/a.yml"), temp.path("decks/b.yaml")])
    }

    @Test func missingFoldersGiveNoDecksAndNoProblems() throws {
        let temp = try TempFolder()
        let catalog = DeckCatalog.load(shippedFolder: temp.path("none"), ownFolder: temp.path("none/decks"))
        #expect(catalog.entries.isEmpty)
        #expect(catalog.problems.isEmpty)
        #expect(DeckCatalog.load(shippedFolder: nil, ownFolder: nil).entries.isEmpty)
    }
}

@Suite("Shipped decks: where the binary finds them")
struct ShippedDecksFolderTests {
    @Test func installedShareFolderComesBeforeTheSourceTree() throws {
        let prefix = try TempFolder()
        try prefix.makeFolder("bin")
        let cards = try prefix.makeFolder("share/tillit/Cards")
        let folder = ShippedDecks.folder(executablePath: prefix.path("bin/tillit"), environment: [:])
        #expect(folder == cards)
    }

    @Test func tillitCardsOverridesEverything() throws {
        let prefix = try TempFolder()
        try prefix.makeFolder("bin")
        try prefix.makeFolder("share/tillit/Cards")
        let other = try prefix.makeFolder("elsewhere/cards")
        let folder = ShippedDecks.folder(executablePath: prefix.path("bin/tillit"), environment: ["TILLIT_CARDS": other])
        #expect(folder == other)
    }

    @Test func withoutAnInstalledCopyTheSourceTreeCardsAreUsed() throws {
        let prefix = try TempFolder()
        try prefix.makeFolder("bin")
        let folder = ShippedDecks.folder(executablePath: prefix.path("bin/tillit"), environment: ["TILLIT_CARDS": ""])
        #expect(folder == ShippedDecks.sourceTreeCards)
        #expect(folder == RepositoryCards.path)
    }
}

/// `Cards/` of this repository, found from this file's place in it.
enum RepositoryCards {
    static var path: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DeckCatalogTests.swift
            .deletingLastPathComponent()  // TillitCoreTests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("Cards").path
    }
}
