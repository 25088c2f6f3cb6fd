/// The one rule for showing team votes without giving anyone away: from fewer
/// votes than `minimumVotes` no average and no spread are shown, only how many
/// there were, so no single vote can be read off. The card screen, the
/// presentation, plain mode, the referat and the trends all ask here.
public enum VotePrivacy {
    public static let minimumVotes = 3

    /// True for one or two votes: show the count alone.
    public static func tooFew(_ votes: Int) -> Bool { votes > 0 && votes < minimumVotes }
}
