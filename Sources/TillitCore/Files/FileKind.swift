/// What a path held instead of an ordinary file: a value for messages; the
/// store reads it from the file's mode.
package enum FileKind: String, Hashable, Sendable {
    case symbolicLink, folder, pipe, device, socket
}
