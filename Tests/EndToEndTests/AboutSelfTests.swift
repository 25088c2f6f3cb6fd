import Foundation
import Testing
import TillitCore

/// Every line says whose it is (issue 25, item 4): the energy card asks each
/// person to rate their own energy (`about: self` in the shipped deck), so two
/// ratings far apart are not flagged "worth talking about", and the trends
/// screen of a 1:1 names the person and role of each line.
@Suite(.serialized) struct AboutSelfTests {
    /// On the energy card (10 of 14): the leader rates `leader`, the employee `employee`.
    static func rateEnergy(_ tmux: TmuxSession, leader: String, employee: String) throws {
        try tmux.launch(NewcomerTests.oneOnOne + ["--lang", "nb"])
        try tmux.waitFor("1 / 14")
        for _ in 0..<9 { try tmux.press("PageDown") }
        try tmux.waitFor("10 / 14")
        try tmux.press("Escape")
        try tmux.type(leader)
        try tmux.press("Tab")
        try tmux.type(employee)
    }

    @Test func ratingsOfOnesOwnEnergyAreNeverADisagreement() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try Self.rateEnergy(tmux, leader: "1", employee: "5")
        let card = try tmux.waitFor("hver om seg selv")
        #expect(!card.contains("verdt å snakke om") && !card.contains("fra hverandre"), "\(card)")
        try tmux.press("f")
        let summary = try tmux.waitFor("Oppsummering")
        #expect(!summary.contains("verdt å snakke om"), "\(summary)")
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[9].card == "energi" && talk.cards[9].aboutSelf == true)
        #expect(talk.cards[3].aboutSelf == nil, "a card about the work itself is compared as before")
        #expect(!OneOnOneRating.rows(of: talk).contains { $0.worthTalkingAbout })
    }

    @Test func theTrendsOfA1on1NameWhoseLineItIsAndShowNoGapForEnergy() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        for (leader, employee) in [("2", "4"), ("1", "5")] {
            try Self.rateEnergy(tmux, leader: leader, employee: employee)
            try tmux.waitFor("hver om seg selv")
            try tmux.press("f")
            try tmux.waitFor("Oppsummering")
            try tmux.press("q")
            try tmux.waitForExit()
            // A talk's time is kept to the second: two talks begun in the same second have no order
            // but their random ids, and "the latest" would be either (this failed on CI once).
            Thread.sleep(forTimeInterval: 1.1)
        }
        try tmux.launch(["--lang", "nb"])
        try tmux.waitFor("Ny medarbeidersamtale")
        try tmux.press("h")
        try tmux.waitFor("Ola")
        try tmux.press("t")
        let trends = try tmux.waitFor("Ola (medarbeider) · Hvordan er din egen energi")
        #expect(trends.contains("Kari (leder) · Hvordan er din egen energi"), "\(trends)")
        #expect(!trends.contains("fra hverandre"), "no gap between two people's own energy: \(trends)")
        // One person's one rating is a rating, not an average (issue 25, item 9).
        #expect(trends.contains("siste vurdering 5") && !trends.contains("siste snitt"), "\(trends)")
        try tmux.press("q")
    }
}
