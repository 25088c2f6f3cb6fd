import TillitCore

/// Anonymous written answers from the phones on a text card: the screen shows
/// how many are in, `r` reveals them (from `WrittenAnswers.minimumToReveal`,
/// the room sends them in a random order), each is kept as the group's words on
/// the card, and `x` hides one again, from the screen and from the talk.
enum RoomAnswerMoves {
    /// The room runs on a text card of a team talk: the phones write on it.
    @Sendable static func writtenRound(_ c: TalkContext) -> Bool {
        RoomMoves.running(c) && c.talk.card?.answer.roomAsks == .writing
    }

    /// Answers are in that were not revealed yet (or none were revealed): the bar offers `r`.
    @Sendable static func revealable(_ c: TalkContext) -> Bool {
        let index = c.talk.session.currentIndex
        return writtenRound(c) && ((c.talk.room?.answersIn[index] ?? 0) > 0 || (c.talk.room?.answersShown[index] ?? []).isEmpty)
    }

    /// Answers revealed on the card on screen, which `x` can hide.
    @Sendable static func hasShownAnswers(_ c: TalkContext) -> Bool {
        writtenRound(c) && !(c.talk.room?.answersShown[c.talk.session.currentIndex] ?? []).isEmpty
    }

    /// `r` on a text card: the answers, when enough are in (`WrittenAnswers.canReveal`); else why not.
    static func reveal(_ c: inout TalkContext) -> [Effect] {
        let count = c.talk.room?.answersIn[c.talk.session.currentIndex] ?? 0
        switch WrittenAnswers.canReveal(count: count, in: c.talk.session) {
        case .ready: return [.revealRoomAnswers]
        case .notAWritingCard: c.flash(.roomAnswersNotHere)
        case .noWriter: c.flash(.roomAnswersNoWriter)
        case .tooFew(let count, let minimum): c.state.flash = c.ui(.roomAnswersTooFew, minimum, count)
        }
        return []
    }

    static func count(card: Int, count: Int, _ state: inout AppState) {
        guard state.talk?.room != nil else { return }
        state.talk?.room?.answersIn[card] = count
    }

    /// One revealed answer: on the screen, and into the talk as the group's words on the card.
    static func revealed(card: Int, text: String, _ state: inout AppState) {
        guard var talk = state.talk, !talk.readOnly, talk.room != nil, card == talk.session.currentIndex,
              let step = WrittenAnswers.keep(text, in: talk.session) else { return }
        do { try talk.session.apply(step, now: state.now) } catch { return }
        talk.room?.answersIn[card] = 0
        talk.room?.answersShown[card, default: []].append(SafeText.line(text))
        refreshEditor(&talk)
        state.talk = talk
        state.flash = state.text(.roomAnswersRevealed)
    }

    /// `x`: choose which shown answer to hide (↑ ↓, Enter), then confirm.
    static func startHiding(_ c: inout TalkContext) {
        guard hasShownAnswers(c) else { return }
        c.talk.mode = .hidingAnswer(chosen: 0, confirming: false)
        c.flash(.hideAnswerChoose)
    }

    static func choose(by step: Int, _ c: inout TalkContext) {
        guard case .hidingAnswer(let chosen, _) = c.talk.mode else { return }
        let count = shownAnswers(c.talk).count
        guard count > 0 else { c.talk.mode = .browsing; return }
        c.talk.mode = .hidingAnswer(chosen: (chosen + step + count) % count, confirming: false)
    }

    static func askToHide(_ c: inout TalkContext) {
        guard case .hidingAnswer(let chosen, _) = c.talk.mode else { return }
        c.talk.mode = .hidingAnswer(chosen: chosen, confirming: true)
        c.state.flash = nil
    }

    /// Yes: the answer leaves the screen and the talk (its line in the group's words).
    static func hide(_ c: inout TalkContext) {
        guard case .hidingAnswer(let chosen, _) = c.talk.mode else { return }
        c.talk.mode = .browsing
        let index = c.talk.session.currentIndex
        var shown = shownAnswers(c.talk)
        guard shown.indices.contains(chosen) else { return }
        let text = shown.remove(at: chosen)
        if let step = WrittenAnswers.hide(text, in: c.talk.session) {
            do { try c.talk.session.apply(step, now: c.state.now) } catch { c.refused(error); return }
        }
        c.talk.room?.answersShown[index] = shown
        c.flash(.answerHidden)
    }

