import Foundation
import TillitCore

/// What the card keys do (`CardKeys`, `PresentingKeys`): each a small change
/// to the open talk, with a line on the flash row when there is something to say.
enum CardMoves {
    /// Applies `command`; a refusal is said on the flash row.
    static func apply(_ command: TalkCommand, _ c: inout TalkContext) {
        do { try c.talk.session.apply(command, now: c.state.now) } catch { c.refused(error) }
    }

    /// Moves on after skipping or parking, or to the summary after the last card.
    static func advance(_ c: inout TalkContext) {
        if c.talk.session.currentIndex >= c.talk.session.cards.count - 1 {
            toSummary(&c)
        } else {
            try? c.talk.session.apply(.next, now: c.state.now)
            cardChanged(&c.talk)
        }
    }

    static func previous(_ c: inout TalkContext) {
        apply(.previous, &c)
        cardChanged(&c.talk)
    }

    static func jumpToFirst(_ c: inout TalkContext) {
        apply(.jump(to: 0), &c)
        cardChanged(&c.talk)
    }

    static func toSummary(_ c: inout TalkContext) {
        c.talk.phase = .summary
        c.talk.listSelection = 0
    }

    /// A new card is on screen: writing in the last one stops (its text is
    /// saved already), and starts again in this one if it takes text.
    static func cardChanged(_ talk: inout TalkState) {
        talk.editor = nil
        talk.focus = 0
        talk.hintVisible = false
        talk.recentVotes = []
        talk.choosingVoteToRemove = false
        talk.openReadyToWrite()
    }

    static func focus(by step: Int, _ c: inout TalkContext) {
        let count = c.talk.fields.count
        if count > 0 { c.talk.focus = (c.talk.focus + count + step) % count }
    }

    static func skipOrReopen(_ c: inout TalkContext) { setAside(.skipped, saying: .cardSkipped, &c) }

    static func parkOrReopen(_ c: inout TalkContext) { setAside(.parked, saying: .cardParked, &c) }

    /// s and m (`TalkFlow.setAside`): the card is set aside and the talk moves
    /// on, to the summary after the last card; pressed again, it is open again.
    private static func setAside(_ status: CardStatus, saying message: UIString, _ c: inout TalkContext) {
        do {
            switch try c.talk.session.apply(TalkFlow.setAside(status, in: c.talk.session), now: c.state.now) {
            case .reopened: c.flash(.cardOpenAgain)
            case .movedOn: c.flash(message); cardChanged(&c.talk)
            case .onLastCard: c.flash(message); toSummary(&c)
            }
        } catch {
            c.refused(error)
        }
    }

    // MARK: Writing

    /// Enter: writes in the focused text field; on a person's rating row, in
    /// that person's field; else in the card's first field.
    /// In a finished talk nothing typed could be saved: it says how to reopen it instead.
    static func startWriting(_ c: inout TalkContext) {
        guard !c.finished else { c.flash(.talkIsFinished); return }
        var talk = c.talk
        if case .text = talk.focusedField {
        } else if case .rating(let participant) = talk.focusedField,
                  let index = talk.fields.firstIndex(of: .text(participant: participant)) {
            talk.focus = index
        } else if let index = talk.firstTextField {
            talk.focus = index
        } else {
            return
        }
        talk.editor = TextEditor(TalkScreen.currentText(talk) ?? "")
        c.talk = talk
    }

    /// Tab while writing: stops, moves the focus, and writes on if it lands on a text field.
    static func writeInNextField(by step: Int, _ c: inout TalkContext) {
        c.talk.editor = nil
        focus(by: step, &c)
        if case .text = c.talk.focusedField { c.talk.editor = TextEditor(TalkScreen.currentText(c.talk) ?? "") }
    }

    // MARK: Ratings and votes

    static func rate(_ key: Key, _ c: inout TalkContext) {
        guard let digit = key.digit else { return }
        guard let card = c.talk.card, let range = card.scaleRange else {
            c.flash(.noRatingOnCard)
            return
        }
        let value = RatingKeys.value(forDigit: digit, on: range)
        guard range.contains(value) else {
            c.state.flash = c.ui(.ratingRange, range.lowerBound, range.upperBound)
            return
        }
        // With an action focused, or a text field that has no rating of its own
        // (the team's), the number goes to the first rating (or the team's
        // votes), which takes the focus, rather than nowhere.
        if !c.talk.focusedFieldHasRating, let index = c.talk.fields.firstIndex(where: {
            if case .text = $0 { return false }
            if case .action = $0 { return false }
            return true
        }) {
            c.talk.focus = index
        }
        do {
            switch c.talk.focusedField {
            case .votes:
                // Typed and phone votes never mix on a card: the facilitator would know part of what they add up to.
                guard RoomVoteRules.takesTypedVote(on: c.talk.card, roomOpen: c.talk.room?.isOpen == true) else {
                    c.flash(.votesComeFromPhones)
                    return
                }
                try c.talk.session.apply(.addVote(value: value, participant: nil), now: c.state.now)
                c.talk.recentVotes.append(value)
            case .rating(let participant), .text(let participant):
                // The same digit again takes a shown rating back; a hidden one it sets
                // again, so no key can tell what the hidden value is (⌫ takes it back).
                let current = c.talk.card?.response(of: participant)?.rating
                let hidden = c.talk.card.map { c.talk.session.ratingsHidden(on: $0) } ?? false
                try c.talk.session.apply(.setRating(participant: participant, rating: current == value && !hidden ? nil : value),
                                         now: c.state.now)
                if let card = c.talk.card, c.talk.session.ratingsHidden(on: card) {
                    c.state.flash = c.ui(.ratingGivenHidden, c.talk.session.participant(id: participant)?.name ?? participant)
                }
            case .action?, nil:
                break
            }
        } catch {
            c.refused(error)
        }
    }

