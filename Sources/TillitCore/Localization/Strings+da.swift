extension Strings {
    static let da: [UIString: String] = [
        .decksHeaderID: "ID",
        .decksHeaderTitle: "TITEL",
        .decksHeaderCards: "KORT",
        .decksHeaderAudience: "FOR",
        .decksHeaderSource: "KILDE",
        .sourceShipped: "medfølger",
        .sourceOwn: "egen: {0}",
        .sourceOwnReplaces: "egen: {0} (erstatter den medfølgende)",
        .audienceOneOnOne: "1:1",
        .audienceTeam: "team",
        .skippedDeck: "sprunget over",
        .showCardNumber: "Kort {0} af {1}",
        .showHint: "Hjælp",
        .showScale: "Skala {0}–{1}: {0} = {2}, {1} = {3}",
        .showAnswerText: "svar med ord",
        .showAnswerScale: "vurdering",
        .showAnswerTextAndScale: "vurdering og ord",
        .lintAllValid: "{0} fil(er) tjekket, ingen fejl",
    ]
}
