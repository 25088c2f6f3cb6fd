import ArgumentParser
import Foundation
import TillitCore
import TillitStore

/// `tillit settings`: what tillit remembers, and `tillit settings retention N`.
struct SettingsSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", _superCommandName: "tillit", abstract: cli(.cliSettingsAbstract),
        discussion: cli(.cliSettingsDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgSettingName), valueName: cli(.cliValueSetting))) var name: String?
    /// Taken as typed, so `-1` reaches the check below rather than reading as an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(cli(.cliArgSettingValue), valueName: cli(.cliValueValue)))
    var values: [String] = []

    func run() throws {
        let context = try global.context()
        let t = context.text
        var settings = context.settings
        guard let name else {
            print(t(.settingsLanguageLine, context.language.ownName))
            print(t(.settingsRetentionLine, retentionText(settings.retention, t)))
            print(t(.settingsPrivateNotesLine, privateNotesText(settings.privateNotesExpiry, t)))
            return
        }
        guard let setting = Self.settings.first(where: { $0.name == name.lowercased() }) else {
            throw fail(t(.settingsUnknown, SafeText.line(name)))
        }
        guard let value = values.first else { return print(setting.shown(settings, t)) }
        guard values.count == 1 else { throw fail(t(.settingsOneValue)) }
        guard let number = setting.parse(value) else { throw fail(setting.invalid(SafeText.line(value), t)) }
        setting.store(number, &settings)
        do { try settings.save(to: context.home) } catch { throw fail(t(.settingsNotSaved, error.reason)) }
        print(setting.saved(settings, t))
    }

    /// A number tillit remembers: how it is read, checked, kept and said.
    private struct NumberSetting: Sendable {
        var name: String
        var parse: @Sendable (String) -> Int?
        var invalid: @Sendable (String, Localizer) -> String
        var store: @Sendable (Int, inout Settings) -> Void
        var shown: @Sendable (Settings, Localizer) -> String
        var saved: @Sendable (Settings, Localizer) -> String
    }

    private static let settings = [
        NumberSetting(
            name: "retention", parse: RetentionPolicy.months(from:),
            invalid: { $1(.settingsRetentionInvalid, $0, RetentionPolicy.allowedMonths.upperBound) },
            store: { $1.retentionMonths = $0 }, shown: { retentionText($0.retention, $1) },
            saved: { settings, t in
                settings.retention.limitsAge ? t(.settingsRetentionSaved, retentionText(settings.retention, t))
                    : t(.settingsRetentionKeptUntilDeleted)
            }),
        NumberSetting(
            name: "private-notes-days", parse: PrivateNotesExpiry.days(from:),
            invalid: { $1(.settingsPrivateNotesInvalid, $0, PrivateNotesExpiry.allowedDays.upperBound) },
            store: { $1.privateNotesDays = $0 }, shown: { privateNotesText($0.privateNotesExpiry, $1) },
            saved: { $1(.settingsPrivateNotesSaved, privateNotesText($0.privateNotesExpiry, $1)) }),
    ]
}

/// "deleted 30 days after the talk" or "kept", in the chosen language.
func privateNotesText(_ expiry: PrivateNotesExpiry, _ t: Localizer) -> String {
    expiry.isOn ? t(.privateNotesExpireAfter, expiry.days) : t(.privateNotesKeptForGood)
}

/// "24 months" or "until deleted", in the chosen language.
func retentionText(_ policy: RetentionPolicy, _ t: Localizer) -> String {
    policy.limitsAge ? t.count(policy.months, one: .retentionOneMonth, many: .retentionMonths) : t(.retentionUntilDeleted)
}

/// `--older-than 24m`: an age, or one clear line.
func parseAge(_ text: String?, _ t: Localizer) throws -> TalkAge? {
    guard let text else { return nil }
    guard let age = TalkAge(text) else { throw fail(t(.olderThanInvalid, SafeText.line(text))) }
    return age
}

/// `tillit privacy`: the sheet for the data-protection officer, or with
/// `--employee` the information a leader gives the employee before the first talk.
struct PrivacySubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", _superCommandName: "tillit", abstract: cli(.cliPrivacyAbstract))

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptPrivacyEmployee))) var employee = false
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(cli(.cliOptPrivacyOutput), valueName: cli(.cliValueFile)))
    var output: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptForce))) var force = false

    func run() throws {
        let context = try global.context()
        let t = context.text
        let retention = context.settings.retention
        let sheet = PrivacySheet(dataFolder: context.home.path, retention: retention)
        let text = employee ? sheet.forEmployee(t) : sheet.forDataProtectionOfficer(t)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try PrivateFile.write(text, to: output, overwrite: force) } catch { throw fail(error.message(t)) }
        print(t(.privacyWritten, output))
    }
}

/// `tillit forget NAME`: a person removed on request (GDPR art. 17). Lists
/// exactly what will go, asks once, then deletes their 1:1 talks and takes
/// their name out of team talks; minutes of a changed talk are written anew.
struct ForgetSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget", _superCommandName: "tillit", abstract: cli(.cliForgetAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgForgetName), valueName: cli(.cliValueName))) var name: String
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptYes))) var yes = false

    func run() throws {
        let context = try global.context()
        let t = context.text
        let store = SessionStore(home: context.home)
        let person = PersonName(name)
        let loaded = store.loadAll()
        for problem in loaded.problems { printError(SafeText.line(problem.error.message(t))) }
        var deleted: [Session] = [], changed: [Session] = []
        for talk in loaded.sessions {
            switch talk.forgetting(person, placeholder: Localizer(talk.language)(.forgetPlaceholder)) {
            case .untouched: break
            case .delete: deleted.append(talk)
            case .changed(let without): changed.append(without)
            }
        }
        guard !deleted.isEmpty || !changed.isEmpty else { throw fail(t(.forgetNobody, SafeText.line(name))) }
        print(t(.forgetPlan, SafeText.line(name)))
        let summaries = Dictionary(store.list().summaries.map { ($0.id, $0) }) { first, _ in first }
        for (heading, talks) in [(t(.forgetDeletes), deleted), (t(.forgetChanges), changed)] where !talks.isEmpty {
            print("  " + heading)
            for talk in talks { print("    " + (summaries[talk.id].map { talkLine($0, t) } ?? talk.id)) }
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else { throw fail(t(.forgetNeedsYes)) }
            guard ask(t(.forgetAsk)) else {
                print(t(.deleteKept))
                return
            }
        }
        do {
            for talk in deleted { try store.delete(id: talk.id) }
            for talk in changed {
                try store.save(talk)
                // Minutes written before hold the name; they are written anew, without private notes as always.
                let referat = try store.referatPath(for: talk.id)
                if FileManager.default.fileExists(atPath: referat) {
                    try PrivateFile.write(MarkdownExporter.render(talk, includePrivate: false), to: referat, overwrite: true)
                }
                let page = try store.minutesPagePath(for: talk.id)
                if FileManager.default.fileExists(atPath: page) {
                    try PrivateFile.write(HTMLMinutes.render(talk, includePrivate: false), to: page, overwrite: true)
                }
            }
        } catch let error as StoreError {
            throw fail(error.message(t))
        } catch let error as PrivateFile.WriteError {
            throw fail(error.message(t))
        }
        print(t(.forgetDone, SafeText.line(name), deleted.count, changed.count))
    }
}