    static func keep(_ c: inout TalkContext) {
        c.talk.mode = .browsing
        c.flash(.answerNotHidden)
    }

    static func cancel(_ c: inout TalkContext) { c.talk.mode = .browsing }

    static func shownAnswers(_ talk: TalkState) -> [String] {
        talk.room?.answersShown[talk.session.currentIndex] ?? []
    }

    /// The answer chosen to hide, while choosing or confirming.
    static func chosenAnswer(_ talk: TalkState) -> Int? {
        if case .hidingAnswer(let chosen, _) = talk.mode { return chosen }
        return nil
    }

    /// A field open for writing shows the words as they are now, so typing cannot put back an older text.
    private static func refreshEditor(_ talk: inout TalkState) {
        guard talk.editor != nil, let text = TalkScreen.currentText(talk) else { return }
        talk.editor = TextEditor(text)
    }
}

/// The keys of hiding a revealed answer: choosing it, then "hide it? j/y".
enum HideAnswerKeys {
    private typealias B = TalkBinding

    static let choose = TalkKeyTable([
        B([.down, .tab], bar: .init(10, "↑ ↓") { $0.ui(.keyChoose) }, help: .init(10, .helpChooseAnswer)) { RoomAnswerMoves.choose(by: 1, &$0) },
        B([.up, .backTab], help: .init(11, .helpChooseAnswer)) { RoomAnswerMoves.choose(by: -1, &$0) },
        B([.enter, .character("x")], bar: .init(20) { $0.ui(.keyHide) }, help: .init(20, .helpHideChosenAnswer)) { RoomAnswerMoves.askToHide(&$0) },
        B([.escape], bar: .init(30) { $0.ui(.keyCancel) }, help: .init(30, .helpCancelHiding)) { RoomAnswerMoves.cancel(&$0) },
    ], otherKeys: { _, _ in [] })

    static let confirm = TalkKeyTable([
        TalkBinding(YesKeys.keys, help: .init(10, .helpConfirmHide)) { RoomAnswerMoves.hide(&$0) },
    ], otherKeys: { _, c in RoomAnswerMoves.keep(&c); return [] })
}

/// The room panel's lines on a text card: how many answers are in (never their
/// words) until the reveal; then the answers, one after another, the one chosen to hide marked.
enum RoomAnswerPanel {
    static func lines(_ talk: TalkState, _ ui: Localizer, width: Int) -> [(String, Style)] {
        guard let room = talk.room, talk.card?.answer.roomAsks == .writing, talk.session.kind == .team else { return [] }
        let index = talk.session.currentIndex
        let count = room.answersIn[index] ?? 0
        var lines: [(String, Style)] = []
        if count > 0 || (room.answersShown[index] ?? []).isEmpty {
            lines.append((count == 1 ? ui(.roomAnswerInOne) : ui(.roomAnswersIn, count), .accent))
            lines.append((ui(.roomAnswersRevealHint, WrittenAnswers.minimumToReveal), .muted))
        }
        let shown = room.answersShown[index] ?? []
        if !shown.isEmpty { lines.append((ui(.roomAnswersHeading), .bold)) }
        let chosen = RoomAnswerMoves.chosenAnswer(talk)
        for (number, answer) in shown.enumerated() {
            let style: Style = number == chosen ? .focus : .plain
            lines += TextWrap.lines("– " + answer, width: width).map { ($0, style) }
        }
        return lines
    }

    /// "Hide the answer …?" where the key bar was, as "remove the action?" stands: nothing else can be pressed until it is answered.
    static func drawQuestion(_ state: AppState, _ talk: TalkState, in area: Rect, _ grid: inout Grid) {
        guard case .hidingAnswer(let chosen, true) = talk.mode else { return }
        let shown = RoomAnswerMoves.shownAnswers(talk)
        guard shown.indices.contains(chosen) else { return }
        // The answer gives way, so the question and its keys fit on the line.
        let room = area.width - DisplayWidth.of(state.text(.confirmHideAnswer, "")) - 2
        let question = " " + state.text(.confirmHideAnswer, DisplayWidth.truncate(shown[chosen], to: max(10, room)))
        let bar = ScreenLayout(area).keyBar
        grid.fill(Rect(x: bar.x, y: bar.y - 1, width: bar.width, height: 2))
        grid.put(question, x: bar.x, y: bar.y, style: .warning, maxWidth: bar.width)
        grid.cursor = nil
    }
}
