/* SPDX-License-Identifier: MIT */
/* What differs between POSIX and Windows, behind small functions: the rest of
 * tiendo calls these and never tests for the platform.
 *
 * src/compat_posix.c is the POSIX side (the calls tiendo always made);
 * src/compat_win.c the Windows side (wide-character Win32 calls, UTF-8 at the
 * edges). Exactly one of the two compiles to something, by the platform.
 * Every string here is UTF-8, file names included. */
#ifndef TIENDO_COMPAT_H
#define TIENDO_COMPAT_H

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

/* printf-style checking of tiendo's own functions: on Windows the formats are
 * those of mingw's C99 printf (__USE_MINGW_ANSI_STDIO), not msvcrt's. */
#if defined(_WIN32)
#define TIENDO_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define TIENDO_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

#if defined(_WIN32) && !defined(EDQUOT)
#define EDQUOT 0x7fff /* msvcrt has no disk quotas: an errno it never sets */
#endif

#if defined(_WIN32) && !defined(SIGHUP)
#define SIGHUP 1 /* what closing the console maps to */
#endif

/* Program start: on Windows, argv again as UTF-8 (from the wide command
 * line) and the console switched to UTF-8; nothing on POSIX. */
void compat_init(int *argc, char ***argv);

/* An environment variable in UTF-8 (Windows keeps them in UTF-16), or NULL. */
const char *compat_getenv(const char *name);

/* --- files by UTF-8 name --- */
FILE *compat_fopen(const char *path, const char *mode);
/* -1 when path does not exist, 1 for a folder, 0 for anything else. */
int compat_path_kind(const char *path);
/* Does path exist and is neither a regular file nor a folder (a FIFO, a
 * device, a socket: written to as it is, never replaced; skipped in a
 * folder of files to import)? Never on Windows. */
bool compat_path_special(const char *path);
/* The file an output written to path replaces: path itself, or when it is a
 * symbolic link, the file it points to (links followed, at most 40; the
 * last one may not exist yet), so that a rename replaces the file and not
 * the link. Allocated. Windows: path itself. */
char *compat_link_target(const char *path);
/* Do paths a and b both exist and name the same file (through links, other
 * spellings of the path, hard links on POSIX)? */
bool compat_same_file(const char *a, const char *b);
bool compat_readable(const char *path);
/* Can path (a file or a folder) be written to? */
bool compat_writable(const char *path);
/* The size in bytes of path when it is a regular file, else -1. */
long long compat_file_size(const char *path);
/* Seconds since the last change of path when it is a regular file, else -1. */
long long compat_file_age(const char *path);
/* Create an empty file that must not exist yet (0600); 0, or -1 with errno. */
int compat_create_new(const char *path);
/* Open an existing file for reading (its data synced by compat_fsync). */
int compat_open_read(const char *path);
/* One folder (0700 on POSIX); 0, or -1 with errno (EEXIST included). */
int compat_mkdir(const char *path);
int compat_unlink(const char *path);
/* Call fn for each name in folder dir but . and ..; -1 when it cannot be read. */
int compat_dir_each(const char *dir, void (*fn)(const char *name, void *arg), void *arg);
/* Whether c separates folders in a path ('/', and '\\' on Windows). */
bool compat_is_sep(char c);
/* Does file name name start with prefix, as the platform compares names
 * (src/compat_name.c: bytes on Linux, ignoring case on Windows)? */
bool compat_name_starts(const char *name, const char *prefix);
/* The length in bytes of the longest common start of names a and b, compared
 * so, a whole number of a's UTF-8 characters. */
size_t compat_name_common(const char *a, const char *b);
/* The same with the comparison chosen (for the tests). */
bool compat_name_starts_as(const char *name, const char *prefix, bool ignore_case);
size_t compat_name_common_as(const char *a, const char *b, bool ignore_case);
/* The separator a path made here is given ('/'; '\\' on Windows). */
char compat_native_sep(void);
/* The last path separator of path ('/', and '\\' on Windows), or NULL. */
const char *compat_last_sep(const char *path);
bool compat_path_absolute(const char *path);
/* The absolute path of an existing path, allocated; NULL on failure. */
char *compat_realpath(const char *path);
/* The current folder, allocated; NULL on failure. */
char *compat_getcwd(void);

