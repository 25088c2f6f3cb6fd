#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CProcessPrivacy

/// Talks are personal data, and a crash's core file holds whatever was in
/// memory: a leader's private notes, several times over. `tillit` and
/// `tillit-room` call this first thing, so no crash ever writes one.
package enum CoreDumps {
    /// Core size 0 (soft and hard, so a child cannot raise it again) and not
    /// dumpable (which also covers a `core_pattern` that pipes to a program,
    /// and keeps other processes of the user from reading our memory).
    package static func forbid() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        #if canImport(Glibc)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        #else
        _ = setrlimit(RLIMIT_CORE, &none)
        #endif
        _ = tillit_set_not_dumpable()
    }
}
