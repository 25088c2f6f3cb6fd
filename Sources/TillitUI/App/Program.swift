import TillitCore

/// Carries out what `update` asks for: reading and writing talks, the voting
/// room, the terminal's bell. The front end that owns those things conforms.
package protocol EffectPerformer: AnyObject {
    /// Performs `effect`; what comes of it goes back through `program.send`.
    func perform(_ effect: Effect, in program: Program)
}

/// The one way a message reaches `update` (Bubble Tea's Program): `send` runs
/// `update` and hands every effect it returns to the performer, so no effect
/// can be dropped on the way. Effects may send messages in turn.
package final class Program {
    package private(set) var state: AppState
    private unowned let performer: EffectPerformer

    /// `performer` is not retained: it owns the program.
    package init(_ state: AppState, performer: EffectPerformer) {
        self.state = state
        self.performer = performer
    }

    package func send(_ msg: Msg) {
        for effect in update(&state, msg) { performer.perform(effect, in: self) }
    }
}
