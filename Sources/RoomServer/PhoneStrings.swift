/// The phone page's own words, one table per language the talks come in.
struct PhoneStrings: Sendable {
    var title: String
    var roomCode: String
    var noCard: String
    var lookAtScreen: String
    var thanks: String
    var yourVote: String
    var changeUntilReveal: String
    var revealed: String
    var anonymous: String
    var refresh: String
    var back: String
    var cardNotShown: String
    var votingClosed: String
    var notOnScale: String
    var badForm: String
    var tooLarge: String
    var tooMany: String
    var otherOrigin: String

    static func forLanguage(_ code: String) -> PhoneStrings {
        switch code {
        case "nb": return .norwegian
        case "da": return .danish
        default: return .english
        }
    }

    static let norwegian = PhoneStrings(
        title: "Stem anonymt",
        roomCode: "Romkode",
        noCard: "Det er ingenting å stemme over akkurat nå.",
        lookAtScreen: "Se på den felles skjermen.",
        thanks: "Takk! Stemmen din er telt.",
        yourVote: "Du stemte",
        changeUntilReveal: "Du kan endre stemmen helt til resultatet vises.",
        revealed: "Resultatet vises nå på den felles skjermen.",
        anonymous: "Anonymt: bare antallet stemmer per verdi tas vare på, ikke hvem som stemte hva.",
        refresh: "Oppdater",
        back: "Tilbake til avstemningen",
        cardNotShown: "Dette kortet vises ikke lenger.",
        votingClosed: "Avstemningen på dette kortet er avsluttet.",
        notOnScale: "Det valget finnes ikke på skalaen.",
        badForm: "Stemmen kom ikke fram riktig. Prøv igjen.",
        tooLarge: "Forespørselen var for stor.",
        tooMany: "For mange forespørsler. Vent litt og prøv igjen.",
        otherOrigin: "Stemmen kom ikke fra rommets egen side, så den ble ikke telt. Åpne lenken fra den felles skjermen."
    )

    static let english = PhoneStrings(
        title: "Vote anonymously",
        roomCode: "Room code",
        noCard: "Nothing to vote on right now.",
        lookAtScreen: "Look at the shared screen.",
        thanks: "Thank you! Your vote is counted.",
        yourVote: "You voted",
        changeUntilReveal: "You can change your vote until the result is shown.",
        revealed: "The result is on the shared screen now.",
        anonymous: "Anonymous: only how many chose each value is kept, not who chose what.",
        refresh: "Refresh",
        back: "Back to the vote",
        cardNotShown: "This card is no longer shown.",
        votingClosed: "Voting on this card has closed.",
        notOnScale: "That choice is not on the scale.",
        badForm: "Your vote did not arrive properly. Please try again.",
        tooLarge: "The request was too large.",
        tooMany: "Too many requests. Wait a moment and try again.",
        otherOrigin: "This vote did not come from the room's own page, so it was not counted. Open the link from the shared screen."
    )

    static let danish = PhoneStrings(
        title: "Stem anonymt",
        roomCode: "Rumkode",
        noCard: "Der er ikke noget at stemme om lige nu.",
        lookAtScreen: "Se på den fælles skærm.",
        thanks: "Tak! Din stemme er talt med.",
        yourVote: "Du stemte",
        changeUntilReveal: "Du kan ændre din stemme, indtil resultatet bliver vist.",
        revealed: "Resultatet står nu på den fælles skærm.",
        anonymous: "Anonymt: der gemmes kun, hvor mange der valgte hver værdi – ikke hvem der valgte hvad.",
        refresh: "Opdater",
        back: "Tilbage til afstemningen",
        cardNotShown: "Dette kort bliver ikke vist længere.",
        votingClosed: "Afstemningen om dette kort er slut.",
        notOnScale: "Det valg findes ikke på skalaen.",
        badForm: "Din stemme kom ikke rigtigt frem. Prøv igen.",
        tooLarge: "Forespørgslen var for stor.",
        tooMany: "For mange forespørgsler. Vent lidt, og prøv igen.",
        otherOrigin: "Stemmen kom ikke fra rummets egen side, så den blev ikke talt med. Åbn linket fra den fælles skærm."
    )
}
