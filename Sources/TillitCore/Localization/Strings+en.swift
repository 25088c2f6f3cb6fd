extension Strings {
    static let en: [UIString: String] = [
        .decksHeaderID: "ID",
        .decksHeaderTitle: "TITLE",
        .decksHeaderCards: "CARDS",
        .decksHeaderAudience: "FOR",
        .decksHeaderSource: "SOURCE",
        .sourceShipped: "shipped",
        .sourceOwn: "own: {0}",
        .sourceOwnReplaces: "own: {0} (replaces the shipped deck)",
        .audienceOneOnOne: "1:1",
        .audienceTeam: "team",
        .skippedDeck: "skipped",
        .showCardNumber: "Card {0} of {1}",
        .showHint: "Hint",
        .showScale: "Scale {0}–{1}: {0} = {2}, {1} = {3}",
        .showAnswerText: "answer in words",
        .showAnswerScale: "rating",
        .showAnswerTextAndScale: "rating and words",
        .lintAllValid: "{0} file(s) checked, no problems",
    ]
}
