/// How many of the people in the room have voted from their phones on a card,
/// as the shared screen says it: a count, "5 of 7 voted", everyone, or more
/// votes than people (said plainly, with the way to vote again). Never a value.
package enum RoomTurnout: Hashable, Sendable {
    /// The facilitator did not say how many take part.
    case votes(Int)
    case some(votes: Int, people: Int)
    case everyone(people: Int)
    case tooMany(votes: Int, people: Int)

    /// The most people a talk can say take part (`--people`, the setup row, `+`).
    package static let people = 1...999

    package init(votes: Int, people: Int?) {
        guard let people, Self.people.contains(people) else { self = .votes(votes); return }
        if votes > people { self = .tooMany(votes: votes, people: people) }
        else if votes == people { self = .everyone(people: people) }
        else { self = .some(votes: votes, people: people) }
    }

    /// The panel's lines: the first is the turnout, a second (too many) says how to vote again.
    package func lines(_ t: Localizer) -> [String] {
        switch self {
        case .votes(let votes): return [t.count(votes, one: .roomVoteInOne, many: .roomVotesIn)]
        case .some(let votes, let people): return [t(.roomTurnout, votes, people)]
        case .everyone(let people): return [t(.roomTurnoutEveryone, people)]
        case .tooMany(let votes, let people): return [t(.roomTurnoutTooMany, votes, people), t(.roomTurnoutVoteAgain)]
        }
    }
}
