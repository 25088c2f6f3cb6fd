/// Random names the room hands out: never guessable, never reused.
enum RoomSecret {
    /// Lowercase letters and digits without look-alikes (no 0/o, 1/l/i): 31 of them,
    /// log2(31) ≈ 4.95 bits each.
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    static var alphabetSize: Int { alphabet.count }

    /// 17 characters = 84 random bits: the room's part of the URL, too many to
    /// guess from the meeting's network. Short enough that the whole address still
    /// fits a small QR code, big on a projector.
    static func roomToken() -> String { random(count: 17) }

    /// 4 characters the shared screen and the phone page both show, so people can
    /// tell they are in this room and not the one next door.
    static func joinCode() -> String { random(count: 4).uppercased() }

    /// 128 random bits as hex: one phone's cookie.
    static func deviceID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// 13 characters, 64 random bits: a card showing.
    static func serial() -> String { random(count: 13) }

    static func isDeviceID(_ text: Substring) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func random(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// Compares without stopping at the first difference, so timing does not give the token away.
    static func matches(_ candidate: Substring, _ secret: String) -> Bool {
        let a = Array(candidate.utf8), b = Array(secret.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
