import RoomProtocol

/// One person's page in a 1:1's room: their name, the card on the shared
/// screen, and their own rating; never the other person's.
struct PersonalPage {
    let phonePage: PhonePage
    let words: PersonalPhoneStrings
    let round: VotingRound

    init(room: Room, token: String, round: VotingRound) {
        var (strings, language) = room.strings(for: round)
        words = PersonalPhoneStrings.forLanguage(language)
        strings.title = words.title
        phonePage = PhonePage(token: "\(room.token)/\(token)", joinCode: room.joinCode, strings: strings, language: language)
        self.round = round
    }

    func render(invitee: PersonalInvites.Invitee, hiddenUntilBoth: Bool, form formValue: String) -> String {
        let strings = phonePage.strings
        let mine = invitee.rating.flatMap { $0.serial == round.serial ? $0.value : nil }
        var body = phonePage.paragraph(words.hello(invitee.person.name), class: "thanks")
        if let card = round.card {
            body += "<h1>\(HTML.escape(card.prompt))</h1>\n"
            if let scale = card.scale, !round.revealed {
                body += phonePage.form(scale: scale, serial: round.serial, formValue: formValue, myVote: mine)
                if let mine {
                    body += phonePage.paragraph(words.rated(mine), class: "thanks")
                    body += phonePage.paragraph(hiddenUntilBoth ? words.hiddenUntilBoth : words.shownAtOnce, class: "note")
                    body += takeBackForm(formValue: formValue)
                }
            } else {
                body += phonePage.paragraph(strings.lookAtScreen, class: "status")
            }
        } else {
            body += phonePage.paragraph("\(strings.noCard) \(strings.lookAtScreen)", class: "status")
        }
        body += phonePage.paragraph(words.yours, class: "note")
        body += "<p><a href=\"\(phonePage.base)\">\(HTML.escape(strings.refresh))</a></p>\n"
        return phonePage.document(body: body, state: PhonePage.state(of: round))
    }

    private func takeBackForm(formValue: String) -> String {
        var html = "<form method=\"post\" action=\"\(phonePage.base)vote\">\n"
        html += "<input type=\"hidden\" name=\"card\" value=\"\(HTML.escape(round.serial))\">\n"
        html += "<input type=\"hidden\" name=\"form\" value=\"\(HTML.escape(formValue))\">\n"
        html += "<button type=\"submit\" name=\"value\" value=\"\(PersonalInvites.takeBack)\">\(HTML.escape(words.takeBack))</button>\n</form>\n"
        return html
    }
}
