import Foundation
import Testing
@testable import TillitCore

/// What a quit after a failed save says: every word the file lacks, nothing it holds.
@Suite("Unsaved words: what a failed save would lose")
struct UnsavedWordsTests {
    let t = Localizer(.en)

    @Test func onlyWhatTheFileLacksIsListed() throws {
        var saved = try SessionFixture.oneOnOne()
        try saved.run(.setText(participant: "p1", text: "Lagret svar"))
        var current = saved
        try current.run(.setText(participant: "p2", text: "Nytt svar\nover to linjer"), .setNotes("Felles"), .setPrivateNotes("Privat"))
        try current.run(.addAction(id: "a1", text: "Ukeplan", owner: "Ola", due: nil, onCurrentCard: true))
        #expect(UnsavedWords.lines(saved: saved, current: current, t)
            == ["card 1, Ola: Nytt svar\nover to linjer", "action: Ukeplan", "notes: Felles", "the leader's private notes: Privat"])
        #expect(UnsavedWords.report(saved: current, current: current, t) == nil, "all saved: nothing to say")
        #expect(UnsavedWords.lines(saved: nil, current: current, t).count == 5, "nothing saved yet: every word")
        #expect(UnsavedWords.report(saved: saved, current: current, Localizer(.nb))?
            .hasPrefix("Disse ordene er ikke lagret. Kopier dem et annet sted før du lukker vinduet:\n  kort 1, Ola: Nytt svar") == true)
    }
}
