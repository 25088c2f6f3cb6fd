import ArgumentParser
import Foundation
import TillitTerminal
import TillitUI

/// Opens the screen and then crashes on purpose, so a test can check that a
/// crash leaves the terminal as it found it.
struct CrashDrillSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-drill", abstract: "Open the screen, then crash on purpose (for the terminal-restore test).")

    func run() throws {
        let terminal = try Terminal(colorEnabled: false)
        var grid = Grid(terminal.size)
        grid.put("crash drill", x: 1, y: 1)
        terminal.draw(grid)
        Thread.sleep(forTimeInterval: 0.3)
        fatalError("crash drill")
    }
}
