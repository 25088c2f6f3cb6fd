extension Strings {
    static let nb: [UIString: String] = [
        .decksHeaderID: "ID",
        .decksHeaderTitle: "TITTEL",
        .decksHeaderCards: "KORT",
        .decksHeaderAudience: "FOR",
        .decksHeaderSource: "KILDE",
        .sourceShipped: "følger med",
        .sourceOwn: "egen: {0}",
        .sourceOwnReplaces: "egen: {0} (erstatter den som følger med)",
        .audienceOneOnOne: "1:1",
        .audienceTeam: "team",
        .skippedDeck: "hoppet over",
        .showCardNumber: "Kort {0} av {1}",
        .showHint: "Hjelp",
        .showScale: "Skala {0}–{1}: {0} = {2}, {1} = {3}",
        .showAnswerText: "svar med ord",
        .showAnswerScale: "vurdering",
        .showAnswerTextAndScale: "vurdering og ord",
        .lintAllValid: "{0} fil(er) sjekket, ingen feil",
    ]
}
