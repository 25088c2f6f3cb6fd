import Foundation
import Testing
@testable import TillitCore

/// Talks built in code for the referat and trends tests, with fixed times so
/// the output never depends on the clock or the machine's time zone.
enum ExportFixture {
    static let start = Date(timeIntervalSince1970: 1_795_597_200)  // 2026-11-25 09:00 UTC
    static let utc = TimeZone(identifier: "UTC")!
    static let day: TimeInterval = 86_400

    static func text(_ nb: String, _ en: String) -> LocalizedText { LocalizedText([.nb: nb, .en: en]) }

    static let scale5 = Scale(min: 1, max: 5, low: text("Svært lite", "Very little"), high: text("Svært mye", "Very much"))

    static let oneOnOneDeck = Deck(
        id: "selvledelse", title: text("Selvledelse", "Self-leadership"), audience: [.oneOnOne],
        cards: [
            Card(id: "handlingsrom", prompt: text("Hvor stort handlingsrom har du i hverdagen?",
                                                  "How much room to act do you have day to day?")),
            Card(id: "energi", prompt: text("Hvor mye energi har du i jobben nå?", "How much energy do you have at work now?"),
                 answer: .textAndScale(scale5)),
            Card(id: "stotte", prompt: text("Hva trenger du av støtte fra meg?", "What support do you need from me?")),
            Card(id: "mestring", prompt: text("Når fikk du sist til noe du er stolt av?", "When did you last pull off something you are proud of?")),
            Card(id: "tilbakemelding", prompt: text("Hva vil du ha mer tilbakemelding på?", "What would you like more feedback on?")),
        ])

    static let teamDeck = Deck(
        id: "trygghet", title: text("Psykologisk trygghet", "Psychological safety"), audience: [.team],
        cards: [
            Card(id: "si-fra", prompt: text("Hvor lett er det å si fra når noe er galt?", "How easy is it to speak up when something is wrong?"),
                 answer: .scale(scale5)),
            Card(id: "feil", prompt: text("Hvor trygt er det å innrømme en feil her?", "How safe is it to admit a mistake here?"),
                 answer: .textAndScale(scale5)),
            Card(id: "hjelp", prompt: text("Hva gjør vi når noen trenger hjelp?", "What do we do when someone needs help?")),
            Card(id: "uenighet", prompt: text("Hvor greit er det å være uenig med lederen?", "How fine is it to disagree with the leader?"),
                 answer: .scale(Scale(min: 1, max: 7, low: text("Ikke greit", "Not fine"), high: text("Helt greit", "Quite fine")))),
        ])

    static let decks = [oneOnOneDeck, teamDeck]
    static let kari = Participant(id: "p1", name: "Kari", role: .leader)
    static let ola = Participant(id: "p2", name: "Ola Hansen", role: .employee)

    /// Applies `commands` one minute apart from `at`, returning the time after the last.
    @discardableResult
    static func apply(_ session: inout Session, at: Date, _ commands: [TalkCommand]) throws -> Date {
        var now = at
        for command in commands {
            now += 60
            try session.apply(command, now: now)
        }
        return now
    }

