/* SPDX-License-Identifier: MIT */
/* Small shared helpers: checked allocation, growable strings and string lists, error records. */
#include "util.h"
#include "tempfiles.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int err_setv(struct err *e, const char *fmt, va_list ap)
{
	if (e)
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return -1;
}

int err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	err_setv(e, fmt, ap);
	va_end(ap);
	return -1;
}

static void oom(void)
{
	fputs("tiendo: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void xgrow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;
	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			oom();
		c *= 2;
	}
	*p = xrealloc(*p, c * size);
	*cap = c;
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
	xgrow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_add(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_addc(struct strbuf *b, char c)
{
	if (b->len + 2 > b->cap)
		xgrow((void **)&b->s, &b->cap, b->len + 2, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void sb_addf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	xgrow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *sb_take(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void sb_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void sv_push(struct strvec *sv, const char *s)
{
	xgrow((void **)&sv->v, &sv->cap, sv->n + 1, sizeof *sv->v);
	sv->v[sv->n++] = xstrdup(s);
}

void sv_free(struct strvec *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

size_t sv_split_ws(struct strvec *sv, const char *s)
{
	size_t before = sv->n;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		const char *w = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (s > w) {
			char *word = xstrndup(w, (size_t)(s - w));
			sv_push(sv, word);
			free(word);
		}
	}
	return sv->n - before;
}

bool sv_contains(const struct strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return true;
	return false;
}

bool parse_int(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	if (!s || !*s || (*s != '-' && (*s < '0' || *s > '9')))
		return false;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

bool parse_num(const char *s, double *out)
{
	const char *p = s;
	if (!s || !*s)
		return false;
	if (*p == '-')
		p++;
	size_t digits = 0, dots = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && dots == 0)
			dots++;
		else
			return false;
	}
	if (!digits || s[strlen(s) - 1] == '.')
		return false;
	double v = strtod(s, NULL);
	if (!isfinite(v))
		return false;
	*out = v;
	return true;
}

void fmt_num(char *buf, size_t n, double v)
{
	if (v == (double)(long long)v && fabs(v) < 1e15)
		snprintf(buf, n, "%lld", (long long)v);
	else {
		snprintf(buf, n, "%.6f", v);
		char *e = buf + strlen(buf) - 1;
		while (e > buf && *e == '0')
			*e-- = '\0';
		if (*e == '.')
			*e = '\0';
	}
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = compat_fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_addn(&b, chunk, n);
	if (ferror(f)) {
		int saved = errno;
		fclose(f);
		sb_free(&b);
		errno = saved;
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return sb_take(&b);
}

size_t utf8_put(char buf[5], uint32_t cp)
{
	size_t n;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf[n] = '\0';
	return n;
}

int write_fd_all(int fd, const char *data, size_t n)
{
	while (n) {
		ssize_t w = write(fd, data, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

/* A FIFO or a device (not a regular file, not a folder) is written to as
 * it is: renaming a temporary file onto it would replace it with a regular
 * file (issue 15). */
static int write_special(const char *path, const char *data, size_t n)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	int rc = write_fd_all(fd, data, n);
	int saved = errno;
	if (close(fd) && !rc) {
		rc = -1;
		saved = errno;
	}
	errno = saved;
	return rc;
}

static int write_regular(const char *path, const char *data, size_t n);

int write_file_atomic(const char *path, const char *data, size_t n)
{
	if (compat_path_special(path))
		return write_special(path, data, n);
	if (compat_path_kind(path) == 1) {
		errno = EISDIR; /* as outfile_open says it */
		return -1;
	}
	/* A link is followed: the file it points to is replaced, not the link. */
	char *target = compat_link_target(path);
	int rc = write_regular(target, data, n);
	int saved = errno;
	free(target);
	errno = saved;
	return rc;
}

static int write_regular(const char *path, const char *data, size_t n)
{
	/* The temporary file sits in the target's folder so that rename is atomic. */
	size_t len = strlen(path);
	char *tmp = xmalloc(len + 16);
	const char *slash = compat_last_sep(path);
	size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	snprintf(tmp, len + 16, "%.*s.%s.XXXXXX", (int)dir_len, path, path + dir_len);
	/* No temporary file outlives a signal; a killed run's are swept up here. */
	struct tempfiles_hold hold;
	tempfiles_sweep(path);
	tempfiles_hold(&hold);
	int fd = compat_mkstemp(tmp);
	if (fd < 0) {
		tempfiles_release(&hold);
		free(tmp);
		return -1;
	}
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(fd, data + off, n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	/* Exported files are read by others: the usual permissions, not mkstemp's 0600. */
	if (compat_fchmod_default(fd) || compat_fsync(fd))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (compat_rename_replace(tmp, path))
		goto fail;
	/* Make the rename itself durable. */
	char *dir = dir_len ? xstrndup(path, dir_len) : xstrdup(".");
	compat_sync_dir(dir);
	free(dir);
	free(tmp);
	tempfiles_release(&hold);
	return 0;
fail:;
	int saved = errno;
	if (fd >= 0)
		close(fd);
	compat_unlink(tmp);
	free(tmp);
	tempfiles_release(&hold);
	errno = saved;
	return -1;
}

uint64_t hash_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

char *file_temp_beside(const char *path)
{
	if (compat_path_special(path)) {
		/* No temporary file beside /dev/stdout: one in TMPDIR, copied
		 * into the device by file_commit. */
		const char *dir = getenv("TMPDIR");
		struct strbuf b = {0};
		sb_addf(&b, "%s/tiendo-out-XXXXXX", dir && *dir ? dir : "/tmp");
		int fd = compat_mkstemp(b.s);
		if (fd < 0) {
			sb_free(&b);
			return NULL;
		}
		close(fd);
		return b.s;
	}
	if (compat_path_kind(path) == 1) {
		errno = EISDIR; /* as outfile_open says it */
		return NULL;
	}
	/* Beside the file a link points to: file_commit replaces that file. */
	char *target = compat_link_target(path);
	size_t len = strlen(target);
	char *tmp = xmalloc(len + 16);
	const char *slash = compat_last_sep(target);
	size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
	snprintf(tmp, len + 16, "%.*s.%s.XXXXXX", (int)dir_len, target, target + dir_len);
	free(target);
	int fd = compat_mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

int file_commit(const char *tmp, const char *path)
{
	if (compat_path_special(path)) {
		size_t n;
		char *data = read_file(tmp, &n);
		int rc = data ? write_special(path, data, n) : -1;
		int saved = errno;
		free(data);
		compat_unlink(tmp);
		errno = saved;
		return rc;
	}
	int fd = compat_open_read(tmp);
	bool ok = fd >= 0 && compat_fchmod_default(fd) == 0 && compat_fsync(fd) == 0;
	int saved = errno;
	if (fd >= 0 && close(fd) && ok) {
		ok = false;
		saved = errno;
	}
	/* A link is followed, as file_temp_beside did. */
	char *target = compat_link_target(path);
	if (!ok || compat_rename_replace(tmp, target)) {
		saved = ok ? errno : saved;
		compat_unlink(tmp);
		free(target);
		errno = saved;
		return -1;
	}
	const char *slash = compat_last_sep(target);
	char *dir = slash ? xstrndup(target, (size_t)(slash - target) + 1) : xstrdup(".");
	compat_sync_dir(dir);
	free(dir);
	free(target);
	return 0;
}
