import Foundation
import TillitCore

/// Everything that can reach `update`.
package enum Msg: Sendable {
    case key(Key)
    /// Text pasted in one go (bracketed paste), line breaks included.
    case paste(String)
    case resize(Size)
    /// The clock moved on (about four times a second); drives timers.
    case tick(Date)
    /// The screens opened: on the home screen (`tillit` alone), or on a talk
    /// (`tillit start`, `tillit resume`), which `q` then leaves.
    case started(onHome: Bool)
    /// An effect finished.
    case sessionsLoaded(SessionList)
    /// A talk is open (`Effect.openTalk`, `.startTalk`, or before the screens start):
    /// to read only (from the history) or to continue.
    case talkOpened(Session, path: String, readOnly: Bool = false)
    /// The open talk is saved and let go (`Effect.closeTalk`): back to the home screen.
    case talkClosed
    case failed(String)
    /// The open talk is written to disk (after a change).
    case saved
    /// Writing the open talk failed (`message` says why); it is tried again on the next change.
    case saveFailed(String)
    /// `tillit start --room`: open the voting room now that the first card is on screen.
    case openRoomAtStart
    /// How many take part in the team meeting just started (`TalkSetup.people`).
    case peopleTakingPart(Int)
    /// The program leaves (q, Ctrl-C, a signal) at `now`: an open action form's words are kept.
    case leaving(now: Date)
    /// SIGTERM or SIGHUP asked the program to stop: it leaves as on `q`, keeping everything.
    case stopSignalled
    /// `e` wrote the minutes of `talkID`: Markdown beside the talk, and the page to print at `page`.
    case exported(talkID: String, page: String)
    /// The browser could not be started for the page at `path` (no xdg-open).
    case pageNotOpened(path: String)
    case trendsLoaded(TrendsReport)
    /// Every team's and person's clean-up list (`Effect.loadCleanup`).
    case cleanupLoaded([CleanupRegister])
    /// The whole catalog, when the screens started with only the open talk's decks.
    /// The whole catalog, read after the first frame: its decks and the files it skipped.
    case decksLoaded([Deck], skipped: [Diagnostic])
    /// The voting room (`Effect.openRoom`) listens: the phones' address, its code and QR rows.
    case roomOpened(url: String, code: String, qr: [String])
    /// The phones' votes so far on card `card` (an index of the talk), value → count.
    case roomVotes(card: Int, counts: [Int: Int])
    /// How many written answers the phones sent on card `card` (an index); never their words.
    case roomAnswers(card: Int, count: Int)
    /// One written answer on card `card`, revealed by the facilitator (`Effect.revealRoomAnswers`).
    case roomAnswer(card: Int, text: String)
    /// The voting room stopped, or could not start (`reason`).
    case roomEnded(reason: String?)
    /// The voting room sent something tillit cannot use (`problem`) and was closed.
    case roomMisbehaved(problem: String)
    /// A 1:1's room: `person`'s own address and its QR rows.
    case roomInvited(person: String, url: String, qr: [String])
    /// A 1:1's room: `person` rated card `card` (an index) from their own phone, or took it back (nil).
    case roomRated(card: Int, person: String, value: Int?)
    /// The meeting before talk `talkID` with the same team (`Effect.loadPreviousMeeting`), or nil.
    case previousMeetingLoaded(Session?, talkID: String)
    /// The SHA-256 of minutes `text` (`Effect.fingerprintMinutes`).
    case minutesFingerprinted(String, text: String)
    /// The preparation sheet (`Effect.writePreparation`) is written to `path`.
    case preparationWritten(path: String)
}
