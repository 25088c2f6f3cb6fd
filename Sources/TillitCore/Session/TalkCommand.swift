import Foundation

/// Everything that can happen to a talk. `Session.apply` is the one place the
/// rules live; the UI, plain mode and tests all go through it.
package enum TalkCommand: Hashable, Sendable {
    case next
    case previous
    case jump(to: Int)
    case setText(participant: String, text: String)
    case setRating(participant: String, rating: Int?)
    /// The person keeps their answer on the current card out of the minutes
    /// (`true`), or lets it in again: see `Response.keptOut`.
    case keepOut(participant: String, keptOut: Bool)
    /// A team vote; named when `participant` is given and the talk is not anonymous.
    case addVote(value: Int, participant: String?)
    case removeVote(value: Int)
    /// The votes from the voting room on card `card` (an index), value → count.
    /// They replace that card's earlier phone votes (people voted again), never
    /// the facilitator's typed ones.
    case setPhoneVotes(card: Int, counts: [Int: Int])
    /// The facilitator shows the room the card's votes as they are now (see `VotePrivacy`).
    case revealVotes
    case skip
    case park
    case reopenCard
    case addAction(id: String, text: String, owner: String, due: String?, onCurrentCard: Bool)
    case editAction(id: String, text: String, owner: String, due: String?)
    case setActionDone(id: String, done: Bool)
    case removeAction(id: String)
    case resolveCarried(id: String, outcome: CarryOverOutcome)
    /// A clean-up item (`CleanupItem`) with id `id`, checked by `CleanupDraft.checked`.
    case addCleanupItem(id: String, draft: CleanupDraft, onCurrentCard: Bool)
    /// What this talk made of a clean-up item: decided, still waiting, or sent up (`by` names to whom).
    case decideCleanupItem(id: String, outcome: CleanupOutcome, why: String, by: String)
    /// Takes away an item added in this talk (a mistake); earlier ones are decided, not removed.
    case removeCleanupItem(id: String)
    case setNotes(String)
    case setPrivateNotes(String)
    case finish
    /// `participant` confirms the finished talk's minutes, whose exact text has
    /// `fingerprint` (SHA-256, hex). Other minutes than the ones confirmed so
    /// far start the confirmations over.
    case confirmMinutes(participant: String, fingerprint: String)
    /// Opens a finished talk again; its minutes' confirmations are cleared.
    case reopen
    /// Counts the time on the current card so far, without changing anything else.
    case checkpoint
}

package enum TalkError: Error, Equatable, CustomStringConvertible {
    case noSuchCard(Int)
    case noSuchParticipant(String)
    case noSuchAction(String)
    case ratingOutOfRange(Int, ClosedRange<Int>)
    case notARatingCard
    case noTextOnCard
    case finished
    case emptyAction
    case duplicateAction(String)
    /// In an anonymous team talk ratings are counted without names: use `addVote`.
    case anonymousTalk
    /// More votes for `value` than a talk file may hold (`Session.maximumVotes`), or fewer than none.
    case tooManyVotes(Int)
    /// Minutes are confirmed once the talk is finished.
    case notFinished
    /// The minutes are confirmed: nothing may change them until the talk is reopened.
    case minutesConfirmed

    package var description: String {
        switch self {
        case .noSuchCard(let index): return "there is no card \(index + 1)"
        case .noSuchParticipant(let id): return "no participant '\(id)'"
        case .noSuchAction(let id): return "no action '\(id)'"
        case .ratingOutOfRange(let value, let range): return "\(value) is outside \(range.lowerBound)–\(range.upperBound)"
        case .notARatingCard: return "this card takes no rating"
        case .noTextOnCard: return "this card takes only a rating"
        case .finished: return "the talk is finished; reopen it first"
        case .emptyAction: return "an action needs some text"
        case .duplicateAction(let id): return "there is already an action '\(id)'"
        case .anonymousTalk: return "this talk is anonymous: ratings are counted without names"
        case .tooManyVotes(let value): return "the votes for \(value) are not a count from 0 to \(Session.maximumVotes)"
        case .notFinished: return "the talk is not finished yet"
        case .minutesConfirmed: return "the minutes are confirmed; reopen the talk to change them"
        }
    }
}

