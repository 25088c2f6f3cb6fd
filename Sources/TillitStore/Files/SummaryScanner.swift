import Foundation
import TillitCore

/// Reads the few fields a list of talks shows straight from the bytes of a
/// talk file, checking the JSON of everything else only as far as needed to
/// skip it. `JSONDecoder` builds a container for every card and answer and is
/// several times slower, which matters with thousands of talks.
///
/// This is only a fast path: whenever anything is unusual (a missing field, a
/// number with a fraction, a date in another ISO-8601 form, an escape it does
/// not expect, invalid JSON or UTF-8) it returns nil, and the caller decodes
/// the file with `JSONDecoder` instead, which then gives the verdict and the
/// message. So a file this accepts reads the same as `JSONDecoder` reads it.
struct SummaryScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func record(_ bytes: UnsafeBufferPointer<UInt8>) -> SummaryRecord? {
        var scanner = SummaryScanner(bytes)
        return try? scanner.topLevel()
    }

    /// Not the fast path's business: the caller decodes the file in full.
    fileprivate struct Unusual: Error {}

    private mutating func topLevel() throws(Unusual) -> SummaryRecord {
        var schemaVersion: Int?, id: String?, kind: TalkKind?, title: String?, language: Language?
        var participants: [Participant]?, decks: [SummaryRecord.DeckID]?, cards: [SummaryRecord.CardStatusOnly]?
        var createdAt: Date?, updatedAt: Date?, finishedAt: Date??, currentIndex: Int?
        try object { scanner, key throws(Unusual) in
            if key == "schemaVersion" { try once(&schemaVersion, scanner.integer()) }
            else if key == "id" { try once(&id, scanner.string()) }
            else if key == "kind" { try once(&kind, TalkKind(rawValue: scanner.string()).orUnusual()) }
            else if key == "title" { try once(&title, scanner.string()) }
            else if key == "language" { try once(&language, Language(rawValue: scanner.string()).orUnusual()) }
            else if key == "createdAt" { try once(&createdAt, scanner.date()) }
            else if key == "currentIndex" { try once(&currentIndex, scanner.integer()) }
            else if key == "updatedAt" { try once(&updatedAt, scanner.date()) }
            else if key == "finishedAt" { try once(&finishedAt, scanner.null() ? nil : scanner.date()) }
            else if key == "participants" { try once(&participants, scanner.participants()) }
            else if key == "decks" {
                try once(&decks, scanner.array { scanner throws(Unusual) in
                    var id: String?
                    try scanner.object { scanner, key throws(Unusual) in
                        if key == "id" { try once(&id, scanner.string()) } else { try scanner.skipValue() }
                    }
                    return SummaryRecord.DeckID(id: try id.orUnusual())
                })
            } else if key == "cards" {
                try once(&cards, scanner.array { scanner throws(Unusual) in
                    var status: CardStatus?
                    try scanner.object { scanner, key throws(Unusual) in
                        if key == "status" { try once(&status, CardStatus(rawValue: scanner.string()).orUnusual()) } else { try scanner.skipValue() }
                    }
                    return SummaryRecord.CardStatusOnly(status: try status.orUnusual())
                })
            } else {
                try scanner.skipValue()
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw Unusual() }
        return try SummaryRecord(
            schemaVersion: schemaVersion.orUnusual(), id: id.orUnusual(), kind: kind.orUnusual(), title: title.orUnusual(),
            language: language.orUnusual(), participants: participants.orUnusual(), decks: decks.orUnusual(),
            cards: cards.orUnusual(), currentIndex: currentIndex, createdAt: createdAt.orUnusual(), updatedAt: updatedAt.orUnusual(),
            finishedAt: finishedAt ?? nil)
    }

    private mutating func participants() throws(Unusual) -> [Participant] {
        try array { scanner throws(Unusual) in
            var id: String?, name: String?, role: Role?
            try scanner.object { scanner, key throws(Unusual) in
                if key == "id" { try once(&id, scanner.string()) }
                else if key == "name" { try once(&name, scanner.string()) }
                else if key == "role" { try once(&role, Role(rawValue: scanner.string()).orUnusual()) }
                else { try scanner.skipValue() }
            }
            return Participant(id: try id.orUnusual(), name: try name.orUnusual(), role: try role.orUnusual())
        }
    }

    // MARK: Structure

    /// An object key, left as bytes: comparing bytes is much cheaper than making a String of every key.
    private struct Key {
        var bytes: UnsafeBufferPointer<UInt8>

        static func == (key: Key, name: StaticString) -> Bool {
            key.bytes.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    private mutating func object(_ member: (inout SummaryScanner, Key) throws(Unusual) -> Void) throws(Unusual) {
        try enter(UInt8(ascii: "{"))
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            let (start, end, escaped) = try scanString()
            // An escape in a key name (legal, but never written by the store): the decoder decides.
            guard !escaped else { throw Unusual() }
            let key = Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            let next = try take()
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { throw Unusual() }
        }
        depth -= 1
    }

    private mutating func array<T>(_ element: (inout SummaryScanner) throws(Unusual) -> T) throws(Unusual) -> [T] {
        try enter(UInt8(ascii: "["))
        var items: [T] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return items
        }
        while true {
            skipWhitespace()
            items.append(try element(&self))
            skipWhitespace()
            let next = try take()
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else { throw Unusual() }
        }
        depth -= 1
        return items
    }

    private mutating func enter(_ opening: UInt8) throws(Unusual) {
        try expect(opening)
        depth += 1
        guard depth <= 64 else { throw Unusual() }
    }

    /// Checks and passes over any JSON value.
    private mutating func skipValue() throws(Unusual) {
        switch try peek() {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "{"): try object { scanner, _ throws(Unusual) in try scanner.skipValue() }
        case UInt8(ascii: "["): _ = try array { scanner throws(Unusual) in try scanner.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    // MARK: Values

    private mutating func null() throws(Unusual) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(Unusual) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Unusual() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Unusual() }
        index += count
    }

    /// A plain integer, as `schemaVersion` is written.
    private mutating func integer() throws(Unusual) -> Int {
        let negative = try peek() == UInt8(ascii: "-")
        if negative { index += 1 }
        let first = index
        var value = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]), index - first < 18 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        let count = index - first
        // A leading zero, a fraction, an exponent or a huge number: the decoder decides.
        guard count > 0, count == 1 || bytes[first] != 0x30,
              index == bytes.count || ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index])
                && !(0x30...0x39).contains(bytes[index])
        else { throw Unusual() }
        return negative ? -value : value
    }

    private mutating func skipNumber() throws(Unusual) {
        func digits(_ scanner: inout SummaryScanner) -> Int {
            let start = scanner.index
            while scanner.index < scanner.bytes.count, (0x30...0x39).contains(scanner.bytes[scanner.index]) { scanner.index += 1 }
            return scanner.index - start
        }
        if try peek() == UInt8(ascii: "-") { index += 1 }
        let first = index
        let whole = digits(&self)
        guard whole > 0, whole == 1 || bytes[first] != 0x30 else { throw Unusual() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw Unusual() }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw Unusual() }
        }
    }

    /// The string that starts at `index`: where its text starts and ends, and
    /// whether it holds escapes; `index` ends past the closing quote. Raw
    /// control characters and ill-formed UTF-8 are not JSON: the decoder decides.
    private mutating func scanString() throws(Unusual) -> (start: Int, end: Int, escaped: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = index
        var escaped = false
        while index < bytes.count {
            // Eight plain ASCII characters at a time: no quote, backslash, control or non-ASCII byte.
            while index + 8 <= bytes.count, !Self.mayNeedAttention(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return (start, index - 1, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                index += 1
                guard index < bytes.count else { throw Unusual() }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count, (1...4).allSatisfy({ Self.hexValue(bytes[index + $0]) != nil })
                    else { throw Unusual() }
                    index += 5
                default: throw Unusual()
                }
            case 0..<0x20: throw Unusual()
            case 0x80...: index += try utf8SequenceLength()
            default: index += 1
            }
        }
        throw Unusual()
    }

    /// True when any of the eight bytes is a quote, a backslash, a control character or not ASCII.
    private static func mayNeedAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let quote = hasZeroByte(word ^ (ones &* 0x22)), backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return (quote | backslash | control | (word & highs)) != 0
    }

    /// The length of the well-formed UTF-8 sequence at `index` (no overlong
    /// forms, surrogates or values past U+10FFFF).
    private func utf8SequenceLength() throws(Unusual) -> Int {
        let lead = bytes[index]
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: (count, low) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: (count, high) = (2, 0x9F)
        case 0xF0: (count, low) = (3, 0x90)
        case 0xF1...0xF3: count = 3
        case 0xF4: (count, high) = (3, 0x8F)
        default: throw Unusual()
        }
        guard index + count < bytes.count else { throw Unusual() }
        guard (low...high).contains(bytes[index + 1]) else { throw Unusual() }
        for offset in stride(from: 2, through: count, by: 1) where !(0x80...0xBF).contains(bytes[index + offset]) {
            throw Unusual()
        }
        return count + 1
    }

    private mutating func string() throws(Unusual) -> String {
        let (start, end, escaped) = try scanString()
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !escaped { return String(decoding: raw, as: UTF8.self) } // checked by scanString
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                position += 1
                continue
            }
            let kind = raw[position + 1]
            position += 2
            switch kind {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                let unit = Self.hex4(raw, position)
                position += 4
                var scalar: Unicode.Scalar?
                if (0xD800...0xDBFF).contains(unit), position + 6 <= raw.count,
                   raw[position] == UInt8(ascii: "\\"), raw[position + 1] == UInt8(ascii: "u") {
                    let low = Self.hex4(raw, position + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        position += 6
                    }
                } else {
                    scalar = Unicode.Scalar(unit)
                }
                // A lone surrogate: the decoder decides what it makes of it.
                guard let scalar else { throw Unusual() }
                utf8.append(contentsOf: UTF8.encode(scalar)!)
            default: utf8.append(kind) // " \ /
            }
        }
        return try String(validating: utf8, as: UTF8.self).orUnusual()
    }

    /// Exactly `YYYY-MM-DDTHH:MM:SSZ`, as the store writes dates; other forms go to the decoder.
    private mutating func date() throws(Unusual) -> Date {
        let (start, end, escaped) = try scanString()
        guard !escaped, end - start == 20, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              bytes[start + 10] == UInt8(ascii: "T"), bytes[start + 13] == UInt8(ascii: ":"),
              bytes[start + 16] == UInt8(ascii: ":"), bytes[start + 19] == UInt8(ascii: "Z")
        else { throw Unusual() }
        func number(_ offset: Int, _ count: Int) throws(Unusual) -> Int {
            var value = 0
            for position in (start + offset)..<(start + offset + count) {
                let byte = bytes[position]
                guard (0x30...0x39).contains(byte) else { throw Unusual() }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let year = try number(0, 4), month = try number(5, 2), day = try number(8, 2)
        let hour = try number(11, 2), minute = try number(14, 2), second = try number(17, 2)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard year >= 1, (1...12).contains(month), (1...monthDays[month - 1]).contains(day),
              hour < 24, minute < 60, second < 60 else { throw Unusual() }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    // MARK: Bytes

    private mutating func skipWhitespace() {
        while index < bytes.count {
            // Indentation, eight spaces at a time.
            while index + 8 <= bytes.count,
                  UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                index += 8
            }
            guard index < bytes.count else { return }
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek() throws(Unusual) -> UInt8 {
        guard index < bytes.count else { throw Unusual() }
        return bytes[index]
    }

    private mutating func take() throws(Unusual) -> UInt8 {
        let byte = try peek()
        index += 1
        return byte
    }

    private mutating func expect(_ byte: UInt8) throws(Unusual) {
        guard try take() == byte else { throw Unusual() }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Four hex digits at `position`, already checked by `scanString`.
    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 4 | hexValue(raw[position + $1])! }
    }
}

private extension Optional {
    func orUnusual() throws(SummaryScanner.Unusual) -> Wrapped {
        guard let self else { throw SummaryScanner.Unusual() }
        return self
    }
}

/// Sets a field the summary reads. A key given twice is left to the decoder,
/// which takes the first where this would see the last.
private func once<T>(_ field: inout T?, _ value: T) throws(SummaryScanner.Unusual) {
    guard field == nil else { throw SummaryScanner.Unusual() }
    field = value
}
