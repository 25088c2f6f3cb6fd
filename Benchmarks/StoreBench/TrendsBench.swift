// Trends over 1,000 talks of a 14-card team deck (issue 5): what `tillit trends`
// does (read every talk, then build the report) and the report alone.

import Foundation
import TillitCore
import TillitStore

/// Writes `count` anonymous team meetings of a 14-card deck (7 rating cards,
/// 8 votes each, what the team said on the others, an action every third
/// meeting) into `folder`, and times the trend of the deck over them.
func trendsRows(folder: String, count: Int, runs: Int) throws -> [Row] {
    let store = SessionStore(home: TillitHome(path: folder))
    try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
    let scale = Scale(min: 1, max: 5, low: LocalizedText([.nb: "lite"]), high: LocalizedText([.nb: "mye"]))
    let deck = Deck(id: "psykologisk-trygghet", title: LocalizedText([.nb: "Psykologisk trygghet"]), audience: [.team],
                    cards: (1...14).map { number in
                        Card(id: "kort-\(number)", prompt: LocalizedText([.nb: "Hvor lett er det å si fra om ting her? (\(number))"]),
                             answer: number % 2 == 0 ? .scale(scale) : .text)
                    })
    let setup = TalkSetup(kind: .team, title: "Avdeling Solsiden", language: .nb,
                          participants: [Participant(id: "p1", name: "Åse", role: .facilitator)],
                          deckIDs: [deck.id], anonymous: true)
    let first = Date(timeIntervalSince1970: 1_795_464_000) - Double(count) * 7 * 86_400
    let encoder = SessionStore.encoder()
    note("trends: writing \(count) team meetings of 14 cards…")
    for index in 0..<count {
        let now = first + Double(index) * 7 * 86_400
        var talk = try Session.start(setup, decks: [deck], id: String(format: "2026-01-01-1300-%04x", index), now: now)
        for card in talk.cards.indices {
            try talk.apply(.jump(to: card), now: now)
            if talk.cards[card].isRating {
                for vote in 0..<8 { try talk.apply(.addVote(value: 1 + (index + vote + card) % 5, participant: nil), now: now) }
            } else {
                try talk.apply(.setText(participant: "p1", text: "Vi snakket om hvordan vi sier fra, og hva som gjør det lettere."), now: now)
            }
            if card == 1, index % 3 == 0 {
                try talk.apply(.addAction(id: "a\(index)", text: "Fast runde på fredager", owner: "Åse", due: nil, onCurrentCard: true), now: now)
            }
        }
        try talk.apply(.finish, now: now)
        var data = try encoder.encode(talk)
        data.append(0x0A)
        try data.write(to: URL(fileURLWithPath: store.path(for: talk.id)))
    }
    var rows: [Row] = []
    rows.append(measure("trends: read \(count) talks + report", runs: runs, goal: 500) {
        let (report, problems) = TrendsReport.load(from: store, deckID: deck.id, team: "Avdeling Solsiden", decks: [deck], language: .nb)
        precondition(report.talks.count == count && report.cards.count == 7 && problems.isEmpty)
    })
    let sessions = store.loadAll().sessions
    rows.append(measure("trends: report of \(count) talks in memory", runs: runs, goal: nil) {
        let report = TrendsReport(sessions: sessions, deckID: deck.id, team: "Avdeling Solsiden", deck: deck, language: .nb)
        precondition(report.cards.count == 7)
        _ = report.text(Localizer(.nb))
    })
    return rows
}
