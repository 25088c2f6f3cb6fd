/// Every sentence tillit shows, by key. The words are in the per-language tables.
public enum UIString: String, CaseIterable, Sendable {
    // Command line
    case decksHeaderID, decksHeaderTitle, decksHeaderCards, decksHeaderAudience, decksHeaderSource
    case sourceShipped, sourceOwn, sourceOwnReplaces
    case audienceOneOnOne, audienceTeam
    case skippedDeck
    case showCardNumber, showHint, showScale, showAnswerText, showAnswerScale, showAnswerTextAndScale
    case lintAllValid
}
