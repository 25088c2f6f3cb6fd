import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Small decks and talks built in code, so snapshots do not move when the shipped decks are edited.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // a fixed moment in 2026
    static let utc = TimeZone(identifier: "UTC")!

    static func text(_ nb: String, _ en: String) -> LocalizedText { LocalizedText([.nb: nb, .en: en]) }

    static let scale = Scale(min: 1, max: 5, low: text("Nesten aldri", "Hardly ever"), high: text("Nesten alltid", "Almost always"))

    static let oneOnOneDeck = Deck(
        id: "samtale", title: text("Selvledelse", "Self-leadership"),
        description: text("Om handlingsrom og mestring.", "About room to act and mastery."),
        audience: [.oneOnOne],
        cards: [
            Card(id: "handlingsrom", prompt: text("Hvor stort handlingsrom har du i hverdagen, og hvor skulle du ønske det var større?",
                                                  "How much room to act do you have day to day, and where would you like more?"),
                 hint: text("Tenk på en vanlig tirsdag.", "Think of an ordinary Tuesday.")),
            Card(id: "energi", prompt: text("Hvor mye energi har du i jobben nå?", "How much energy do you have at work now?"),
                 answer: .textAndScale(scale)),
            Card(id: "stotte", prompt: text("Hva trenger du av støtte fra meg?", "What support do you need from me?")),
        ])

    static let teamDeck = Deck(
        id: "trygghet", title: text("Psykologisk trygghet", "Psychological safety"), audience: [.team],
        cards: [
            Card(id: "si-fra", prompt: text("Hvor lett er det å si fra når noe er galt?", "How easy is it to speak up when something is wrong?"),
                 answer: .scale(Scale(min: 1, max: 5, low: text("Svært vanskelig", "Very hard"), high: text("Helt naturlig", "Completely natural")))),
            Card(id: "feil", prompt: text("Hva gjør vi når noen har gjort en feil?", "What do we do when someone has made a mistake?")),
        ])

    static let decks = [oneOnOneDeck, teamDeck]

    static func config(_ language: Language) -> AppConfig {
        AppConfig(language: language, colorEnabled: false, decks: decks, dataFolder: "/home/kari/.local/share/tillit", timeZone: utc)
    }

    static func state(_ language: Language = .nb, size: Size = Size(width: 80, height: 24), screen: Screen = .home) -> AppState {
        AppState(config: config(language), size: size, now: start, screen: screen)
    }

    static func oneOnOne(_ language: Language = .nb) -> Session {
        let setup = TalkSetup(kind: .oneOnOne, language: language,
                              participants: [Participant(id: "p1", name: "Kari", role: .leader),
                                             Participant(id: "p2", name: "Ola", role: .employee)],
                              deckIDs: ["samtale"])
        return try! Session.start(setup, decks: decks, id: "2026-11-19-0900-abcd", now: start)
    }

    static func team(_ language: Language = .nb, anonymous: Bool = true) -> Session {
        let setup = TalkSetup(kind: .team, title: "Avdeling Solsiden", language: language,
                              participants: [Participant(id: "p1", name: "Åse", role: .facilitator)],
                              deckIDs: ["trygghet"], anonymous: anonymous, timerSeconds: 300)
        return try! Session.start(setup, decks: decks, id: "2026-11-19-1300-beef", now: start)
    }

    /// A state with `session` open on the card screen.
    static func talkState(_ session: Session, language: Language = .nb, size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = state(language, size: size, screen: .talk)
        state.talk = TalkState(session: session, path: "/home/kari/.local/share/tillit/sessions/\(session.id).json")
        return state
    }

    /// `talkState` after Esc: writing has stopped, so letters on the card are commands.
    static func browsingTalkState(_ session: Session, language: Language = .nb, size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = talkState(session, language: language, size: size)
        press([.escape], &state)
        return state
    }

    /// Sends each key through `update`, returning every effect asked for.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    static func type(_ text: String, _ state: inout AppState) {
        for character in text { _ = update(&state, .key(.character(character))) }
    }
}

/// Compares a grid's text with `Snapshots/<name>.txt`. With `UPDATE_SNAPSHOTS=1`
/// the file is written instead (and the test still fails, so a record is never silent).
func assertSnapshot(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = grid.text + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); run again without UPDATE_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt; record it with UPDATE_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
}
