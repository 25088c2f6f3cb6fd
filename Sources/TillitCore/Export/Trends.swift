import Foundation

/// How a deck's ratings moved over talks: for each rating card, the average
/// of every talk, the latest, the change, and the actions agreed on the card.
/// Pure: built from talks already loaded, so the command line, the terminal UI
/// and the tests all get the same numbers.
package struct TrendsReport: Hashable, Sendable {
    /// A team average from fewer votes than this is not shown, nor is its
    /// spread, so no one's vote can be read off. A 1:1 shows its ratings: they
    /// are given by name, and the referat names them anyway.
    package static let minimumVotes = VotePrivacy.minimumVotes

    /// One talk in the report, oldest first.
    package struct Talk: Hashable, Sendable {
        package var id: String
        package var title: String
        package var kind: TalkKind
        package var createdAt: Date
        /// The employee's name in a 1:1, as the talk spells it.
        package var employee: String?
        /// The leader's name in a 1:1, as the talk spells it.
        package var leader: String? = nil
    }

    /// A card's ratings in one talk.
    package struct Point: Hashable, Sendable {
        /// Value → number of votes; empty when `tooFew` (the spread would give votes away).
        package var counts: [Int: Int]
        package var votes: Int
        /// The average, or nil when there were too few votes to show it.
        package var mean: Double?
        package var actionAgreed: Bool

        package var tooFew: Bool { mean == nil }
    }

    /// An action agreed on a card, and the talk it was agreed in.
    package struct AgreedAction: Hashable, Sendable {
        package var text: String
        package var owner: String
        package var due: String?
        package var done: Bool
        package var talkID: String
        /// Index in `TrendsReport.talks`.
        package var talkIndex: Int
    }

    package struct CardTrend: Hashable, Sendable, Identifiable {
        /// `deck/card`.
        package var key: String
        package var card: String
        /// In a report of 1:1 talks, whose ratings these are (the employee's
        /// and the leader's views are two trends, never one average); nil for teams.
        package var role: Role?
        package var prompt: String
        package var scale: ClosedRange<Int>
        /// One per talk of the report; nil where the card got no votes.
        package var points: [Point?]
        package var actions: [AgreedAction]
        /// `about: self`: each rated their own state, so the two lines are never compared.
        package var aboutSelf = false

        package var id: String { role.map { key + "/" + $0.rawValue } ?? key }

        /// The averages over the talks; nil for a talk without votes or with too few.
        package var means: [Double?] { points.map { $0?.mean } }
        /// The latest talk in which the card got votes.
        package var latestIndex: Int? { points.lastIndex { $0 != nil } }
        package var latest: Point? { latestIndex.flatMap { points[$0] } }
        /// The latest average, if the latest votes were enough to show one.
        package var latestMean: Double? { latest?.mean }
        /// The latest average minus the shown average before it.
        package var change: Double? {
            guard let index = latestIndex, let now = points[index]?.mean,
                  let before = points[..<index].last(where: { $0?.mean != nil })??.mean else { return nil }
            return now - before
        }
        /// Talks in which the card got at least one vote.
        package var talkCount: Int { points.filter { $0 != nil }.count }
        package var voteCount: Int { points.reduce(0) { $0 + ($1?.votes ?? 0) } }
        package var shortPrompt: String { DisplayWidth.truncate(SafeText.line(prompt), to: 40) }

        /// Whose line this is in a 1:1 report, person first: `Ola (medarbeider)`, or the role
        /// alone without a name; nil for a team. `name` as the latest talk spells it.
        package func whose(_ t: Localizer, name: String?) -> String? {
            guard let role else { return nil }
            let name = SafeText.line(name ?? "")
            return name.isEmpty ? t(role.label) : name + " (" + t.role(role) + ")"
        }

        /// The prompt, and in a 1:1 report whose ratings: `Hvor stort handlingsrom… (medarbeider)`.
        package func label(_ t: Localizer, short: Bool = true) -> String {
            let text = short ? shortPrompt : SafeText.line(prompt)
            return role.map { text + " (" + t.role($0) + ")" } ?? text
        }
    }

    /// The name of the person with `role` in the report's latest 1:1 that names one.
    package func name(of role: Role) -> String? {
        talks.reversed().lazy.compactMap { role == .leader ? $0.leader : role == .employee ? $0.employee : nil }.first
    }

    /// `Ola (medarbeider) · Hvor stort handlingsrom…` in a 1:1 report, the prompt alone for a
    /// team; cut to `width` in the prompt only, so whose line it is always shows.
    package func screenLabel(_ card: CardTrend, _ t: Localizer, width: Int? = nil) -> String {
        let prompt = SafeText.line(card.prompt)
        guard let whose = card.whose(t, name: card.role.flatMap(name(of:))) else {
            return width.map { DisplayWidth.truncate(prompt, to: $0) } ?? prompt
        }
        let head = whose + " · "
        guard let width else { return head + prompt }
        return head + DisplayWidth.truncate(prompt, to: max(1, width - DisplayWidth.of(head)))
    }

    /// How many different employees the report's 1:1 talks were with, by name.
    package var employeeCount: Int { employees.count }

    /// Every talk in the report is a 1:1: ratings are given by name, one each.
    package var isOneOnOne: Bool { !talks.isEmpty && talks.allSatisfy { $0.kind == .oneOnOne } }

    package var deckID: String
    package var deckTitle: String
    package var filter: TalkFilter
    package var talks: [Talk]
    package var cards: [CardTrend]
    /// Session files that could not be read and were left out (set by whoever loaded them).
    package var unreadableFiles = 0

    /// Whose talks these are, for a title: the team as its latest talk spells it, or the person asked for.
    package var scope: String? {
        if let team = filter.team { return SafeText.line(talks.last?.title ?? team) }
        return filter.participant.map(SafeText.line)
    }

    private var employees: Set<String> {
        Set(talks.compactMap { $0.employee.map { SafeText.line($0).lowercased() } })
    }

    /// The trend of deck `deckID` over `sessions` (any order) that match `team`
    /// and `participant`, the latest `last` of them. With `deck`, cards follow
    /// the deck's order and prompts its text in `language`; without it, the
    /// words recorded in the latest talk.
    package init(sessions: [Session], deckID: String, team: String? = nil, participant: String? = nil,
                last: Int? = nil, deck: Deck? = nil, language: Language? = nil) {
        let filter = TalkFilter(deck: deckID, participant: participant, team: team)
        var chosen = sessions.filter { filter.matches($0) }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
        if let last { chosen = Array(chosen.suffix(max(0, last))) }
        self.deckID = deckID
        self.filter = filter
        self.talks = chosen.map { talk in
            Talk(id: talk.id, title: talk.title, kind: talk.kind, createdAt: talk.createdAt,
                 employee: talk.kind == .oneOnOne ? talk.participants.first { $0.role == .employee }?.name : nil,
                 leader: talk.kind == .oneOnOne ? talk.participants.first { $0.role == .leader }?.name : nil)
        }
        let latestTitle = chosen.last?.decks.first { $0.id.lowercased() == deckID.lowercased() }?.title
        self.deckTitle = deck.map { $0.title.resolve(language ?? chosen.last?.language ?? .nb) } ?? latestTitle ?? deckID
        self.cards = Self.cardTrends(chosen, deckID: deckID, deck: deck, language: language)
    }

    private static func cardTrends(_ talks: [Session], deckID: String, deck: Deck?, language: Language?) -> [CardTrend] {
        // Which rating cards there are, in order: the deck's, then any only the talks know.
        var order: [String] = deck?.cards.filter { $0.answer.scale != nil }.map(\.id) ?? []
        let wanted = deckID.lowercased()
        func inDeck(_ record: CardRecord) -> Bool { record.deck == wanted || record.deck.lowercased() == wanted }
        var latestRecord: [String: CardRecord] = [:]
        for talk in talks.reversed() {
            for record in talk.cards where record.isRating && inDeck(record) {
                if latestRecord[record.card] == nil {
                    latestRecord[record.card] = record
                    if !order.contains(record.card) { order.append(record.card) }
                }
            }
        }
        // Each talk's records and actions by card, looked up once.
        let positions: [[String: Int]] = talks.map { talk in
            var byCard: [String: Int] = [:]
            for (index, record) in talk.cards.enumerated() where byCard[record.card] == nil && inDeck(record) {
                byCard[record.card] = index
            }
            return byCard
        }
        let agreedOn: [[String: [Action]]] = talks.map { Dictionary(grouping: $0.actions.filter { $0.fromCard != nil }) { $0.fromCard! } }
        let roles: [Role?] = !talks.isEmpty && talks.allSatisfy { $0.kind == .oneOnOne } ? [.employee, .leader] : [nil]
        var trends: [CardTrend] = []
        for cardID in order {
            guard let record = latestRecord[cardID] else { continue }
            let deckCard = deck?.card(id: cardID)
            let prompt = deckCard.map { $0.prompt.resolve(language ?? talks.last?.language ?? .nb) } ?? record.prompt
            let scale = deckCard?.answer.scale.map(\.values) ?? record.scaleRange ?? 1...5
            for role in roles {
                var trend = CardTrend(key: record.key, card: cardID, role: role, prompt: prompt, scale: scale, points: [], actions: [])
                trend.aboutSelf = deckCard?.aboutSelf ?? !record.ratingsCompare
                trend.points.reserveCapacity(talks.count)
                for (index, talk) in talks.enumerated() {
                    let agreed = agreedOn[index][record.key] ?? []
                    trend.actions += agreed.map {
                        AgreedAction(text: $0.text, owner: $0.owner, due: $0.due, done: $0.done, talkID: talk.id, talkIndex: index)
                    }
                    trend.points.append(positions[index][cardID].flatMap {
                        point(of: talk.cards[$0], in: talk, by: role, actionAgreed: !agreed.isEmpty)
                    })
                }
                // In a 1:1, a view no one gave a rating for is left out rather than shown empty.
                if role == nil || trend.points.contains(where: { $0 != nil }) { trends.append(trend) }
            }
        }
        return trends
    }

    private static func point(of record: CardRecord, in talk: Session, by role: Role?, actionAgreed: Bool) -> Point? {
        // The same result the summary and the referat show (in a 1:1 view, whose rating it is).
        guard let result = talk.result(of: record, by: role) else { return nil }
        return Point(counts: result.counts, votes: result.votes, mean: result.mean, actionAgreed: actionAgreed)
    }

    // MARK: Sparklines

    package static let sparkBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Shown for a talk without a shown average (no votes, or too few).
    package static let sparkGap: Character = "·"

    /// One block per value, its height by where it lies on `scale`.
    package static func sparkline(_ means: [Double?], scale: ClosedRange<Int>) -> String {
        let low = Double(scale.lowerBound), span = Double(scale.upperBound - scale.lowerBound)
        return String(means.map { mean -> Character in
            guard let mean else { return sparkGap }
            let level = span > 0 ? Int(((mean - low) / span * 7).rounded()) : 3
            return sparkBlocks[min(7, max(0, level))]
        })
    }
}
