import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The 1:1 form's row for private notes that delete themselves: it shows the
/// setting in force, ← → choose, and a choice is remembered as the setting.
struct PrivateNotesRowTests {
    static func form(settingDays: Int = 0) -> AppState {
        var state = Fixtures.state(.nb, size: Size(width: 100, height: 40))
        state.config.privateNotesDays = settingDays
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        state.setup.focus = .employee
        Fixtures.type("Øyvind", &state)
        return state
    }

    static func row(_ state: AppState) -> String {
        view(state).text.split(separator: "\n").first { $0.contains("Private notater") }.map(String.init) ?? ""
    }

    @Test func theRowShowsTheSettingAndArrowsChoose() {
        var state = Self.form()
        #expect(Self.row(state).hasSuffix("‹ beholdes med samtalen ›"), "\(Self.row(state))")
        state.setup.focus = .privateNotesExpiry
        Fixtures.press([.right, .right], &state)
        #expect(Self.row(state).hasSuffix("‹ slettes etter 30 dager ›"))
        Fixtures.press([.left, .left, .left], &state)
        #expect(state.setup.privateNotesDays == 365, "round again past the first")
        #expect(Self.row(Self.form(settingDays: 90)).hasSuffix("‹ slettes etter 90 dager ›"))
    }

    @Test func aChoiceIsRememberedWhenTheTalkStarts() {
        var state = Self.form()
        state.setup.focus = .privateNotesExpiry
        Fixtures.press([.right, .right], &state)
        state.setup.focus = .start
        let effects = Fixtures.press([.enter], &state)
        #expect(effects.first == .rememberPrivateNotesDays(30))
        guard case .startTalk? = effects.last else { Issue.record("no start: \(effects)"); return }
        #expect(state.config.privateNotesDays == 30)
    }

    @Test func noChoiceChangesNoSettingAndATeamHasNoRow() {
        var state = Self.form(settingDays: 30)
        state.setup.focus = .start
        let effects = Fixtures.press([.enter], &state)
        #expect(effects.count == 1, "only the start: \(effects)")
        var team = Fixtures.state(.nb, size: Size(width: 100, height: 40))
        Fixtures.press([.character("t")], &team)
        #expect(!team.setup.fields.contains(.privateNotesExpiry) && Self.row(team).isEmpty)
    }
}
