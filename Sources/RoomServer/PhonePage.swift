import RoomProtocol
import WebText

/// The phone page as server-rendered HTML: a plain form, so it works without
/// JavaScript; the script only reloads it when the shared screen moves on.
struct PhonePage {
    let token: String
    let joinCode: String
    let strings: PhoneStrings
    let language: String

    var base: String { "/\(token)/" }

    func render(round: VotingRound, myVote: Int?, form formValue: String, written: WrittenByPhone? = nil) -> String {
        var body = ""
        if let card = round.card {
            body += "<h1>\(HTML.escape(card.prompt))</h1>\n"
            if let scale = card.scale {
                if round.revealed {
                    body += paragraph(strings.revealed, class: "status")
                } else {
                    body += form(scale: scale, serial: round.serial, formValue: formValue, myVote: myVote)
                    if let myVote {
                        body += paragraph("\(strings.thanks) \(strings.yourVote): \(myVote).", class: "thanks")
                        body += paragraph(strings.changeUntilReveal, class: "note")
                    }
                }
            } else if card.writes == true, let written {
                body += writing(written, serial: round.serial, formValue: formValue)
            } else {
                body += paragraph(strings.lookAtScreen, class: "status")
            }
        } else {
            body += paragraph("\(strings.noCard) \(strings.lookAtScreen)", class: "status")
        }
        // On a card to write on, what anonymity means there, and the page's title says write, not vote (`WritingStrings`).
        let writes = written != nil && round.card?.writes == true
        body += paragraph(writes ? WritingStrings.forLanguage(language).anonymous : strings.anonymous, class: "note")
        body += "<p><a href=\"\(base)\">\(HTML.escape(strings.refresh))</a></p>\n"
        return document(body: body, state: Self.state(of: round), title: writes ? WritingStrings.forLanguage(language).title : nil)
    }

    /// A refusal the phone can read, with the way back; without it (`linkBack` false) in a 1:1's room,
    /// whose own address is no page (each person has theirs, which the refusal cannot know).
    func message(_ text: String, linkBack: Bool = true) -> String {
        let back = linkBack ? "<p><a href=\"\(base)\">\(HTML.escape(strings.back))</a></p>\n" : ""
        return document(body: paragraph(text, class: "status") + back, state: nil)
    }

    /// What the script compares to know the shared screen moved on.
    static func state(of round: VotingRound) -> String { round.serial + (round.revealed ? "-r" : "") }

    func form(scale: RoomScale, serial: String, formValue: String, myVote: Int?) -> String {
        var html = "<form method=\"post\" action=\"\(base)vote\">\n"
        html += "<input type=\"hidden\" name=\"card\" value=\"\(HTML.escape(serial))\">\n"
        html += "<input type=\"hidden\" name=\"form\" value=\"\(HTML.escape(formValue))\">\n<div class=\"scale\">\n"
        for value in scale.min...scale.max {
            let chosen = value == myVote
            html += "<button type=\"submit\" name=\"value\" value=\"\(value)\"\(chosen ? " class=\"chosen\" aria-pressed=\"true\"" : "")>\(value)</button>\n"
        }
        html += "</div>\n<p class=\"ends\"><span>\(scale.min): \(HTML.escape(scale.low))</span>"
        html += "<span>\(scale.max): \(HTML.escape(scale.high))</span></p>\n</form>\n"
        return html
    }

    func paragraph(_ text: String, class name: String) -> String {
        "<p class=\"\(name)\">\(HTML.escape(text))</p>\n"
    }

    /// `title`: the tab's title when not the room's own ("Vote anonymously").
    func document(body: String, state: String?, title: String? = nil) -> String {
        let stateAttributes = state.map { " data-state=\"\(HTML.escape($0))\" data-state-url=\"\(base)state\"" } ?? ""
        return """
        <!doctype html>
        <html lang="\(HTML.escape(language))">
        <head>
        <meta charset="utf-8">
        \(HTML.policyMeta(SecurityHeadersMiddleware.contentSecurityPolicy))
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="\(SecurityHeadersMiddleware.referrerPolicy)">
        <title>\(HTML.escape(title ?? strings.title))</title>
        <link rel="stylesheet" href="\(base)style.css">
        <script src="\(base)refresh.js" defer></script>
        </head>
        <body\(stateAttributes)>
        <main>
        <p class="code">\(HTML.escape(strings.roomCode)) <strong>\(HTML.escape(joinCode))</strong></p>
        \(body)</main>
        </body>
        </html>

        """
    }
}

/// Every deck text goes through here: a card cannot inject markup into the page.
typealias HTML = HTMLText

/// The page's two static files: no third-party resource, no web font.
enum PhoneAssets {
    static let stylesheet = """
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:18px;line-height:1.4;background:#fbfaf7;color:#1d1d1b}
    main{max-width:36rem;margin:0 auto;padding:1rem}
    h1{font-size:1.35rem;margin:.5rem 0 1rem}
    .code{color:#555;font-size:.9rem;margin:0}
    .scale{display:flex;flex-wrap:wrap;gap:.5rem}
    .scale button{flex:1 0 3.2rem;min-height:3.5rem;font-size:1.4rem;border:2px solid #2f5d50;border-radius:.6rem;background:#fff;color:#1d1d1b}
    .scale button.chosen{background:#2f5d50;color:#fff}
    textarea{display:block;width:100%;min-height:7rem;font:inherit;padding:.5rem;border:2px solid #2f5d50;border-radius:.6rem;background:#fff;color:#1d1d1b}
    .send{margin-top:.5rem;min-height:3rem;width:100%;font-size:1.2rem;border:2px solid #2f5d50;border-radius:.6rem;background:#2f5d50;color:#fff}
    .mine{padding-left:1.2rem}
    .mine li{margin:.3rem 0;overflow-wrap:anywhere}
    .ends{display:flex;justify-content:space-between;gap:1rem;font-size:.9rem;color:#444}
    .thanks{font-weight:bold;color:#2f5d50}
    .status{font-size:1.2rem}
    .note{font-size:.85rem;color:#555}
    a{color:#2f5d50;display:inline-block;padding:.5rem 0}

    """

    /// Polls the room's state every two seconds and reloads when the card changes.
    static let refreshScript = """
    (function(){var b=document.body,s=b.getAttribute('data-state'),u=b.getAttribute('data-state-url');if(!s||!u)return;
    setInterval(function(){fetch(u,{cache:'no-store',credentials:'same-origin'}).then(function(r){return r.ok?r.text():s}).then(function(t){if(t!==s)location.reload()}).catch(function(){})},2000)})();

    """
}
