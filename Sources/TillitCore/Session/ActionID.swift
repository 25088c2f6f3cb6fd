extension Session {
    /// A fresh id for the next agreed action: `<session id>-a<n>`, the first `n`
    /// not yet taken. The screens and plain mode both name actions this way.
    package func nextActionID() -> String {
        var number = actions.count + 1
        while actions.contains(where: { $0.id == "\(id)-a\(number)" }) { number += 1 }
        return "\(id)-a\(number)"
    }
}
