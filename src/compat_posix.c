/* SPDX-License-Identifier: MIT */
/* The POSIX side of compat.h: the calls tiendo makes on Linux and the BSDs. */
#include "compat.h"

#if !defined(_WIN32)

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

void compat_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
}

const char *compat_getenv(const char *name)
{
	return getenv(name);
}

FILE *compat_fopen(const char *path, const char *mode)
{
	return fopen(path, mode);
}

int compat_path_kind(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	return S_ISDIR(st.st_mode) ? 1 : 0;
}

bool compat_path_special(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

char *compat_link_target(const char *path)
{
	char *cur = xstrdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		char buf[PATH_MAX];
		ssize_t n = readlink(cur, buf, sizeof buf - 1);
		if (n <= 0)
			break;
		buf[n] = '\0';
		const char *slash = strrchr(cur, '/');
		char *next;
		if (buf[0] == '/' || !slash) {
			next = xstrdup(buf);
		} else {
			/* relative to the folder holding the link */
			struct strbuf b = {0};
			sb_addf(&b, "%.*s%s", (int)(slash - cur + 1), cur, buf);
			next = sb_take(&b);
		}
		free(cur);
		cur = next;
	}
	return cur;
}

bool compat_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

bool compat_readable(const char *path)
{
	return access(path, R_OK) == 0;
}

char *compat_realpath(const char *path)
{
	return realpath(path, NULL);
}

bool compat_writable(const char *path)
{
	return access(path, W_OK) == 0;
}

long long compat_file_size(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	return (long long)st.st_size;
}

long long compat_file_age(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	return (long long)(time(NULL) - st.st_mtime);
}

int compat_create_new(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int compat_open_read(const char *path)
{
	return open(path, O_RDONLY);
}

int compat_mkdir(const char *path)
{
	return mkdir(path, 0700);
}

int compat_unlink(const char *path)
{
	return unlink(path);
}

int compat_dir_each(const char *dir, void (*fn)(const char *name, void *arg), void *arg)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *de;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			fn(de->d_name, arg);
	closedir(d);
	return 0;
}

bool compat_is_sep(char c)
{
	return c == '/';
}

char compat_native_sep(void)
{
	return '/';
}

const char *compat_last_sep(const char *path)
{
	return strrchr(path, '/');
}

bool compat_path_absolute(const char *path)
{
	return path[0] == '/';
}

char *compat_getcwd(void)
{
	char cwd[PATH_MAX];
	return getcwd(cwd, sizeof cwd) ? xstrdup(cwd) : NULL;
}

int compat_mkstemp(char *tmpl)
{
	return mkstemp(tmpl);
}

int compat_fchmod_default(int fd)
{
	mode_t mask = umask(0);
	umask(mask);
	return fchmod(fd, 0666 & ~mask);
}

int compat_fsync(int fd)
{
	return fsync(fd);
}

int compat_rename_replace(const char *from, const char *to)
{
	return rename(from, to);
}

void compat_sync_dir(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
}

char *compat_default_db_path(void)
{
	struct strbuf b = {0};
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		sb_addf(&b, "%s/tiendo/tiendo.db", xdg);
	else
		sb_addf(&b, "%s/.local/share/tiendo/tiendo.db", getenv("HOME") ? getenv("HOME") : ".");
	return sb_take(&b);
}

char *compat_default_export_dir(void)
{
	return compat_getcwd();
}

const char *compat_home(void)
{
	return getenv("HOME");
}

char *compat_exe_dir(void)
{
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return NULL;
	exe[len] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(exe);
}

const char *compat_user_name(void)
{
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_name ? pw->pw_name : NULL;
}

int compat_wcwidth(wchar_t wc)
{
	return wcwidth(wc);
}

size_t compat_utf8_to_wc(const char *s, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t k = mbrtowc(wc, s, MB_CUR_MAX, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		*wc = L'?';
		return 0;
	}
	return k;
}

char *compat_convert(const char *to, const char *from, const char *s, size_t n, size_t *out_len)
{
	if (n > SIZE_MAX / 4)
		return NULL;
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1)
		return NULL;
	/* iconv wants a char ** it does not write through; give it a copy. */
	char *copy = xmalloc(n + 1);
	memcpy(copy, s, n);
	char *in = copy;
	size_t in_left = n;
	size_t cap = n * 3 + 16, used = 0;
	char *out = xmalloc(cap);
	bool ok = true, flushing = false;
	for (;;) {
		char *o = out + used;
		size_t o_left = cap - used - 1;
		size_t r = flushing ? iconv(cd, NULL, NULL, &o, &o_left)
				    : iconv(cd, &in, &in_left, &o, &o_left);
		used = (size_t)(o - out);
		if (r == (size_t)-1 && errno == E2BIG) {
			cap *= 2;
			out = xrealloc(out, cap);
			continue;
		}
		if (r == (size_t)-1) {
			ok = false;
			break;
		}
		if (flushing)
			break;
		flushing = true;
	}
	iconv_close(cd);
	free(copy);
	if (!ok) {
		free(out);
		return NULL;
	}
	out[used] = '\0';
	if (out_len)
		*out_len = used;
	return out;
}

bool compat_env_utf8(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	return cs && strcmp(cs, "UTF-8") == 0;
}

bool compat_locale_utf8(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "UTF-8") == 0)
		return true;
	/* No UTF-8 locale from the environment: try C.UTF-8, else ASCII. */
	if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	setlocale(LC_CTYPE, "");
	return false;
}

int compat_key_char(int key)
{
	(void)key;
	return -1;
}

void compat_tty_setup(void)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
}

bool compat_tty_alive(void)
{
	struct termios t;
	return tcgetattr(STDOUT_FILENO, &t) == 0;
}

static const int stop_sigs[3] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction stop_old[3];

void compat_stop_signals(void (*fn)(int sig))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns at once */
	for (int k = 0; k < 3; k++)
		sigaction(stop_sigs[k], &sa, &stop_old[k]);
}

void compat_stop_signals_restore(void)
{
	for (int k = 0; k < 3; k++)
		sigaction(stop_sigs[k], &stop_old[k], NULL);
}

bool compat_hold_stop_signals(void *saved, size_t size)
{
	sigset_t block, old;
	if (size < sizeof old)
		return false;
	sigemptyset(&block);
	for (int k = 0; k < 3; k++)
		sigaddset(&block, stop_sigs[k]);
	if (sigprocmask(SIG_BLOCK, &block, &old) != 0)
		return false;
	memcpy(saved, &old, sizeof old);
	return true;
}

void compat_release_stop_signals(const void *saved)
{
	sigset_t old;
	memcpy(&old, saved, sizeof old);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void compat_block_resize(bool block)
{
	static sigset_t old;
	if (block) {
		sigset_t winch;
		sigemptyset(&winch);
		sigaddset(&winch, SIGWINCH);
		sigprocmask(SIG_BLOCK, &winch, &old);
	} else {
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
}

bool compat_term_size(int *rows, int *cols)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
		return false;
	*rows = ws.ws_row;
	*cols = ws.ws_col;
	return true;
}

#endif
