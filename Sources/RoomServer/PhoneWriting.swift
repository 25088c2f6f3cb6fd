import Hummingbird
import RoomProtocol

/// What one phone sees of the written round on the card: its own answers and
/// how many more it may send. Never another phone's words.
struct WrittenByPhone: Equatable, Sendable {
    var mine: [String]
    var revealed: Bool
    var canWriteMore: Bool { !revealed && mine.count < RoomWriting.answersPerPhone }
}

extension Room {
    typealias WritingState = (round: WrittenRound, shuffle: AnswerShuffle)

    /// What `device` has written on the card on screen (nil when it is not a card to write on).
    func written(by device: String, on round: VotingRound) -> WrittenByPhone? {
        guard let card = round.card, card.writes == true, card.scale == nil else { return nil }
        return writing.withLock { (writing: inout WritingState) -> WrittenByPhone in
            writing.round.follow(serial: round.serial)
            return WrittenByPhone(mine: writing.round.texts(of: device), revealed: writing.round.revealed || round.revealed)
        }
    }

    enum WriteResult: Equatable, Sendable {
        case written(WrittenRound.WriteOutcome)
        case cardNotShown
    }

    /// One answer from `device`; its count goes to tillit, never its words until the reveal.
    func write(device: String, address: String, serial: String, text: String) -> WriteResult {
        let round = snapshot(device: nil).round
        guard let card = round.card, card.writes == true, card.scale == nil, round.serial == serial else { return .cardNotShown }
        // Reported while the round is held, so two counts never reach tillit in the wrong order.
        return writing.withLock { (writing: inout WritingState) -> WriteResult in
            writing.round.follow(serial: serial)
            let outcome = writing.round.write(device: device, address: address, text: text)
            if case .taken(let total) = outcome { report(.answers(card: card.key, count: total)) }
            return .written(outcome)
        }
    }

    /// `.reveal` on a card the phones write on: from `RoomWriting.minimumToReveal` answers,
    /// each goes to tillit on a line of its own, in a random order, and the round closes;
    /// below it nothing is sent and the phones may go on writing. False for any other card.
    func revealAnswers() -> Bool {
        let round = snapshot(device: nil).round
        guard let card = round.card, card.writes == true, card.scale == nil else { return false }
        writing.withLock { (writing: inout WritingState) in
            writing.round.follow(serial: round.serial)
            guard let texts = writing.round.reveal(using: &writing.shuffle) else { return }
            for text in texts { report(.answer(card: card.key, text: text)) }
            markRevealed()
        }
        return true
    }
}

extension RoomRouter {
    static func write(_ context: RoomRequestContext, room: Room) -> Response {
        guard let phone = context.phone else { return RoomResponse.message(.badRequest, room: room) { $0.badForm } }
        let words = WritingStrings.forLanguage(room.strings(for: room.snapshot(device: nil).round).1)
        switch room.write(device: phone.device, address: context.remoteAddress, serial: phone.form.card, text: phone.form.value) {
        case .written(.taken): return backToPage(room: room)
        case .cardNotShown: return RoomResponse.message(.conflict, room: room) { $0.cardNotShown }
        case .written(.empty): return RoomResponse.message(.unprocessableContent, room: room) { _ in words.empty }
        case .written(.tooLong): return RoomResponse.message(.contentTooLarge, room: room) { _ in words.tooLong }
        case .written(.noMoreFromYou): return RoomResponse.message(.tooManyRequests, room: room) { _ in words.noMore }
        case .written(.full): return RoomResponse.message(.tooManyRequests, room: room) { _ in words.full }
        case .written(.revealed): return RoomResponse.message(.gone, room: room) { _ in words.revealed }
        }
    }
}

