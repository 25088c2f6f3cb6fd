import Foundation

/// Every clean-up item of one team or one person, each as its latest talk
/// left it, with the totals a leader asks about. Pure: built from talks
/// already loaded, for the screen, the command line and the tests alike.
package struct CleanupRegister: Hashable, Sendable {
    package enum Order: String, CaseIterable, Sendable {
        /// Grouped by who can decide (the default), then by when added.
        case decider
        case kind
        /// Longest waiting first.
        case waited
        /// Most hours first.
        case hours
    }

    /// The team's title or the person's name the register is about.
    package var title: String
    package var kind: TalkKind
    /// Each item as its latest talk left it, oldest first.
    package var items: [CleanupItem]
    /// When the first and the latest talk with items were held.
    package var firstTalk: Date?
    package var lastTalk: Date?

    package init(title: String, kind: TalkKind, items: [CleanupItem], firstTalk: Date? = nil, lastTalk: Date? = nil) {
        self.title = title
        self.kind = kind
        self.items = items
        self.firstTalk = firstTalk
        self.lastTalk = lastTalk
    }

    /// The latest version of each item among `talks` (any order).
    package static func latestItems(in talks: [Session]) -> [CleanupItem] {
        var latest: [String: (item: CleanupItem, when: Date)] = [:]
        for talk in talks {
            for item in talk.cleanupItems where latest[item.id].map({ $0.when <= talk.createdAt }) ?? true {
                latest[item.id] = (item, talk.createdAt)
            }
        }
        return latest.values.map(\.item).sorted { ($0.addedAt, $0.id) < ($1.addedAt, $1.id) }
    }

    /// The register of a team (by title) or a person (in 1:1s), from all `talks`.
    package static func build(talks: [Session], team: String?, participant: String?) -> CleanupRegister {
        let filter = TalkFilter(participant: participant, team: team)
        let chosen = talks.filter { filter.matches($0) && (team != nil || $0.kind == .oneOnOne || participant == nil) }
        let withItems = chosen.filter { !$0.cleanupItems.isEmpty }
        let title = team ?? participant ?? ""
        return CleanupRegister(title: title, kind: team != nil ? .team : .oneOnOne, items: latestItems(in: chosen),
                               firstTalk: withItems.map(\.createdAt).min(), lastTalk: withItems.map(\.createdAt).max())
    }

    /// Every team and person with a clean-up list among `talks`, for the screen's choice: teams first, then people.
    package static func scopes(in talks: [Session]) -> [(team: String?, participant: String?)] {
        var seen = Set<String>()
        var scopes: [(team: String?, participant: String?, isTeam: Bool, name: String)] = []
        for talk in talks.sorted(by: { $0.createdAt > $1.createdAt }) where !talk.cleanupItems.isEmpty {
            let key = talk.continuityKey
            guard seen.insert(key).inserted else { continue }
            switch talk.kind {
            case .team: scopes.append((talk.title, nil, true, talk.title))
            case .oneOnOne:
                let person = talk.participants.first { $0.role == .employee } ?? talk.participants.first { $0.role != .leader }
                if let name = person?.name { scopes.append((nil, name, false, name)) }
            }
        }
        return scopes.sorted { ($0.isTeam ? 0 : 1, $0.name.lowercased()) < ($1.isTeam ? 0 : 1, $1.name.lowercased()) }
            .map { ($0.team, $0.participant) }
    }

    package var open: [CleanupItem] { items.filter(\.isOpen) }
    package var decided: [CleanupItem] { items.filter(\.isDecided) }

    /// Hours a month freed by what was dropped or simplified.
    package var hoursFreed: Double { items.reduce(0) { $0 + $1.hoursFreed } }

    /// The hours a month freed so far, after each talk that dropped or
    /// simplified something, oldest first: how the clearing out went over time.
    package var hoursFreedOverTime: [(at: Date, hours: Double)] {
        var byTalk: [String: (at: Date, hours: Double)] = [:]
        for item in items where item.hoursFreed > 0 {
            guard let decision = item.latest else { continue }
            byTalk[decision.session, default: (decision.at, 0)].hours += item.hoursFreed
        }
        var total = 0.0
        return byTalk.values.sorted { $0.at < $1.at }.map { step in
            total += step.hours
            return (step.at, total)
        }
    }

    /// Hours a month still waiting on someone higher up or outside.
    package var hoursWaitingOnOthers: Double {
        open.filter { $0.decider.isOthers }.reduce(0) { $0 + ($1.hoursPerMonth ?? 0) }
    }

    /// Hours a month of open items the team or its leader can decide.
    package var hoursOpenHere: Double {
        open.filter { !$0.decider.isOthers }.reduce(0) { $0 + ($1.hoursPerMonth ?? 0) }
    }

    /// Only the items of `kinds` and `deciders` (nil: all), in `order`.
    package func filtered(kind: CleanupKind? = nil, decider: CleanupDecider? = nil) -> CleanupRegister {
        var copy = self
        copy.items = items.filter { (kind == nil || $0.kind == kind) && (decider == nil || $0.decider == decider) }
        return copy
    }

    /// The items by who can decide them, in `CleanupDecider` order, each group in `order`; empty groups left out.
    package func grouped(_ order: Order = .decider, now: Date) -> [(decider: CleanupDecider, items: [CleanupItem])] {
        CleanupDecider.allCases.compactMap { decider in
            let group = sorted(items.filter { $0.decider == decider }, order, now: now)
            return group.isEmpty ? nil : (decider, group)
        }
    }

    /// Items in `order`: open before decided, then by the order's measure.
    package func sorted(_ order: Order, now: Date) -> [CleanupItem] { sorted(items, order, now: now) }

    private func sorted(_ list: [CleanupItem], _ order: Order, now: Date) -> [CleanupItem] {
        let indexed = Array(list.enumerated())
        return indexed.sorted { a, b in
            if a.element.isOpen != b.element.isOpen { return a.element.isOpen }
            switch order {
            case .decider: break
            case .kind:
                let ka = CleanupKind.allCases.firstIndex(of: a.element.kind)!, kb = CleanupKind.allCases.firstIndex(of: b.element.kind)!
                if ka != kb { return ka < kb }
            case .waited:
                let wa = a.element.daysWaited(now: now), wb = b.element.daysWaited(now: now)
                if wa != wb { return wa > wb }
            case .hours:
                let ha = a.element.hoursPerMonth ?? -1, hb = b.element.hoursPerMonth ?? -1
                if ha != hb { return ha > hb }
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
