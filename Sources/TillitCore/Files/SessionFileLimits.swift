extension Session {
    /// No talk comes near this (a long team talk is some hundred kB): a file
    /// larger is not a talk tillit wrote, and is reported instead of read.
    package static let maximumFileSize = 64_000_000
}
