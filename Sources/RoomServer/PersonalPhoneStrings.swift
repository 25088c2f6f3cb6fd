/// A 1:1 person's page in its own words, beside the room's (`PhoneStrings`).
struct PersonalPhoneStrings: Sendable {
    var title: String
    var hello: @Sendable (String) -> String
    var rated: @Sendable (Int) -> String
    var hiddenUntilBoth: String
    var shownAtOnce: String
    var takeBack: String
    var yours: String

    static func forLanguage(_ code: String) -> PersonalPhoneStrings {
        switch code {
        case "nb": return .norwegian
        case "da": return .danish
        default: return .english
        }
    }

    static let norwegian = PersonalPhoneStrings(
        title: "Din vurdering",
        hello: { "\($0), hva er din vurdering?" },
        rated: { "Takk! Du har gitt \($0)." },
        hiddenUntilBoth: "Ingen ser tallet før dere begge har vurdert. Til da kan du endre det eller ta det tilbake.",
        shownAtOnce: "Vurderingen vises på den felles skjermen. Du kan endre den eller ta den tilbake.",
        takeBack: "Ta tilbake vurderingen",
        yours: "Denne lenken er bare din: det du velger her, kommer inn i samtalen under ditt navn."
    )

    static let english = PersonalPhoneStrings(
        title: "Your rating",
        hello: { "\($0), what is your rating?" },
        rated: { "Thank you! You gave \($0)." },
        hiddenUntilBoth: "No one sees the number until you have both rated. Until then you can change it or take it back.",
        shownAtOnce: "Your rating shows on the shared screen. You can change it or take it back.",
        takeBack: "Take back my rating",
        yours: "This link is yours alone: what you choose here goes into the talk under your name."
    )

    static let danish = PersonalPhoneStrings(
        title: "Din vurdering",
        hello: { "\($0), hvad er din vurdering?" },
        rated: { "Tak! Du har givet \($0)." },
        hiddenUntilBoth: "Ingen ser tallet, før I begge har vurderet. Indtil da kan du ændre det eller tage det tilbage.",
        shownAtOnce: "Vurderingen bliver vist på den fælles skærm. Du kan ændre den eller tage den tilbage.",
        takeBack: "Tag vurderingen tilbage",
        yours: "Dette link er kun dit: Det, du vælger her, kommer med i samtalen under dit navn."
    )
}