    /// Backspace: takes back a team vote, or clears the focused person's rating.
    /// r: shows the room the anonymous votes as they are now, when the rule
    /// allows (`VotePrivacy`); else says why not.
    static func reveal(_ c: inout TalkContext) {
        let outcome: RevealOutcome
        do { outcome = try c.talk.session.revealVotes(now: c.state.now) } catch {
            c.refused(error)
            return
        }
        switch outcome {
        case .notARatingCard: c.flash(.noRatingOnCard)
        case .shownLive: c.flash(.votesShowLive)
        case .noVotes: c.flash(.noVotesYet)
        case .tooFew(let minimum): c.state.flash = c.ui(.votesNeedMinimum, minimum)
        case .shown: c.flash(.votesRevealedFlash)
        }
    }

    static func unrate(_ c: inout TalkContext) {
        if c.talk.focusedField == .votes {
            takeBackVote(&c)
        } else if let participant = ratedPerson(c.talk.focusedField), c.talk.card?.response(of: participant)?.rating != nil {
            apply(.setRating(participant: participant, rating: nil), &c)
            if c.state.flash == nil {
                c.state.flash = c.ui(.ratingRemoved, c.talk.session.participant(id: participant)?.name ?? participant)
            }
        }
    }

    /// Whose rating ⌫ takes back: the chosen rating row's, or (as a digit rates
    /// the person whose field is chosen) the chosen answer field's.
    private static func ratedPerson(_ field: TalkState.Field?) -> String? {
        switch field {
        case .rating(let participant)?, .text(let participant)?: return participant
        default: return nil
        }
    }

    /// Backspace on team votes: the newest vote given on this visit, else the
    /// only value there is, else (the order of earlier votes is not kept) the
    /// value the next digit names.
    private static func takeBackVote(_ c: inout TalkContext) {
        guard let record = c.talk.card, let range = record.scaleRange else { return }
        let counts = record.ratingCounts.filter { $0.value > 0 }
        while let last = c.talk.recentVotes.last, counts[last] == nil { c.talk.recentVotes.removeLast() }
        if counts.isEmpty {
            c.flash(.noVotesToRemove)
        } else if let last = c.talk.recentVotes.popLast() {
            removeVote(value: last, &c)
        } else if counts.count == 1, let only = counts.keys.first {
            removeVote(value: only, &c)
        } else {
            c.talk.choosingVoteToRemove = true
            c.state.flash = c.ui(.whichVoteToRemove, range.lowerBound, range.upperBound)
        }
    }

    /// The digit after "which vote?": takes away one vote for the value it names.
    static func removeVote(digit: Int, _ c: inout TalkContext) {
        guard let range = c.talk.card?.scaleRange else { return }
        let value = RatingKeys.value(forDigit: digit, on: range)
        if (c.talk.card?.ratingCounts[value] ?? 0) > 0 {
            removeVote(value: value, &c)
        } else {
            c.state.flash = c.ui(.noVoteForValue, value)
        }
    }

    private static func removeVote(value: Int, _ c: inout TalkContext) {
        do {
            try c.talk.session.apply(.removeVote(value: value), now: c.state.now)
            c.state.flash = c.ui(.voteRemoved, value, c.talk.card?.ratingCount ?? 0)
        } catch {
            c.refused(error)
        }
    }

    // MARK: Kept out of the minutes

    /// In a 1:1, whose answer the chosen field or rating row is.
    static func personChosen(_ talk: TalkState) -> String? {
        guard talk.session.kind == .oneOnOne else { return nil }
        switch talk.focusedField {
        case .text(let participant)?, .rating(let participant)?: return participant
        default: return nil
        }
    }

    static func chosenAnswerKeptOut(_ talk: TalkState) -> Bool {
        personChosen(talk).flatMap { talk.card?.response(of: $0)?.keptOut } ?? false
    }

    /// u: the chosen person's answer on this card stays out of the minutes and
    /// every export (`Response.keptOut`); again, it is in them again.
    static func toggleKeptOut(_ c: inout TalkContext) {
        guard let participant = personChosen(c.talk) else { return }
        let keptOut = !chosenAnswerKeptOut(c.talk)
        apply(.keepOut(participant: participant, keptOut: keptOut), &c)
        guard c.state.flash == nil else { return }
        c.state.flash = c.ui(keptOut ? .keptOutFlash : .keptInFlash, c.talk.session.participant(id: participant)?.name ?? participant)
    }

    // MARK: Actions

    /// Opens the action form, unless the talk is finished: then nothing typed
    /// could be saved, so it says how to reopen the talk instead.
    static func openActionForm(_ form: TalkState.ActionForm, _ c: inout TalkContext) {
        guard !c.finished else { c.flash(.talkIsFinished); return }
        c.talk.actionForm = form
    }

    static func changeChosenAction(_ c: inout TalkContext) {
        guard let action = c.chosenAction else { return }
        openActionForm(TalkState.ActionForm(editing: action), &c)
    }

    static func toggleChosenActionDone(_ c: inout TalkContext) {
        guard let action = c.chosenAction else { return }
        do {
            try c.talk.session.apply(.setActionDone(id: action.id, done: !action.done), now: c.state.now)
            c.flash(action.done ? .actionReopened : .actionMarkedDone)
        } catch {
            c.refused(error)
        }
    }

    static func askToRemoveChosenAction(_ c: inout TalkContext) {
        guard let action = c.chosenAction else { return }
        guard !c.finished else { c.flash(.talkIsFinished); return }
        c.talk.confirmRemove = action.id
    }
}
