/* SPDX-License-Identifier: MIT */
/* The Windows side of compat.h: wide-character Win32 calls, UTF-8 at the edges.
 *
 * Inside, tiendo keeps every string in UTF-8. Windows hands the program its
 * arguments in the ANSI code page and opens files by ANSI name unless asked
 * in UTF-16, so the arguments are taken again from GetCommandLineW and every
 * file name is converted to UTF-16 here (_wfopen, _wopen, MoveFileExW...).
 * The console is switched to code page 65001 so that UTF-8 printed to it
 * shows as Vietnamese. Signals: Ctrl-C, Ctrl-Break and closing the console
 * arrive on another thread through SetConsoleCtrlHandler; the handler only
 * calls the flag-setting function, wakes the main loop with a key press
 * nothing is bound to, and on a close waits a few seconds so that the loop can keep a
 * form's draft and close the database before Windows ends the process. */
#include "compat.h"

#if defined(_WIN32)

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>
#include <windows.h>
#include <shellapi.h>
#include <shlobj.h>

#include "util.h"

/* UTF-8 to a new UTF-16 string; NULL with errno EINVAL for bad UTF-8. */
static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	wchar_t *w = xmalloc((size_t)n * sizeof *w);
	MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
	return w;
}

/* UTF-16 to a new UTF-8 string. */
static char *narrow(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	if (n <= 0)
		return xstrdup("");
	char *s = xmalloc((size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

static void set_errno_from_win32(void)
{
	switch (GetLastError()) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND: errno = ENOENT; break;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION: errno = EACCES; break;
	case ERROR_ALREADY_EXISTS:
	case ERROR_FILE_EXISTS: errno = EEXIST; break;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL: errno = ENOSPC; break;
	default: errno = EIO; break;
	}
}

void compat_init(int *argc, char ***argv)
{
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
	/* Output bytes as they are: LF stays LF in files and pipes (the console
	 * starts a new line on LF by itself). */
	_setmode(_fileno(stdout), _O_BINARY);
	_setmode(_fileno(stderr), _O_BINARY);
	/* On a Windows console the screen library must use its console driver
	 * (win32con): a TERM inherited from an SSH or MSYS session would make it
	 * write escape sequences the console shows as text. */
	DWORD mode;
	if (GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &mode) && _wgetenv(L"TERM"))
		_wputenv(L"TERM=");
	int n = 0;
	wchar_t **wargv = CommandLineToArgvW(GetCommandLineW(), &n);
	if (!wargv)
		return;
	char **v = xmalloc(((size_t)n + 1) * sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = narrow(wargv[i]);
	v[n] = NULL;
	LocalFree(wargv);
	*argc = n;
	*argv = v; /* kept for the life of the program */
}

const char *compat_getenv(const char *name)
{
	/* Each variable is converted once and kept: the pointers stay valid. */
	static struct {
		char *name, *value;
	} seen[16];
	static int n_seen;
	for (int i = 0; i < n_seen; i++)
		if (strcmp(seen[i].name, name) == 0)
			return seen[i].value;
	wchar_t *wn = wide(name);
	const wchar_t *wv = wn ? _wgetenv(wn) : NULL;
	free(wn);
	char *v = wv ? narrow(wv) : NULL;
	if (n_seen < (int)(sizeof seen / sizeof seen[0])) {
		seen[n_seen].name = xstrdup(name);
		seen[n_seen++].value = v;
	}
	return v;
}

/* ---- files ---- */

FILE *compat_fopen(const char *path, const char *mode)
{
	wchar_t *wp = wide(path), *wm = wide(mode);
	FILE *f = wp && wm ? _wfopen(wp, wm) : NULL;
	free(wp);
	free(wm);
	return f;
}

int compat_path_kind(const char *path)
{
	wchar_t *wp = wide(path);
	DWORD a = wp ? GetFileAttributesW(wp) : INVALID_FILE_ATTRIBUTES;
	free(wp);
	if (a == INVALID_FILE_ATTRIBUTES)
		return -1;
	return (a & FILE_ATTRIBUTE_DIRECTORY) ? 1 : 0;
}

bool compat_path_special(const char *path)
{
	(void)path;
	return false;
}

char *compat_link_target(const char *path)
{
	return xstrdup(path);
}

/* No inode numbers in msvcrt's stat: the full paths, compared as the
 * file system compares names (ignoring case). */
bool compat_same_file(const char *a, const char *b)
{
	char *fa = compat_realpath(a), *fb = compat_realpath(b);
	bool same = fa && fb && strlen(fa) == strlen(fb) &&
		    compat_name_common_as(fa, fb, true) == strlen(fa);
	free(fa);
	free(fb);
	return same;
}

bool compat_readable(const char *path)
{
	wchar_t *wp = wide(path);
	bool ok = wp && _waccess(wp, 4) == 0;
	free(wp);
	return ok;
}

char *compat_realpath(const char *path)
{
	wchar_t *wp = wide(path);
	wchar_t *full = wp && GetFileAttributesW(wp) != INVALID_FILE_ATTRIBUTES ? _wfullpath(NULL, wp, 0) : NULL;
	free(wp);
	char *u = full ? narrow(full) : NULL;
	free(full);
	return u;
}

bool compat_writable(const char *path)
{
	wchar_t *wp = wide(path);
	bool ok = wp && _waccess(wp, 2) == 0;
	free(wp);
	return ok;
}

long long compat_file_size(const char *path)
{
	wchar_t *wp = wide(path);
	struct _stat64 st;
	int rc = wp ? _wstat64(wp, &st) : -1;
	free(wp);
	if (rc != 0 || !(st.st_mode & _S_IFREG))
		return -1;
	return (long long)st.st_size;
}

long long compat_file_age(const char *path)
{
	wchar_t *wp = wide(path);
	struct _stat64 st;
	int rc = wp ? _wstat64(wp, &st) : -1;
	free(wp);
	if (rc != 0 || !(st.st_mode & _S_IFREG))
		return -1;
	return (long long)(_time64(NULL) - st.st_mtime);
}

int compat_create_new(const char *path)
{
	wchar_t *wp = wide(path);
	if (!wp)
		return -1;
	int fd = _wopen(wp, _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY, _S_IREAD | _S_IWRITE);
	free(wp);
	if (fd < 0)
		return -1;
	_close(fd);
	return 0;
}

int compat_open_read(const char *path)
{
	/* _commit needs a handle with write access to flush */
	wchar_t *wp = wide(path);
	int fd = wp ? _wopen(wp, _O_RDWR | _O_BINARY) : -1;
	free(wp);
	return fd;
}

int compat_mkdir(const char *path)
{
	/* "C:" and "C:\" are there already: say so, as mkdir would. */
	if (compat_path_kind(path) == 1) {
		errno = EEXIST;
		return -1;
	}
	wchar_t *wp = wide(path);
	int r = wp ? _wmkdir(wp) : -1;
	free(wp);
	return r;
}

int compat_unlink(const char *path)
{
	wchar_t *wp = wide(path);
	int r = wp ? _wunlink(wp) : -1;
	free(wp);
	return r;
}

int compat_dir_each(const char *dir, void (*fn)(const char *name, void *arg), void *arg)
{
	size_t n = strlen(dir);
	char *pattern = xmalloc(n + 3);
	snprintf(pattern, n + 3, "%s%s*", dir, n && compat_is_sep(dir[n - 1]) ? "" : "\\");
	wchar_t *wp = wide(pattern);
	free(pattern);
	if (!wp)
		return -1;
	WIN32_FIND_DATAW fd;
	HANDLE h = FindFirstFileW(wp, &fd);
	free(wp);
	if (h == INVALID_HANDLE_VALUE) {
		set_errno_from_win32();
		return -1;
	}
	do {
		if (wcscmp(fd.cFileName, L".") == 0 || wcscmp(fd.cFileName, L"..") == 0)
			continue;
		char *name = narrow(fd.cFileName);
		fn(name, arg);
		free(name);
	} while (FindNextFileW(h, &fd));
	FindClose(h);
	return 0;
}

bool compat_is_sep(char c)
{
	return c == '/' || c == '\\';
}

char compat_native_sep(void)
{
	return '\\';
}

const char *compat_last_sep(const char *path)
{
	const char *a = strrchr(path, '/'), *b = strrchr(path, '\\');
	return a > b ? a : b;
}

bool compat_path_absolute(const char *path)
{
	if (compat_is_sep(path[0]))
		return true; /* \\server\share, or the root of the current drive */
	return ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) &&
	       path[1] == ':' && compat_is_sep(path[2]);
}

char *compat_getcwd(void)
{
	wchar_t *w = _wgetcwd(NULL, 0);
	if (!w)
		return NULL;
	char *s = narrow(w);
	free(w);
	return s;
}

/* ---- atomic replacement ---- */

int compat_mkstemp(char *tmpl)
{
	size_t n = strlen(tmpl);
	if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) {
		errno = EINVAL;
		return -1;
	}
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned counter;
	for (int attempt = 0; attempt < 100; attempt++) {
		uint64_t r = GetTickCount64() * 2654435761u ^ ((uint64_t)GetCurrentProcessId() << 20) ^
			     (uint64_t)++counter * 40503u;
		for (int i = 0; i < 6; i++) {
			tmpl[n - 6 + i] = letters[r % 36];
			r /= 36;
		}
		wchar_t *wp = wide(tmpl);
		if (!wp)
			return -1;
		int fd = _wopen(wp, _O_RDWR | _O_CREAT | _O_EXCL | _O_BINARY, _S_IREAD | _S_IWRITE);
		free(wp);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

int compat_fchmod_default(int fd)
{
	(void)fd; /* Windows files inherit the folder's permissions */
	return 0;
}

int compat_fsync(int fd)
{
	return _commit(fd); /* FlushFileBuffers on the handle */
}

int compat_rename_replace(const char *from, const char *to)
{
	wchar_t *wf = wide(from), *wt = wide(to);
	BOOL ok = wf && wt &&
		  MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
	if (!ok && wf && wt)
		set_errno_from_win32();
	free(wf);
	free(wt);
	return ok ? 0 : -1;
}

void compat_sync_dir(const char *dir)
{
	(void)dir; /* MOVEFILE_WRITE_THROUGH already made the rename durable */
}

/* ---- where things are ---- */

/* A known folder (Documents, AppData\Roaming) as UTF-8, or NULL. */
static char *known_folder(REFKNOWNFOLDERID id)
{
	PWSTR w = NULL;
	char *s = NULL;
	if (SHGetKnownFolderPath(id, 0, NULL, &w) == S_OK && w)
		s = narrow(w);
	CoTaskMemFree(w);
	return s;
}

char *compat_default_db_path(void)
{
	char *app = known_folder(&FOLDERID_RoamingAppData);
	struct strbuf b = {0};
	sb_addf(&b, "%s\\tiendo\\tiendo.db", app ? app : ".");
	free(app);
	return sb_take(&b);
}

char *compat_default_export_dir(void)
{
	char *docs = known_folder(&FOLDERID_Documents);
	return docs ? docs : compat_getcwd();
}

const char *compat_home(void)
{
	static char *home;
	if (!home) {
		const wchar_t *w = _wgetenv(L"USERPROFILE");
		if (!w || !*w)
			return NULL;
		home = narrow(w);
	}
	return home;
}

char *compat_exe_dir(void)
{
	wchar_t buf[32768];
	DWORD n = GetModuleFileNameW(NULL, buf, (DWORD)(sizeof buf / sizeof buf[0]));
	if (n == 0 || n >= sizeof buf / sizeof buf[0])
		return NULL;
	char *s = narrow(buf);
	const char *sep = compat_last_sep(s);
	if (!sep) {
		free(s);
		return NULL;
	}
	s[sep - s] = '\0';
	return s;
}

const char *compat_user_name(void)
{
	static char *name;
	if (!name) {
		wchar_t buf[257];
		DWORD n = (DWORD)(sizeof buf / sizeof buf[0]);
		if (!GetUserNameW(buf, &n))
			return NULL;
		name = narrow(buf);
	}
	return name;
}

/* ---- text ---- */

int compat_wcwidth(wchar_t wc)
{
	if (wc < 0x20 || (wc >= 0x7F && wc < 0xA0))
		return -1;
	return utf8proc_charwidth((utf8proc_int32_t)wc);
}

size_t compat_utf8_to_wc(const char *s, wchar_t *wc)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (k <= 0 || cp == 0) {
		*wc = L'?';
		return 0;
	}
	/* wchar_t is UTF-16 here: outside the BMP (no Vietnamese there) shows '?' */
	*wc = cp > 0xFFFF ? L'?' : (wchar_t)cp;
	return (size_t)k;
}

char *compat_convert(const char *to, const char *from, const char *s, size_t n, size_t *out_len)
{
	return compat_table_convert(to, from, s, n, out_len);
}

bool compat_env_utf8(void)
{
	return true; /* the console is switched to UTF-8 (compat_locale_utf8) */
}

bool compat_locale_utf8(void)
{
	/* tiendo decodes UTF-8 itself and draws with the wide-character calls,
	 * which the console takes as UTF-16 whatever the C locale. */
	return true;
}

/* ---- console and signals ---- */

/* KEY_MAX + 1 of the screen library (0777 + 1): the patched driver's base */
#define KEY_UNICODE_BASE 0x200

int compat_key_char(int key)
{
	return key >= KEY_UNICODE_BASE + 0x80 && key < KEY_UNICODE_BASE + 0x10000 ? key - KEY_UNICODE_BASE : -1;
}

void compat_tty_setup(void)
{
	/* A Windows console has no XON/XOFF: Ctrl-S and Ctrl-Q are keys already.
	 * Its raster fonts have no Vietnamese letters: switch this window to
	 * Consolas (SetCurrentConsoleFontEx changes no setting, no registry). */
	/* Only a console shown in a window of its own has a font to change
	 * (wine's console on a Unix terminal has none: its conhost crashed on
	 * SetCurrentConsoleFontEx there). */
	HWND win = GetConsoleWindow();
	if (!win || !IsWindowVisible(win))
		return;
	HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
	CONSOLE_FONT_INFOEX f;
	memset(&f, 0, sizeof f);
	f.cbSize = sizeof f;
	if (!GetCurrentConsoleFontEx(out, FALSE, &f) || (f.FontFamily & TMPF_TRUETYPE))
		return;
	f.FontFamily = FF_MODERN | TMPF_TRUETYPE;
	f.FontWeight = FW_NORMAL;
	f.dwFontSize.X = 0;
	if (f.dwFontSize.Y < 14)
		f.dwFontSize.Y = 16;
	wcscpy(f.FaceName, L"Consolas");
	SetCurrentConsoleFontEx(out, FALSE, &f);
}

static volatile LONG console_closed;

bool compat_tty_alive(void)
{
	return !console_closed;
}

static void (*volatile stop_fn)(int sig);

/* Wake a main loop blocked reading the console: a press of F24, a key no
 * keyboard has and tiendo binds to nothing, makes the key reader return, and
 * the loop then sees the flag (the win32con driver drops window-size events
 * unread). */
static void wake_reader(void)
{
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	INPUT_RECORD rec;
	memset(&rec, 0, sizeof rec);
	rec.EventType = KEY_EVENT;
	rec.Event.KeyEvent.bKeyDown = TRUE;
	rec.Event.KeyEvent.wRepeatCount = 1;
	rec.Event.KeyEvent.wVirtualKeyCode = VK_F24;
	DWORD written;
	if (in != INVALID_HANDLE_VALUE)
		WriteConsoleInputW(in, &rec, 1, &written);
}

static BOOL WINAPI on_console_event(DWORD ev)
{
	void (*fn)(int) = stop_fn;
	if (!fn)
		return FALSE;
	switch (ev) {
	case CTRL_C_EVENT:
		fn(SIGINT);
		wake_reader();
		return TRUE;
	case CTRL_BREAK_EVENT:
		fn(SIGTERM);
		wake_reader();
		return TRUE;
	case CTRL_CLOSE_EVENT:
	case CTRL_LOGOFF_EVENT:
	case CTRL_SHUTDOWN_EVENT:
		InterlockedExchange(&console_closed, 1);
		fn(SIGHUP);
		wake_reader();
		/* Windows ends the process when this returns (5 s at most after a
		 * close): give the main thread the time to save and exit first. */
		Sleep(4500);
		return TRUE;
	default:
		return FALSE;
	}
}

void compat_stop_signals(void (*fn)(int sig))
{
	stop_fn = fn;
	SetConsoleCtrlHandler(on_console_event, TRUE);
}

void compat_stop_signals_restore(void)
{
	SetConsoleCtrlHandler(on_console_event, FALSE);
	stop_fn = NULL;
}

bool compat_hold_stop_signals(void *saved, size_t size)
{
	(void)saved;
	(void)size;
	return false;
}

void compat_release_stop_signals(const void *saved)
{
	(void)saved;
}

void compat_block_resize(bool block)
{
	(void)block; /* console resizes arrive as input events, not signals */
}

bool compat_term_size(int *rows, int *cols)
{
	(void)rows;
	(void)cols;
	return false; /* a console resize is an input event (KEY_RESIZE), never missed */
}

#endif