extension Session {
    /// Applies one command at time `now`. Throws, leaving the session as it was,
    /// when the command does not fit (a rating outside the scale, say).
    package mutating func apply(_ command: TalkCommand, now: Date) throws {
        var next = self
        try next.perform(command, now: now)
        next.accrueTime(now: now)
        next.schemaVersion = max(next.schemaVersion, next.schemaVersionToWrite)
        if next != self || command == .checkpoint { next.updatedAt = now }
        self = next
    }

    private mutating func perform(_ command: TalkCommand, now: Date) throws {
        if isFinished, !command.isAllowedWhenFinished { throw TalkError.finished }
        // Confirmed minutes stay as confirmed: only moving about, more confirming and reopening.
        if minutesConfirmed, command.changesMinutes { throw TalkError.minutesConfirmed }
        // A file edited by hand may point past its cards; nothing may touch a card that is not there.
        if command.touchesCurrentCard, currentCard == nil { throw TalkError.noSuchCard(currentIndex) }
        switch command {
        case .next:
            guard !cards.isEmpty else { return }
            move(to: min(currentIndex + 1, cards.count - 1), now: now)
        case .previous:
            guard !cards.isEmpty else { return }
            move(to: max(currentIndex - 1, 0), now: now)
        case .jump(let index):
            guard cards.indices.contains(index) else { throw TalkError.noSuchCard(index) }
            move(to: index, now: now)
        case .setText(let participantID, let text):
            guard participant(id: participantID) != nil else { throw TalkError.noSuchParticipant(participantID) }
            guard currentCard?.answer.takesText != false else { throw TalkError.noTextOnCard }
            updateResponse(of: participantID, now: now) { $0.text = text }
        case .setRating(let participantID, let rating):
            guard participant(id: participantID) != nil else { throw TalkError.noSuchParticipant(participantID) }
            guard !anonymous else { throw TalkError.anonymousTalk }
            try checkRating(rating)
            updateResponse(of: participantID, now: now) { $0.rating = rating }
        case .keepOut(let participantID, let keptOut):
            guard participant(id: participantID) != nil else { throw TalkError.noSuchParticipant(participantID) }
            updateResponse(of: participantID, now: now) { $0.keptOut = keptOut }
        case .addVote(let value, let participantID):
            try checkRating(value)
            if anonymous {
                cards[currentIndex].anonymousVotes = (cards[currentIndex].anonymousVotes ?? [:])
                    .merging([value: 1], uniquingKeysWith: +)
                try checkVoteCounts(of: currentIndex)
                markAnswered()
            } else if let participantID {
                guard participant(id: participantID) != nil else { throw TalkError.noSuchParticipant(participantID) }
                updateResponse(of: participantID, now: now) { $0.rating = value }
            } else {
                // A named talk without a name for the vote: stored as an unnamed count.
                cards[currentIndex].anonymousVotes = (cards[currentIndex].anonymousVotes ?? [:])
                    .merging([value: 1], uniquingKeysWith: +)
                try checkVoteCounts(of: currentIndex)
                markAnswered()
            }
        case .removeVote(let value):
            try checkRating(value)
            if let count = cards[currentIndex].anonymousVotes?[value], count > 0 {
                cards[currentIndex].anonymousVotes?[value] = count > 1 ? count - 1 : nil
                if cards[currentIndex].anonymousVotes?.isEmpty == true { cards[currentIndex].anonymousVotes = nil }
                cards[currentIndex].keepPhoneVotesWithinAll()
            } else if let index = cards[currentIndex].responses.lastIndex(where: { $0.rating == value }) {
                cards[currentIndex].responses[index].rating = nil
                cards[currentIndex].responses[index].updatedAt = now
                cards[currentIndex].responses.removeAll { $0.isEmpty }
            }
            refreshStatus()
        case .setPhoneVotes(let index, let counts):
            guard cards.indices.contains(index) else { throw TalkError.noSuchCard(index) }
            guard let range = cards[index].scaleRange else { throw TalkError.notARatingCard }
            if let outside = counts.keys.sorted().first(where: { !range.contains($0) }) {
                throw TalkError.ratingOutOfRange(outside, range)
            }
            // Checked before any sum, so no count can overflow one; and never more than a talk file may hold.
            if let wrong = counts.keys.sorted().first(where: { !(0...Self.maximumVotes).contains(counts[$0]!) }) {
                throw TalkError.tooManyVotes(wrong)
            }
            cards[index].replacePhoneVotes(with: counts.filter { $0.value > 0 })
            try checkVoteCounts(of: index)
        case .revealVotes:
            guard currentCard?.isRating == true else { throw TalkError.notARatingCard }
            let votes = cards[currentIndex].votesAsRevealed
            cards[currentIndex].revealedVotes = votes.isEmpty ? nil : votes
        case .skip:
            cards[currentIndex].status = .skipped
        case .park:
            cards[currentIndex].status = .parked
        case .reopenCard:
            cards[currentIndex].status = .open
            refreshStatus()
        case .addAction(let id, let text, let owner, let due, let onCurrentCard):
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw TalkError.emptyAction }
            guard !actions.contains(where: { $0.id == id }) else { throw TalkError.duplicateAction(id) }
            actions.append(Action(id: id, text: text, owner: owner.trimmingCharacters(in: .whitespaces),
                                  due: due, fromCard: onCurrentCard ? currentCard?.key : nil, createdAt: now))
        case .editAction(let id, let text, let owner, let due):
            guard let index = actions.firstIndex(where: { $0.id == id }) else { throw TalkError.noSuchAction(id) }
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw TalkError.emptyAction }
            actions[index].text = text
            actions[index].owner = owner.trimmingCharacters(in: .whitespaces)
            actions[index].due = due
        case .setActionDone(let id, let done):
            guard let index = actions.firstIndex(where: { $0.id == id }) else { throw TalkError.noSuchAction(id) }
            actions[index].done = done
        case .removeAction(let id):
            guard actions.contains(where: { $0.id == id }) else { throw TalkError.noSuchAction(id) }
            actions.removeAll { $0.id == id }
        case .resolveCarried(let id, let outcome):
            guard let index = carriedOver.firstIndex(where: { $0.id == id }) else { throw TalkError.noSuchAction(id) }
            carriedOver[index].outcome = outcome
            carriedOver[index].action.done = outcome == .done
            // Kept, it is on this talk's list and in its minutes, open until done
            // or removed; marked otherwise again, it leaves the list.
            actions.removeAll { $0.id == id && $0.carriedFrom != nil }
            if outcome == .kept {
                var kept = carriedOver[index].action
                kept.carriedFrom = carriedOver[index].fromSession
                actions.append(kept)
            }
        case .addCleanupItem(let itemID, let draft, let onCurrentCard):
            try addCleanupItem(id: itemID, draft: draft, onCurrentCard: onCurrentCard, now: now)
        case .decideCleanupItem(let itemID, let outcome, let why, let by):
            try decideCleanupItem(id: itemID, outcome: outcome, why: why, by: by, now: now)
        case .removeCleanupItem(let itemID):
            try removeCleanupItem(id: itemID)
        case .setNotes(let text):
            notes = text
        case .setPrivateNotes(let text):
            privateNotes = text
        case .finish:
            if !isFinished { finishedAt = now }
        case .confirmMinutes(let participantID, let fingerprint):
            guard isFinished else { throw TalkError.notFinished }
            guard let person = minutesConfirmers.first(where: { $0.id == participantID }) else {
                throw TalkError.noSuchParticipant(participantID)
            }
            if minutesFingerprint != fingerprint { confirmations = nil }
            minutesFingerprint = fingerprint
            var given = (confirmations ?? []).filter { $0.participant != participantID }
            given.append(MinutesConfirmation(participant: person.id, name: person.name, confirmedAt: now))
            confirmations = given
        case .reopen:
            finishedAt = nil
            confirmations = nil
            minutesFingerprint = nil
        case .checkpoint:
            break
        }
    }

    private mutating func move(to index: Int, now: Date) {
        guard index != currentIndex else { return }
        accrueTime(now: now)
        currentIndex = index
    }

    /// Adds the time since the last check to the current card.
    mutating func accrueTime(now: Date) {
        defer { timingSince = isFinished ? nil : now }
        guard let since = timingSince, cards.indices.contains(currentIndex) else { return }
        let elapsed = now.timeIntervalSince(since)
        // Whole milliseconds, so the file reads `12.345`, not `12.344999980926514`.
        guard elapsed > 0 else { return }
        cards[currentIndex].secondsSpent = ((cards[currentIndex].secondsSpent + elapsed) * 1000).rounded() / 1000
    }

    /// Typed and phone votes together: no more for one value than a talk file may hold,
    /// or the talk would be saved and then not open again.
    private func checkVoteCounts(of index: Int) throws {
        if let (value, _) = (cards[index].anonymousVotes ?? [:]).sorted(by: { $0.key < $1.key })
            .first(where: { $0.value > Self.maximumVotes }) {
            throw TalkError.tooManyVotes(value)
        }
    }

    private func checkRating(_ value: Int?) throws {
        guard let range = currentCard?.scaleRange else { throw TalkError.notARatingCard }
        if let value, !range.contains(value) { throw TalkError.ratingOutOfRange(value, range) }
    }

    private mutating func updateResponse(of participantID: String, now: Date, _ change: (inout Response) -> Void) {
        var record = cards[currentIndex]
        var response = record.response(of: participantID) ?? Response(participant: participantID, updatedAt: now)
        let before = response
        change(&response)
        guard response != before else { return }
        response.updatedAt = now
        record.responses.removeAll { $0.participant == participantID }
        // A mark to keep out of the minutes stays on an empty field, for the words still to come.
        if !response.isEmpty || response.keptOut {
            // Keep responses in participant order so the file reads the same way every time.
            let order = participants.map(\.id)
            record.responses.append(response)
            record.responses.sort { (order.firstIndex(of: $0.participant) ?? .max) < (order.firstIndex(of: $1.participant) ?? .max) }
        }
        cards[currentIndex] = record
        refreshStatus()
    }

    private mutating func markAnswered() {
        if cards[currentIndex].status == .open { cards[currentIndex].status = .answered }
    }

    /// A card with something said on it counts as answered; an emptied card
    /// goes back to open unless it was deliberately skipped or parked.
    private mutating func refreshStatus() {
        let record = cards[currentIndex]
        if record.hasContent {
            if record.status == .open || record.status == .skipped { cards[currentIndex].status = .answered }
        } else if record.status == .answered {
            cards[currentIndex].status = .open
        }
    }
}

extension TalkCommand {
    var isAllowedWhenFinished: Bool {
        switch self {
        case .next, .previous, .jump, .reopen, .finish, .checkpoint, .setActionDone, .confirmMinutes: return true
        default: return false
        }
    }

    /// What could change the minutes of a finished talk.
    var changesMinutes: Bool {
        switch self {
        case .next, .previous, .jump, .reopen, .finish, .checkpoint, .confirmMinutes: return false
        default: return true
        }
    }

    var touchesCurrentCard: Bool {
        switch self {
        case .setText, .setRating, .keepOut, .addVote, .removeVote, .revealVotes, .skip, .park, .reopenCard: return true
        default: return false
        }
    }
}
