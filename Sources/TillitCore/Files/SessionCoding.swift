import Foundation

/// How a talk is written as JSON, in its file and in every export of it.
package enum SessionCoding {
    /// Pretty-printed, sorted keys, unescaped slashes, ISO-8601 dates.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Reads what `encoder()` writes.
    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
