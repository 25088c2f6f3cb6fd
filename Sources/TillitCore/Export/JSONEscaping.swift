/// JSONEncoder writes C1 controls, DEL and the bidirectional overrides and
/// isolates raw; a terminal that shows the output (`tillit sessions --format
/// json | less`) may act on them. Outside strings JSON holds none of them, so
/// writing each as `\uXXXX` anywhere keeps the text valid and equal.
package enum JSONEscaping {
    package static func escapingInvisibles(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// What `SafeText` strips, less the C0 controls JSONEncoder already escapes.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && SafeText.isUnsafe(scalar)
    }
}
