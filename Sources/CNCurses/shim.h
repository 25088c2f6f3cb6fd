#ifndef TILLIT_CNCURSES_SHIM_H
#define TILLIT_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the feature macros are defined here.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and globals Swift cannot import, or rejects as shared mutable state.
static inline WINDOW *tillit_stdscr(void) { return stdscr; }
static inline int tillit_lines(void) { return LINES; }
static inline int tillit_cols(void) { return COLS; }
static inline int tillit_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int tillit_colors(void) { return COLORS; }
static inline attr_t tillit_a_normal(void) { return A_NORMAL; }
static inline attr_t tillit_a_bold(void) { return A_BOLD; }
static inline attr_t tillit_a_reverse(void) { return A_REVERSE; }
static inline attr_t tillit_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tillit_a_dim(void) { return A_DIM; }
static inline int tillit_key_code_yes(void) { return KEY_CODE_YES; }

// A screen on the process's own stdin/stdout; NULL when TERM is unknown.
static inline SCREEN *tillit_newterm(void) { return newterm(NULL, stdout, stdin); }

// Writes straight to fd 1 (async-signal-safe, for crash handlers and mode switches).
static inline void tillit_write_out(const char *text) {
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t n = write(1, text, left);
        if (n <= 0) return;
        text += n; left -= (size_t)n;
    }
}

// Whether the terminfo database knows `term` (newterm would fail otherwise).
static inline int tillit_terminfo_exists(const char *term) {
    int error = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, -1, &error) != OK) { set_curterm(saved); return 0; }
    del_curterm(cur_term);
    set_curterm(saved);
    return 1;
}

// Draw a run of wide characters with one set of attributes at (y, x).
static inline int tillit_put(int y, int x, const wchar_t *text, int n, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    return mvaddnwstr(y, x, text, n);
}

// Read one key; returns OK, KEY_CODE_YES or ERR and stores the code.
static inline int tillit_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int r = get_wch(&ch);
    *out = (unsigned int)ch;
    return r;
}

#endif
