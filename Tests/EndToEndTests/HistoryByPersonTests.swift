import Foundation
import Testing

/// The history by person (issue 25, item 9): `p` narrows the list to the talks
/// with one person, as `tillit sessions --participant` does, then the next, then everyone.
@Suite(.serialized) struct HistoryByPersonTests {
    @Test func pShowsTheTalksWithOnePersonAtATime() throws {
        let tmux = try TmuxSession(width: 120, height: 30)
        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "LANG": "nb_NO.UTF-8"]
        for employee in ["Ola Hansen", "Per Berg", "Ola Hansen"] {
            let run = runTillit(["start", "--plain", "--deck", "selvledelse", "--participant", "Kari:leader",
                                 "--participant", "\(employee):employee", "--title", "Med \(employee)"],
                                environment: environment, stdin: ":quit\n")
            #expect(run.status == 0, "\(run.stderr)")
        }
        let cli = runTillit(["sessions", "--participant", "Per Berg"], environment: environment)
        #expect(cli.stdout.contains("Med Per Berg") && !cli.stdout.contains("Med Ola Hansen"))

        try tmux.launch(["--lang", "nb"])
        try tmux.waitFor("Ny medarbeidersamtale")
        try tmux.press("h")
        let all = try tmux.waitFor("p person")
        #expect(all.components(separatedBy: "Med Ola Hansen").count == 3 && all.contains("Med Per Berg"))
        try tmux.press("p")  // Kari: every talk
        try tmux.waitFor("Viser samtalene med Kari.")
        try tmux.press("p")
        let ola = try tmux.waitFor("Viser samtalene med Ola Hansen.")
        #expect(ola.contains("Tidligere samtaler · Ola Hansen"), "\(ola)")
        #expect(ola.components(separatedBy: "Med Ola Hansen").count == 3 && !ola.contains("Med Per Berg"), "\(ola)")
        try tmux.press("p")
        let per = try tmux.waitFor("Viser samtalene med Per Berg.")
        #expect(!per.contains("Med Ola Hansen") && per.contains("Med Per Berg"))
        try tmux.press("p")
        let everyone = try tmux.waitFor("Viser alle samtalene.")
        #expect(everyone.contains("Med Ola Hansen") && everyone.contains("Med Per Berg"))
        try tmux.press("q")
    }
}