    /// A 1:1 with answers in both voices, a rating, a skipped and a parked card,
    /// actions, carried-over actions, notes, private notes, and answers that try
    /// to be Markdown, HTML and terminal escapes.
    static func oneOnOne(_ language: Language) throws -> Session {
        let nb = language != .en
        var previous = try Session.start(TalkSetup(kind: .oneOnOne, language: language, participants: [kari, ola],
                                                   deckIDs: ["selvledelse"]),
                                         decks: decks, id: "2026-10-28-0900-aaaa", now: start - 28 * day)
        try apply(&previous, at: start - 28 * day, [
            .addAction(id: "gammel-1", text: nb ? "Ola prøver fire dager med hjemmekontor" : "Ola tries four days of working from home",
                       owner: "Ola Hansen", due: "2026-11-20", onCurrentCard: false),
            .addAction(id: "gammel-2", text: nb ? "Kari | sjekker budsjett for kurs" : "Kari | checks the budget for courses",
                       owner: "Kari", due: nil, onCurrentCard: false),
            .finish,
        ])
        var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: language, participants: [kari, ola],
                                               deckIDs: ["selvledelse"]),
                                     decks: decks, id: "2026-11-25-0900-beef", now: start, previous: previous)
        try apply(&talk, at: start, [
            .resolveCarried(id: "gammel-1", outcome: .done),
            .resolveCarried(id: "gammel-2", outcome: .kept),
            .setText(participant: "p1", text: nb ? "Fra januar legger du ukeplanen selv." : "From January you plan your own week."),
            .setText(participant: "p2", text: nb
                     ? "Jeg vil bruke *mindre* tid på rapporter\nog mer tid med brukerne.\n\n1. Rapporter\n# ikke en overskrift"
                     : "I want to spend *less* time on reports\nand more time with the people we serve.\n\n1. Reports\n# not a heading"),
            .addAction(id: "a1", text: nb ? "Ola lager et utkast til ny ukeplan" : "Ola drafts a new weekly plan",
                       owner: "Ola Hansen", due: "2026-12-15", onCurrentCard: true),
            .next,
            .setRating(participant: "p1", rating: 3),
            .setRating(participant: "p2", rating: 4),
            .setText(participant: "p2", text: "<script>alert('x')</script> & <b>fet</b> \u{1B}[31mrød\u{1B}[0m \u{202E}snudd"),
            .next, .skip,
            .next, .park,
            .addAction(id: "a2", text: nb ? "Kari sender kursoversikt\n(før jul)" : "Kari sends the course list\n(before Christmas)",
                       owner: "Kari", due: nil, onCurrentCard: false),
            .setActionDone(id: "a2", done: true),
            .setNotes(nb ? "Neste samtale om seks uker.\n\nOla tar opp [arbeidstid](http://example.com) på personalmøtet."
                         : "Next talk in six weeks.\n\nOla raises [working hours](http://example.com) at the staff meeting."),
            .setPrivateNotes(nb ? "Ola virket sliten." : "Ola seemed tired."),
            .finish,
        ])
        return talk
    }

    /// An anonymous team talk: a rating card with enough votes, one with too few,
    /// a card with what the team said, and an action agreed on a rating card.
    static func team(_ language: Language) throws -> Session {
        let nb = language != .en
        let facilitator = Participant(id: "p1", name: "Åse", role: .facilitator)
        var talk = try Session.start(TalkSetup(kind: .team, title: "Avdeling Solsiden", language: language,
                                               participants: [facilitator], deckIDs: ["trygghet"], anonymous: true),
                                     decks: decks, id: "2026-11-25-1300-cafe", now: start + 4 * 3600)
        try apply(&talk, at: start + 4 * 3600, [
            .addVote(value: 2, participant: nil), .addVote(value: 3, participant: nil), .addVote(value: 3, participant: nil),
            .addVote(value: 4, participant: nil), .addVote(value: 5, participant: nil),
            .addAction(id: "t1", text: nb ? "Fast runde «hva gikk galt denne uka» på fredager"
                                          : "A regular round of 'what went wrong this week' on Fridays",
                       owner: nb ? "Åse" : "Åse", due: "2026-12-04", onCurrentCard: true),
            .next,
            .addVote(value: 1, participant: nil), .addVote(value: 4, participant: nil),
            .setText(participant: "p1", text: nb ? "Vi er redde for å virke inkompetente | særlig nye."
                                                 : "We are afraid to look incompetent | new people especially."),
            .next,
            .setText(participant: "p1", text: nb ? "Vi spør den som har vakt.\nDet fungerer – stort sett."
                                                 : "We ask whoever is on duty.\nIt works – mostly."),
            .next,
            .setNotes(nb ? "Ta opp igjen om en måned." : "Bring it up again in a month."),
            .finish,
        ])
        return talk
    }
}

/// Compares `actual` with `Golden/<name>.md`. With `UPDATE_GOLDEN=1` the file is
/// written instead, and the test still fails, so recording is never silent.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = folder.appendingPathComponent(name + ".md")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded golden file \(name).md; run again without UPDATE_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no golden file \(name).md; record it with UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "\(name).md differs:\n\(actual)", sourceLocation: sourceLocation)
}
