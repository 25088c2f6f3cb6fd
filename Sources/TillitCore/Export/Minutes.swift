import Foundation

/// What leaves a talk: the Markdown minutes and `tillit export` in both
/// formats are made from this copy and from nothing else, so no flag of an
/// export can put back what it leaves out.
extension Session {
    /// The talk as the minutes may tell it: without the answers someone kept
    /// out (`Response.keptOut`, text and rating), without a 1:1 rating not yet
    /// shown together (`withoutHiddenRatings`), and without the leader's
    /// private notes unless `includePrivate`. `keptOut` counts the answers
    /// left out that had something in them, for the minutes to say so.
    package func forMinutes(includePrivate: Bool) -> (session: Session, keptOut: Int) {
        var copy = withoutHiddenRatings
        var keptOut = 0
        for index in copy.cards.indices {
            keptOut += copy.cards[index].responses.filter { $0.keptOut && !$0.isEmpty }.count
            copy.cards[index].responses.removeAll { $0.keptOut }
        }
        if !includePrivate { copy.privateNotes = "" }
        return (copy, keptOut)
    }
}