/* --- atomic replacement (util.c write_file_atomic) --- */
/* mkstemp on a template ending in XXXXXX; a file descriptor or -1. */
int compat_mkstemp(char *tmpl);
/* The usual permissions for a file others read (0666 & ~umask). */
int compat_fchmod_default(int fd);
/* Data on the disk before returning. */
int compat_fsync(int fd);
/* Rename over an existing file, atomically and durably where the system can. */
int compat_rename_replace(const char *from, const char *to);
/* Make a rename inside dir durable (a no-op where folders need no fsync). */
void compat_sync_dir(const char *dir);

/* --- where things are --- */
/* The default database file, allocated: $XDG_DATA_HOME/tiendo/tiendo.db or
 * ~/.local/share/tiendo/tiendo.db; %APPDATA%\tiendo\tiendo.db on Windows. */
char *compat_default_db_path(void);
/* The folder exports go to without TIENDO_EXPORT_DIR, allocated: the current
 * folder; the user's Documents folder on Windows. */
char *compat_default_export_dir(void);
/* The home folder ($HOME; %USERPROFILE% on Windows), or NULL. */
const char *compat_home(void);
/* The folder holding the running program, allocated, or NULL. */
char *compat_exe_dir(void);
/* The login name of the user, or NULL. */
const char *compat_user_name(void);

/* --- text --- */
/* Columns the character takes on the terminal (-1 for a control). */
int compat_wcwidth(wchar_t wc);
/* Decode one UTF-8 character of s into *wc: its length in bytes, or 0 for a
 * bad sequence (then *wc is '?' and one byte should be skipped). */
size_t compat_utf8_to_wc(const char *s, wchar_t *wc);
/* Convert s[0..n) between UTF-8 and "CP1258" or "TCVN5712-1" (one side is
 * "UTF-8"): a new NUL-terminated buffer, its length in *out_len when not NULL;
 * NULL with errno EILSEQ when a character has no place in the target. */
char *compat_convert(const char *to, const char *from, const char *s, size_t n, size_t *out_len);
/* The same conversion by tables (src/compat_charset.c): what Windows uses;
 * on Linux only the unit test calls it, to compare it with iconv. */
char *compat_table_convert(const char *to, const char *from, const char *s, size_t n,
			   size_t *out_len);
/* Switch the C library to the user's locale; false when it does not use UTF-8
 * (then the caller draws in ASCII). */
bool compat_locale_utf8(void);
/* Does the user's own locale (the environment's, not C.UTF-8 chosen for
 * them) say UTF-8? Call before compat_locale_utf8. */
bool compat_env_utf8(void);

/* --- terminal and signals --- */
/* The character behind a key code the Windows console driver makes of a
 * typed non-ASCII letter (the screen library as patched by
 * scripts/windows/patch-console-input.sh: 0x200 + the UTF-16 unit), or -1
 * for any other key code; always -1 on POSIX. */
int compat_key_char(int key);
/* Before the interface draws: Ctrl-S and Ctrl-Q as keys, not flow control
 * (POSIX); on a Windows console still in a raster font, a TrueType font with
 * the Vietnamese letters (Consolas), chosen for this window only. */
void compat_tty_setup(void);
/* Whether the controlling terminal is still there (after a hang-up). */
bool compat_tty_alive(void);
/* SIGINT, SIGTERM and SIGHUP call fn(sig), which may only set a flag; a
 * blocked read returns (no SA_RESTART). On Windows Ctrl-C gives SIGINT,
 * Ctrl-Break SIGTERM and closing the console (or logging off) SIGHUP, and
 * the program then has a few seconds to finish. */
void compat_stop_signals(void (*fn)(int sig));
/* Back to the handlers in place before compat_stop_signals. */
void compat_stop_signals_restore(void);
/* Hold SIGINT, SIGTERM and SIGHUP back, the old mask kept in saved (size
 * bytes), until compat_release_stop_signals(saved) delivers them; whether
 * they are held. Nothing to hold on Windows: Ctrl-C, Ctrl-Break and a close
 * run the handler of compat_stop_signals on a thread of their own, which only
 * sets the flag the main thread looks at, so a write under way finishes. */
bool compat_hold_stop_signals(void *saved, size_t size);
void compat_release_stop_signals(const void *saved);
/* Hold back window-size signals (true) or let them through again (false). */
void compat_block_resize(bool block);
/* The terminal's size (rows, columns) asked of the terminal itself, for when
 * a window-size signal was missed; false when it cannot tell (Windows: a
 * console resize arrives as an input event, never missed). */
bool compat_term_size(int *rows, int *cols);

#endif
