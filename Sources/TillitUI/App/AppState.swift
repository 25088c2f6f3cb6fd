import Foundation
import TillitCore

/// What does not change while the program runs.
package struct AppConfig: Sendable {
    package var language: Language
    package var colorEnabled: Bool
    package var decks: [Deck]
    package var dataFolder: String
    /// Dates are shown in this zone; injected so snapshots do not depend on the machine.
    package var timeZone: TimeZone
    /// Deck files that could not be loaded, each with the first problem (`DeckCatalog.skippedFiles`).
    package var skippedDecks: [Diagnostic] = []
    /// Ring the terminal's bell once when a card's time runs out (`--bell`); silent otherwise.
    package var bell = false
    /// How long talks are kept (`tillit settings retention`): the home screen offers to review older ones.
    package var retention = RetentionPolicy(months: nil)
    /// Days after a talk that the leader's private notes delete themselves (0: never), from the settings.
    package var privateNotesDays = 0
    /// A desktop is there (DISPLAY or WAYLAND_DISPLAY): `o` may hand a page to the browser.
    package var canOpenPages = false

    package init(language: Language, colorEnabled: Bool, decks: [Deck], dataFolder: String, timeZone: TimeZone = .current) {
        self.language = language
        self.colorEnabled = colorEnabled
        self.decks = decks
        self.dataFolder = dataFolder
        self.timeZone = timeZone
    }
}

/// One line of the history list.
package struct TalkListItem: Hashable, Sendable {
    package var id: String
    package var title: String
    package var kind: TalkKind
    package var participants: String
    package var createdAt: Date
    package var handled: Int
    package var cardCount: Int
    /// The card the talk is on (0-based), for "card 4 of 14".
    package var currentIndex = 0
    package var finished: Bool
    /// For `t` (trends) in the history: the talk's decks and people.
    package var deckIDs: [String] = []
    package var people: [Participant] = []

    package init(id: String, title: String, kind: TalkKind, participants: String, createdAt: Date,
                handled: Int, cardCount: Int, finished: Bool) {
        self.id = id
        self.title = title
        self.kind = kind
        self.participants = participants
        self.createdAt = createdAt
        self.handled = handled
        self.cardCount = cardCount
        self.finished = finished
    }
}

package struct SessionList: Sendable {
    package var items: [TalkListItem]
    /// Files that could not be read: path and reason. Shown, never touched.
    package var problems: [StoreProblem]

    package init(items: [TalkListItem] = [], problems: [StoreProblem] = []) {
        self.items = items
        self.problems = problems
    }
}

package enum Screen: Hashable, Sendable {
    case home, setup, talk, history, transcript, decks, deckPreview, trends, cleanup
}

/// Things `update` asks the outside world to do. Saving is not among them:
/// the run loop saves whenever the talk differs from what is on disk.
package enum Effect: Hashable, Sendable {
    case startTalk(TalkSetup)
    case openTalk(id: String, readOnly: Bool)
    case loadSessions
    case exportTalk(id: String)
    case deleteTalk(id: String)
    /// Rating trends of a deck, for one team (title) or one person in 1:1s.
    case loadTrends(deckID: String, team: String?, participant: String?)
    /// Every team's and person's clean-up list (then `Msg.cleanupLoaded`).
    case loadCleanup
    /// Save the open talk, let go of it and go back to the home screen (then `Msg.talkClosed`).
    case closeTalk
    /// Start the voting room for the open team talk (then `Msg.roomOpened` or `.roomEnded`).
    case openRoom
    /// Stop the voting room; the votes so far are in the talk already.
    case closeRoom
    /// Ask the room for the written answers on the card (then one `Msg.roomAnswer` each).
    case revealRoomAnswers
    /// Keep the language chosen on the home screen for the next start (settings.json).
    case rememberLanguage(Language)
    /// Keep the days after which private notes delete themselves (settings.json), chosen on the 1:1 form.
    case rememberPrivateNotesDays(Int)
    /// Ring the terminal's bell: a card's time ran out and `--bell` asked for it.
    case bell
    /// Read the team's meeting before `talk` (then `Msg.previousMeetingLoaded`).
    case loadPreviousMeeting(of: Session)
    /// The SHA-256 of the minutes `text` (then `Msg.minutesFingerprinted`), made outside TillitUI.
    case fingerprintMinutes(String)
    /// Write a sheet to prepare the next 1:1 with `person` on deck `deckID` (`PreparationSheet`) into the data folder.
    case writePreparation(deckID: String, person: String)
    /// Hand the page at `path` to the desktop's browser (xdg-open); tillit itself opens no socket.
    case openPage(path: String)
    case quit
}

