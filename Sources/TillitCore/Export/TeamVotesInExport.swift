/// A team's votes in `tillit export` by the same rule as the screen, the minutes
/// and the trends (`Session.result(of:)`, which counts only votes the facilitator
/// did not type): a card whose result may not be shown gives no spread, and no
/// card says which of its votes came from phones (with the facilitator's own
/// typed votes known, that part would give the phones away).
extension Session {
    var withTeamVotesAsShown: Session {
        guard kind == .team else { return self }
        var copy = self
        for index in copy.cards.indices {
            copy.cards[index].phoneVotes = nil
            guard isAnonymousTeam, cards[index].anonymousVotes?.isEmpty == false,
                  result(of: cards[index])?.tally == nil else { continue }
            copy.cards[index].anonymousVotes = nil
            copy.cards[index].revealedVotes = nil
        }
        return copy
    }
}
