import Crypto

/// The fingerprint of confirmed minutes: SHA-256 of their exact text (UTF-8),
/// in lowercase hex, as `sha256sum` prints it. swift-crypto, not TillitCore:
/// TillitCore stays Foundation and Yams only (the fuzzers link it bare).
package enum MinutesFingerprint {
    package static func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
