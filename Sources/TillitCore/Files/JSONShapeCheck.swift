import Foundation

/// What JSONDecoder either lets through or reports only as "not valid JSON":
/// bytes that are not UTF-8, nesting no talk has, a number larger than any
/// in a talk (`1e308`), and a key given twice in one object (the decoder
/// silently keeps one of the two, so a hand-edited or crafted file could say
/// two things at once). One pass over the bytes.
package enum JSONShapeProblem: Hashable, Sendable {
    case notUTF8(line: Int)
    case nestedTooDeeply(line: Int)
    case duplicateKey(String, line: Int)
    case numberTooLarge(String, line: Int)

    /// A talk nests six levels deep; anything near this was not written by tillit.
    static let maximumDepth = 32
    /// The largest number a talk holds is a shuffle seed, a UInt64.
    static let largestNumber = Double(UInt64.max)

    /// The first problem in `bytes`, or nil. Bytes that are not JSON at all
    /// are left to the decoder to report. Numbers are looked at only when
    /// asked (`numbers`): once the decoder has failed, since a large number
    /// it can read is better named, field and all, by the plausibility check.
    package static func first(in bytes: UnsafeBufferPointer<UInt8>, numbers: Bool) -> JSONShapeProblem? {
        if let line = firstLineNotInUTF8(bytes) { return .notUTF8(line: line) }
        var scanner = Scanner(checkingNumbers: numbers)
        for index in bytes.indices {
            if let problem = scanner.read(bytes[index], at: index, in: bytes) { return problem }
        }
        return nil
    }

    /// Walks the structure: which object or list each byte is in, and the keys
    /// each open object has had so far.
    private struct Scanner {
        private enum Frame { case list, object(keys: Set<String>, expectingKey: Bool) }
        private var frames: [Frame] = []
        private var line = 1
        private var stringStart: Int?
        private var escaped = false
        private var isKey = false
        private var numberStart: Int?
        let checkingNumbers: Bool

        init(checkingNumbers: Bool) { self.checkingNumbers = checkingNumbers }

        mutating func read(_ byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> JSONShapeProblem? {
            if let start = stringStart {
                if escaped { escaped = false; return nil }
                if byte == UInt8(ascii: "\\") { escaped = true; return nil }
                guard byte == UInt8(ascii: "\"") else { return nil }
                stringStart = nil
                guard isKey else { return nil }
                return addKey(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]))
            }
            if let start = numberStart {
                if Self.isNumberByte(byte) { return nil }
                numberStart = nil
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if let value = Double(text), !(abs(value) <= JSONShapeProblem.largestNumber) {
                    return .numberTooLarge(text, line: line)
                }
            }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): if checkingNumbers { numberStart = index }
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: "\""):
                stringStart = index
                if case .object(_, true)? = frames.last { isKey = true } else { isKey = false }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                frames.append(byte == UInt8(ascii: "{") ? .object(keys: [], expectingKey: true) : .list)
                if frames.count > JSONShapeProblem.maximumDepth { return .nestedTooDeeply(line: line) }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = frames.popLast()
            case UInt8(ascii: ":"): setExpectingKey(false)
            case UInt8(ascii: ","): setExpectingKey(true)
            default: break
            }
            return nil
        }

        private static func isNumberByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): return true
            default: return false
            }
        }

        private mutating func setExpectingKey(_ expecting: Bool) {
            if case .object(let keys, _)? = frames.last { frames[frames.count - 1] = .object(keys: keys, expectingKey: expecting) }
        }

        private mutating func addKey(_ raw: UnsafeBufferPointer<UInt8>) -> JSONShapeProblem? {
            guard case .object(var keys, let expecting)? = frames.last else { return nil }
            // `"a"` and `"\u0061"` are the same key: compare them as the decoder will read them.
            let key = raw.contains(UInt8(ascii: "\\"))
                ? (try? JSONDecoder().decode(String.self, from: Data("\"".utf8) + Data(raw) + Data("\"".utf8)))
                    ?? String(decoding: raw, as: UTF8.self)
                : String(decoding: raw, as: UTF8.self)
            if !keys.insert(key).inserted { return .duplicateKey(key, line: line) }
            frames[frames.count - 1] = .object(keys: keys, expectingKey: expecting)
            return nil
        }
    }

    /// The line of the first byte that does not belong to well-formed UTF-8
    /// (no overlong forms, no surrogates, nothing past U+10FFFF), or nil.
    package static func firstLineNotInUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var line = 1
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == UInt8(ascii: "\n") { line += 1 }
                index += 1
                continue
            }
            let length: Int, secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
            case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
            case 0xED: (length, secondRange) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, secondRange) = (3, 0x80...0xBF)
            case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
            case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
            default: return line
            }
            guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]),
                  (2..<length).allSatisfy({ (0x80...0xBF).contains(bytes[index + $0]) }) else { return line }
            index += length
        }
        return nil
    }
}