extension PhonePage {
    /// The text box (a plain form: no script needed) and what this phone sent on the card.
    func writing(_ written: WrittenByPhone, serial: String, formValue: String) -> String {
        let words = WritingStrings.forLanguage(language)
        var html = ""
        if written.revealed {
            html += paragraph(words.revealed, class: "status")
        } else if written.canWriteMore {
            html += "<form method=\"post\" action=\"\(base)write\">\n"
            html += "<input type=\"hidden\" name=\"card\" value=\"\(HTML.escape(serial))\">\n"
            html += "<input type=\"hidden\" name=\"form\" value=\"\(HTML.escape(formValue))\">\n"
            html += "<label for=\"answer\">\(HTML.escape(words.prompt))</label>\n"
            html += "<textarea id=\"answer\" name=\"value\" maxlength=\"\(RoomWriting.maximumCharacters)\" required></textarea>\n"
            html += "<button class=\"send\" type=\"submit\">\(HTML.escape(words.send))</button>\n</form>\n"
            html += paragraph(words.limits(left: RoomWriting.answersPerPhone - written.mine.count), class: "note")
        } else {
            html += paragraph(words.noMore, class: "status")
        }
        if !written.mine.isEmpty {
            html += paragraph(words.yourAnswers, class: "thanks")
            html += "<ol class=\"mine\">\n" + written.mine.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ol>\n"
        }
        return html
    }
}

/// The phone page's words for writing, one table per language the talks come in.
struct WritingStrings: Sendable {
    /// The page's title on a card to write on.
    var title: String
    var prompt: String
    var send: String
    var yourAnswers: String
    var anonymous: String
    var revealed: String
    var empty: String
    var tooLong: String
    var noMore: String
    var full: String
    var left: @Sendable (Int) -> String

    func limits(left count: Int) -> String { left(count) }

    static func forLanguage(_ code: String) -> WritingStrings {
        switch code {
        case "nb": return .norwegian
        case "da": return .danish
        default: return .english
        }
    }

    static let norwegian = WritingStrings(
        title: "Svar anonymt",
        prompt: "Skriv svaret ditt (høyst \(RoomWriting.maximumCharacters) tegn):",
        send: "Send",
        yourAnswers: "Dette har du sendt på kortet:",
        anonymous: "Anonymt: svarene vises samlet og i tilfeldig rekkefølge, uten navn eller tidspunkt, og først når minst \(RoomWriting.minimumToReveal) har kommet inn.",
        revealed: "Svarene vises nå på den felles skjermen.",
        empty: "Svaret var tomt. Skriv noe og prøv igjen.",
        tooLong: "Svaret er for langt: høyst \(RoomWriting.maximumCharacters) tegn.",
        noMore: "Du har sendt \(RoomWriting.answersPerPhone) svar på dette kortet, som er det meste du kan sende.",
        full: "Dette kortet har fått så mange svar som det kan ta imot.",
        left: { "Du kan sende \($0) svar til på dette kortet." }
    )

    static let english = WritingStrings(
        title: "Answer anonymously",
        prompt: "Write your answer (at most \(RoomWriting.maximumCharacters) characters):",
        send: "Send",
        yourAnswers: "What you have sent on this card:",
        anonymous: "Anonymous: the answers are shown together in a random order, without names or times, and only once at least \(RoomWriting.minimumToReveal) are in.",
        revealed: "The answers are on the shared screen now.",
        empty: "The answer was empty. Write something and try again.",
        tooLong: "The answer is too long: at most \(RoomWriting.maximumCharacters) characters.",
        noMore: "You have sent \(RoomWriting.answersPerPhone) answers on this card, which is the most there can be.",
        full: "This card has all the answers it can take.",
        left: { "You can send \($0) more on this card." }
    )

    static let danish = WritingStrings(
        title: "Svar anonymt",
        prompt: "Skriv dit svar (højst \(RoomWriting.maximumCharacters) tegn):",
        send: "Send",
        yourAnswers: "Det har du sendt på kortet:",
        anonymous: "Anonymt: svarene vises samlet og i tilfældig rækkefølge, uden navne eller tidspunkter, og først når mindst \(RoomWriting.minimumToReveal) er kommet ind.",
        revealed: "Svarene står nu på den fælles skærm.",
        empty: "Svaret var tomt. Skriv noget, og prøv igen.",
        tooLong: "Svaret er for langt: højst \(RoomWriting.maximumCharacters) tegn.",
        noMore: "Du har sendt \(RoomWriting.answersPerPhone) svar på dette kort, som er det meste, du kan sende.",
        full: "Dette kort har fået så mange svar, som det kan tage imod.",
        left: { "Du kan sende \($0) svar mere på dette kort." }
    )
}
