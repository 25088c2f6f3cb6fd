extension CardRecord {
    /// Puts the voting room's counts in place of its earlier ones: typed votes
    /// stay, and `anonymousVotes` holds both, so everything that reads votes
    /// (the card, the minutes, trends, export) counts phones without knowing.
    mutating func replacePhoneVotes(with counts: [Int: Int]) {
        var all = anonymousVotes ?? [:]
        for (value, count) in phoneVotes ?? [:] { all[value] = (all[value] ?? 0) - count }
        for (value, count) in counts { all[value, default: 0] += count }
        all = all.filter { $0.value > 0 }
        anonymousVotes = all.isEmpty ? nil : all
        phoneVotes = counts.isEmpty ? nil : counts
        if hasContent, status == .open { status = .answered }
    }

    /// After a vote is taken back: no more phone votes for a value than votes for it.
    mutating func keepPhoneVotesWithinAll() {
        guard let phones = phoneVotes else { return }
        let kept = phones.reduce(into: [Int: Int]()) { kept, entry in
            let count = min(entry.value, anonymousVotes?[entry.key] ?? 0)
            if count > 0 { kept[entry.key] = count }
        }
        phoneVotes = kept.isEmpty ? nil : kept
    }

    /// How many of this card's votes came from phones.
    package var phoneVoteCount: Int { (phoneVotes ?? [:]).values.reduce(0, +) }

    /// Votes typed on the laptop (or given by name): all but the phones'. Typed and phone
    /// votes never mix on a card, so the room shows a card that has these only once the
    /// facilitator agrees that a phone round replaces them.
    package var typedVoteCount: Int { max(0, ratingCount - phoneVoteCount) }
}
