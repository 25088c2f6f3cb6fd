/// Text in HTML, for every page tillit writes (the phone page, `tillit print`).
package enum HTMLText {
    /// Escapes by Unicode scalar, not by Character: a mark that joins the next
    /// character into one grapheme (U+0600 before `<`, an accent after it) must
    /// not carry a `<` past the comparison, because an HTML parser reads scalars.
    package static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The page's own copy of its Content-Security-Policy, first in `<head>`: a
    /// file opened from disk has no headers, and a saved copy keeps it. `policy`
    /// is tillit's own constant (quotes only as `'`), so it is written as it is.
    package static func policyMeta(_ policy: String) -> String {
        "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"
    }
}