package struct AppState: Sendable {
    package var config: AppConfig
    package var size: Size
    package var now: Date
    package var screen: Screen
    package var helpVisible = false
    /// How far the help list is scrolled when it is longer than the window.
    package var helpScroll = 0
    /// A one-line message at the bottom, such as "Saved to …".
    package var flash: String?
    package var homeSelection = 0
    package var setup: SetupState
    package var talk: TalkState?
    package var sessions = SessionList() { didSet { earlierNames = EarlierNames(sessions.items) } }
    /// Derived from `sessions` whenever they change, for the new talk's form.
    package private(set) var earlierNames = EarlierNames()
    package var historySelection = 0
    /// The history shows only the talks kept longer than the retention (the home screen's review row).
    package var historyShowsOnlyOld = false
    /// "Delete all of these?" is on screen (the review of old talks).
    package var confirmDeleteAll = false
    package var confirmDelete: String?
    package var deckSelection = 0
    package var scroll = 0
    /// The trends screen's report (nil while it is being read) and its selection.
    package var trends: TrendsReport?
    package var trendsScreen = TrendsScreenState()
    /// The clean-up list screen: the registers read (nil while they are) and the choices on it.
    package var cleanup = CleanupScreenState()
    /// Keys and pastes that came while the window was too small; they take
    /// effect, in order, when it is large enough again.
    package var waitingInput: [Msg] = []
    package static let maximumWaitingInput = 10_000
    /// True when tillit was started on the home screen: then q in a talk goes
    /// back there, and only q on the home screen (or Ctrl-C) leaves the program.
    package var hasHome = false
    /// The minutes page `e` wrote last, for `o` to open (only on that talk's screens).
    package var exportedPage: ExportedPage?
    /// Why the open talk could not be written, until a save succeeds (`Msg.saveFailed`, `.saved`).
    package var saveFailure: String?
    /// The line to print once the screen is closed, when leaving kept an action form's words (`Msg.leaving`).
    package var keptDraft: String?

    package init(config: AppConfig, size: Size, now: Date, screen: Screen = .home) {
        self.config = config
        self.size = size
        self.now = now
        self.screen = screen
        self.setup = SetupState(kind: .oneOnOne, decks: config.decks)
    }

    package var text: Localizer { Localizer(config.language) }
    package var latestUnfinished: TalkListItem? { sessions.items.first { !$0.finished } }

    /// Talks held longer ago than the retention says, newest first; none when talks are kept until deleted.
    package var oldTalks: [TalkListItem] {
        // No talks, nothing to date: the calendar (some 0.9 M instructions the first time) is not needed.
        guard !sessions.items.isEmpty, let age = config.retention.age else { return [] }
        let cutoff = age.cutoff(before: now)
        return sessions.items.filter { $0.createdAt < cutoff }
    }

    /// The talks the history lists: all of them, or only the old ones while they are reviewed.
    package var historyItems: [TalkListItem] {
        let items = historyShowsOnlyOld ? oldTalks : sessions.items
        guard let person = historyPerson else { return items }
        return items.filter { $0.people.contains { HistoryPeople.key($0.name) == person } }
    }

    /// The person the history is narrowed to (`p`), as `HistoryPeople.key`; nil for everyone.
    package var historyPerson: String?

    /// Smallest screen the UI lays out; below it a "make the window larger" screen shows.
    package static let minimumSize = Size(width: 60, height: 16)
    package var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }
}

/// A printable minutes page written by `e`: whose talk it is and where it lies.
package struct ExportedPage: Hashable, Sendable {
    package var talkID: String
    package var path: String

    package init(talkID: String, path: String) {
        self.talkID = talkID
        self.path = path
    }
}
