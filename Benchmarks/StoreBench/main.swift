// Benchmarks of the session store, run by `scripts/bench-store` (a release build).
// Not tests: they print medians for a person to compare with the goals.
//
//   save    a talk of 200 cards and 400 responses, fsync of file and folder included
//   list    10,000 talks in the sessions folder, summaries only
//   latest  the newest unfinished of 10,000 (a listing, then one load)
//   load    one talk by id from a folder of 10,000
//   trends  the trend of a 14-card deck over 1,000 team meetings (TrendsBench.swift)

import Foundation
import TillitCore
import TillitStore

/// Progress goes to stderr, so stdout holds only the table.
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

let arguments = CommandLine.arguments.dropFirst()
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), arguments.index(after: index) < arguments.endIndex,
          let value = Int(arguments[arguments.index(after: index)]) else { return fallback }
    return value
}
let talkCount = option("--talks", 10_000)
let saveRuns = option("--save-runs", 200)
let listRuns = option("--list-runs", 15)

let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-bench-\(getpid())")
defer { try? FileManager.default.removeItem(atPath: root) }

let language = Language.nb
let start = Date(timeIntervalSince1970: 1_795_464_000)
let people = [Participant(id: "p1", name: "Kari Nordmann", role: .leader),
              Participant(id: "p2", name: "Ola Hansen", role: .employee)]
let sentence = "Jeg vil bruke mindre tid på rapporter og mer tid med brukerne, og jeg trenger støtte til å prioritere. "

func deck(cards: Int) -> Deck {
    let scale = Scale(min: 1, max: 5, low: LocalizedText([.nb: "lite"]), high: LocalizedText([.nb: "mye"]))
    return Deck(id: "selvledelse", title: LocalizedText([.nb: "Selvledelse"]), cards: (1...cards).map { number in
        Card(id: "kort-\(number)",
             prompt: LocalizedText([.nb: "Hvor stort handlingsrom har du i hverdagen, og hvor skulle du ønske det var større? (\(number))"]),
             answer: number % 4 == 0 ? .textAndScale(scale) : .text)
    })
}

/// A talk with `cards` cards, each answered by both people (two responses a card).
func talk(id: String, cards: Int, now: Date, finished: Bool) throws -> Session {
    let setup = TalkSetup(kind: .oneOnOne, language: language, participants: people, deckIDs: ["selvledelse"])
    var session = try Session.start(setup, decks: [deck(cards: cards)], id: id, now: now)
    for index in 0..<cards {
        try session.apply(.jump(to: index), now: now)
        for person in people {
            try session.apply(.setText(participant: person.id, text: "\(person.name): " + sentence), now: now)
            if session.cards[index].isRating { try session.apply(.setRating(participant: person.id, rating: 4), now: now) }
        }
        if index % 20 == 0 {
            try session.apply(.addAction(id: "\(id)-a\(index)", text: "Lage et utkast til ny ukeplan", owner: "Ola",
                                         due: "2026-12-15", onCurrentCard: true), now: now)
        }
    }
    try session.apply(.setNotes(String(repeating: sentence, count: 3)), now: now)
    if finished { try session.apply(.finish, now: now) }
    return session
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let begin = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000
}

struct Row {
    var name: String, runs: Int, median: Double, low: Double, high: Double, goal: Double?
}

func measure(_ name: String, runs: Int, goal: Double?, _ body: () throws -> Void) rethrows -> Row {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try milliseconds(body)) }
    times.sort()
    let middle = times.count / 2
    let median = times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
    let row = Row(name: name, runs: runs, median: median, low: times.first!, high: times.last!, goal: goal)
    note(String(format: "  %@: median %.2f ms", name, median))
    return row
}

var rows: [Row] = []

// MARK: save

do {
    let store = SessionStore(home: TillitHome(path: root + "/save"))
    var big = try talk(id: "2026-11-23-1934-0001", cards: 200, now: start, finished: false)
    let responses = big.cards.map(\.responses.count).reduce(0, +)
    try store.save(big)
    let size = (try FileManager.default.attributesOfItem(atPath: store.path(for: big.id))[.size] as? Int) ?? 0
    note("save: \(big.cards.count) cards, \(responses) responses, \(size / 1024) KiB a file")
    var counter = 0
    rows.append(try measure("save, 200 cards / 400 responses (fsync)", runs: saveRuns, goal: 5) {
        // A change, as after a key press (set directly, so only the save is timed).
        counter += 1
        big.notes = "endring \(counter)"
        try store.save(big)
    })
}

// MARK: 10,000 talks

let store = SessionStore(home: TillitHome(path: root + "/many"))
do {
    try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
    let encoder = SessionStore.encoder()
    let template = try talk(id: "template", cards: 14, now: start, finished: true)
    var bytes = 0
    note("list: writing \(talkCount) talks of 14 cards, 28 responses…")
    for index in 0..<talkCount {
        var session = template
        session.id = String(format: "2026-%02d-%02d-0900-%04x", index % 12 + 1, index % 28 + 1, index)
        session.createdAt = start - Double(talkCount - index) * 3600
        session.updatedAt = session.createdAt
        // The newest few are unfinished, as a real history would have it.
        session.finishedAt = index >= talkCount - 3 ? nil : session.createdAt
        var data = try encoder.encode(session)
        data.append(0x0A)
        bytes += data.count
        try data.write(to: URL(fileURLWithPath: store.path(for: session.id)))
    }
    note("list: \(bytes / talkCount / 1024) KiB a talk, \(bytes / 1_048_576) MiB in all")
}

var newest = ""
rows.append(measure("list \(talkCount) talks", runs: listRuns, goal: 300) {
    let listing = store.list()
    precondition(listing.summaries.count == talkCount && listing.problems.isEmpty)
    newest = listing.summaries[0].id
})
// What the hand-written scanner buys: the same list with JSONDecoder alone.
rows.append(measure("list \(talkCount) talks, JSONDecoder only (no SummaryScanner)", runs: listRuns, goal: 300) {
    let listing = store.list(scanner: false)
    precondition(listing.summaries.count == talkCount && listing.problems.isEmpty && listing.summaries[0].id == newest)
})
rows.append(try measure("latest unfinished of \(talkCount) (list + load)", runs: listRuns, goal: nil) {
    let latest = try store.latestUnfinished()
    precondition(latest?.id == newest)
})
rows.append(try measure("load one talk by id among \(talkCount)", runs: saveRuns, goal: nil) {
    let loaded = try store.load(id: newest)
    precondition(loaded.id == newest)
})

// MARK: trends (issue 5)

rows += try trendsRows(folder: root + "/trends", count: option("--trend-talks", 1_000), runs: listRuns)

// MARK: table

let cpus = ProcessInfo.processInfo.activeProcessorCount
print("Store benchmarks (release build, \(cpus) cores, \(root))\n")
func cell(_ value: Double) -> String { String(format: "%.2f", value) }
var table = [["operation", "runs", "median ms", "min ms", "max ms", "goal ms", ""]]
for row in rows {
    let verdict = row.goal.map { row.median < $0 ? "ok" : "OVER" } ?? ""
    table.append([row.name, String(row.runs), cell(row.median), cell(row.low), cell(row.high),
                  row.goal.map { "< " + cell($0) } ?? "–", verdict])
}
print(TextTable.render(table, rightAligned: [1, 2, 3, 4, 5]))
