import ArgumentParser
import Foundation
import MinutesSeal
import TillitCore
import TillitStore

/// The Markdown minutes as they are exported (`e`, `tillit export`): ending
/// with who confirmed them when and their fingerprint, once confirmed.
enum MinutesFile {
    static func markdown(_ session: Session, includePrivate: Bool, timeZone: TimeZone = .current) -> String {
        let minutes = MarkdownExporter.render(session, includePrivate: includePrivate, timeZone: timeZone)
        return ConfirmedMinutes.text(minutes, fingerprint: MinutesFingerprint.sha256(minutes), of: session, timeZone: timeZone)
    }

    /// The same minutes as a page to print; it names who confirmed them when the Markdown would.
    static func html(_ session: Session, includePrivate: Bool, timeZone: TimeZone = .current) -> String {
        let minutes = MarkdownExporter.render(session, includePrivate: includePrivate, timeZone: timeZone)
        let confirmed = session.minutesConfirmed(as: MinutesFingerprint.sha256(minutes))
        return HTMLMinutes.render(session, includePrivate: includePrivate,
                                  confirmations: confirmed ? ConfirmedMinutes.confirmers(of: session, timeZone: timeZone) : [],
                                  timeZone: timeZone)
    }
}

/// `tillit verify FILE.md`: whether a minutes file is exactly what was
/// confirmed. One line; exit 0 only when the text is the confirmed one and,
/// with the talk in this data folder, the talk still holds that confirmation.
struct VerifySubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: cli(.cliVerifyAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgVerifyFile), valueName: cli(.cliValueFile))) var file: String

    func run() throws {
        let context = try global.context()
        let t = context.text
        let shown = SafeText.line(file)
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw fail(t(.verifyUnreadable, shown))
        }
        guard let stated = ConfirmedMinutes.parse(text) else { throw fail(t(.verifyNotConfirmed, shown)) }
        let fingerprint = MinutesFingerprint.sha256(stated.minutes)
        let store = SessionStore(home: context.home)
        if let talk = try? store.load(id: stated.talkID) {
            guard talk.minutesConfirmed(as: fingerprint) else {
                throw fail(fingerprint == stated.fingerprint ? t(.verifyTalkDiffers, shown, stated.talkID) : t(.verifyDiffers, shown))
            }
            // The block too: who confirmed, and when, is part of what is checked.
            guard ConfirmedMinutes.text(stated.minutes, fingerprint: fingerprint, of: talk) == text else {
                throw fail(t(.verifyDiffers, shown))
            }
            print(t(.verifyMatches, shown, Self.names(talk, t)))
            return
        }
        guard fingerprint == stated.fingerprint else { throw fail(t(.verifyDiffers, shown)) }
        print(t(.verifyMatchesFingerprint, shown, stated.talkID))
    }

    static func names(_ talk: Session, _ t: Localizer) -> String {
        talk.minutesConfirmations.map { SafeText.line($0.name) }.joined(separator: " · ")
    }
}
