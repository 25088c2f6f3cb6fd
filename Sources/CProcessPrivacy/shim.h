#ifndef TILLIT_CPROCESSPRIVACY_SHIM_H
#define TILLIT_CPROCESSPRIVACY_SHIM_H

// prctl is variadic in C, which Swift cannot call; this fixes its arguments.
#ifdef __linux__
#include <sys/prctl.h>
/// No core file, no ptrace by other processes of the user, /proc/<pid>/mem for root only.
static inline int tillit_set_not_dumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
#else
static inline int tillit_set_not_dumpable(void) { return 0; }
#endif

#endif
