/* SPDX-License-Identifier: MIT */
/* Benchmark data: one unit report per unit (docs/exchange.md, format 1) from
 * gen.sh's progress.csv, as each commune's `tiendo export --period P` would
 * write it, so that `make bench` can time importing 3,300 of them without
 * making 3,300 databases first. Written independently of src/ from the format
 * document: an import that refuses these files means the two disagree.
 *
 * Usage: mkreports PROGRESS.CSV PERIOD PLAN PLAN_VERSION EXPORTED_AT OUTDIR [INDICATORS [PLAN.CSV]]
 * Input rows: unit,task,period,status,percent,count,result,difficulties,entered_at
 * (RFC 4180, one header line, grouped by unit). Output: OUTDIR/baocao_UNIT_PERIOD.csv.
 * As real reports do, rows carry revisions above 1 (a third of them),
 * proposals and evidence (some), and with INDICATORS (codes separated by
 * commas) one value row per indicator and unit. An indicator given as
 * CODE:WORD+WORD is reported only by the units whose kind or code is one of
 * the words (its reporters; the kinds read from PLAN.CSV's unit rows): an
 * import refuses a value from a unit that does not report the indicator. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { IN_FIELDS = 9, MAX_FIELD = 1 << 16 };

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The checksum of one row's values: fields joined by US, trailing empty
 * ones dropped, ended by RS (line ends are LF already). */
static uint64_t hash_row(uint64_t h, const char *const *f, size_t n)
{
	while (n > 0 && !f[n - 1][0])
		n--;
	for (size_t i = 0; i < n; i++) {
		if (i)
			h = fnv(h, "\x1f", 1);
		h = fnv(h, f[i], strlen(f[i]));
	}
	return fnv(h, "\x1e", 1);
}

static void put_field(FILE *o, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, o);
		return;
	}
	fputc('"', o);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', o);
		fputc(*s, o);
	}
	fputc('"', o);
}

static void put_row(FILE *o, const char *const *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', o);
		put_field(o, f[i]);
	}
	fputc('\n', o);
}

/* Read one CSV record into f[IN_FIELDS] (buffers of MAX_FIELD); 0 at EOF. */
static int read_row(FILE *in, char f[IN_FIELDS][MAX_FIELD])
{
	int c, k = 0;
	size_t len = 0;
	int quoted = 0, any = 0;
	for (int i = 0; i < IN_FIELDS; i++)
		f[i][0] = '\0';
	while ((c = getc(in)) != EOF) {
		any = 1;
		if (quoted) {
			if (c == '"') {
				int d = getc(in);
				if (d != '"') {
					quoted = 0;
					if (d != EOF)
						ungetc(d, in);
					continue;
				}
			}
		} else if (c == '"') {
			quoted = 1;
			continue;
		} else if (c == ',' || c == '\n') {
			if (k < IN_FIELDS)
				f[k][len] = '\0';
			k++;
			len = 0;
			if (c == '\n')
				return k;
			continue;
		} else if (c == '\r') {
			continue;
		}
		if (k < IN_FIELDS && len + 1 < MAX_FIELD)
			f[k][len++] = (char)c;
	}
	if (!any)
		return 0;
	if (k < IN_FIELDS)
		f[k][len] = '\0';
	return k + 1;
}

struct out {
	FILE *f;
	char unit[64];
	char path[4096];
	uint64_t h;
	long rows;
};

/* A number from 0 to n-1 that depends on s (the same data every run). */
static unsigned pick(const char *s, const char *t, unsigned n)
{
	uint64_t h = fnv(fnv(0xcbf29ce484222325ULL, s, strlen(s)), t, strlen(t));
	return (unsigned)(h % n);
}

static const char *inds; /* indicator codes, or NULL */

/* The plan's units and their kinds (PLAN.CSV), to know who reports what. */
static struct kind_of {
	char code[64], kind[32];
} *kinds;
static size_t n_kinds;

static int read_kinds(const char *path)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		perror(path);
		return -1;
	}
	static char f[IN_FIELDS][MAX_FIELD];
	size_t cap = 0;
	while (read_row(in, f) > 0) {
		if (strcmp(f[0], "unit") != 0 || strlen(f[1]) >= 64 || strlen(f[2]) >= 32)
			continue;
		if (n_kinds == cap) {
			cap = cap ? 2 * cap : 256;
			kinds = realloc(kinds, cap * sizeof *kinds);
			if (!kinds) {
				perror("mkreports");
				exit(1);
			}
		}
		strcpy(kinds[n_kinds].code, f[1]);
		strcpy(kinds[n_kinds++].kind, f[2]);
	}
	fclose(in);
	return 0;
}

/* Does the unit report an indicator whose reporters are words (w, n bytes,
 * separated by '+'; none: every unit)? */
static int reports(const char *unit, const char *w, size_t n)
{
	if (!n)
		return 1;
	const char *kind = "";
	for (size_t i = 0; i < n_kinds; i++)
		if (strcmp(kinds[i].code, unit) == 0)
			kind = kinds[i].kind;
	while (n) {
		size_t k = 0;
		while (k < n && w[k] != '+')
			k++;
		if ((strlen(unit) == k && !memcmp(unit, w, k)) || (strlen(kind) == k && !memcmp(kind, w, k)))
			return 1;
		w += k + (k < n);
		n -= k + (k < n);
	}
	return 0;
}

static void values(struct out *o, const char *period, const char *at)
{
	if (!inds || !*inds)
		return;
	fputs("#value,unit,indicator,period,revision,numerator,denominator,value,note,entered_by,"
	      "entered_at\n", o->f);
	char code[64];
	for (const char *p = inds; *p;) {
		size_t k = strcspn(p, ","), c = strcspn(p, ":,");
		snprintf(code, sizeof code, "%.*s", (int)c, p);
		const char *who = p + c + (c < k);
		size_t n_who = c < k ? k - c - 1 : 0;
		p += k + (p[k] == ',');
		if (!reports(o->unit, who, n_who))
			continue;
		unsigned den = 10 + pick(o->unit, code, 90), num = den - pick(code, o->unit, den / 3 + 1);
		char sn[16], sd[16], sv[32], rev[8];
		snprintf(sn, sizeof sn, "%u", num);
		snprintf(sd, sizeof sd, "%u", den);
		snprintf(sv, sizeof sv, "%u", num * 100 / den);
		snprintf(rev, sizeof rev, "%u", 1 + pick(code, period, 2));
		const char *row[] = {"value", o->unit, code, period, rev, sn, sd, sv,
				     pick(o->unit, code, 3) ? "" : "Số liệu theo báo cáo của các ấp, khu phố",
				     "bench", at};
		put_row(o->f, row, 11);
		o->h = hash_row(o->h, row, 11);
		o->rows++;
	}
}

static int finish(struct out *o, const char *period, const char *at)
{
	if (!o->f)
		return 0;
	values(o, period, at);
	fprintf(o->f, "end,%ld,%016" PRIx64 "\n", o->rows, o->h);
	int rc = fclose(o->f) ? -1 : 0;
	o->f = NULL;
	if (rc)
		perror(o->path);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 7 || argc > 9) {
		fprintf(stderr, "usage: mkreports PROGRESS.CSV PERIOD PLAN PLAN_VERSION EXPORTED_AT OUTDIR [INDICATORS [PLAN.CSV]]\n");
		return 2;
	}
	inds = argc >= 8 ? argv[7] : NULL;
	if (argc == 9 && read_kinds(argv[8]))
		return 1;
	const char *period = argv[2], *plan = argv[3], *version = argv[4], *at = argv[5],
		   *dir = argv[6];
	FILE *in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	static char f[IN_FIELDS][MAX_FIELD];
	struct out o = {0};
	long files = 0, entries = 0;
	read_row(in, f); /* header */
	int n;
	while ((n = read_row(in, f)) > 0) {
		if (n != IN_FIELDS) {
			fprintf(stderr, "%s: a row with %d fields\n", argv[1], n);
			return 1;
		}
		if (strcmp(f[2], period) != 0)
			continue;
		if (!o.f || strcmp(o.unit, f[0]) != 0) {
			if (finish(&o, period, at))
				return 1;
			if (strlen(f[0]) >= sizeof o.unit) {
				fprintf(stderr, "%s: unit code too long: %.40s\n", argv[1], f[0]);
				return 1;
			}
			memcpy(o.unit, f[0], strlen(f[0]) + 1);
			if (snprintf(o.path, sizeof o.path, "%s/baocao_%s_%s.csv", dir, o.unit, period) >=
			    (int)sizeof o.path) {
				fprintf(stderr, "%s: path too long\n", dir);
				return 1;
			}
			if (!(o.f = fopen(o.path, "w"))) {
				perror(o.path);
				return 1;
			}
			files++;
			o.rows = 0;
			const char *rep[] = {"report", o.unit, plan, version, period, at};
			o.h = hash_row(0xcbf29ce484222325ULL, rep, 6);
			fputs("format,tiendo-report,1\n#report,sender,plan,plan_version,period,exported_at\n", o.f);
			put_row(o.f, rep, 6);
			fputs("#entry,unit,task,period,revision,status,percent,count,result,difficulties,"
			      "proposals,evidence,entered_by,entered_at\n", o.f);
		}
		static const char *const proposals[] = {
			"", "", "Đề nghị Sở Khoa học và Công nghệ hỗ trợ kinh phí tổ chức tập huấn năm sau",
			"Kiến nghị bổ sung 01 biên chế phụ trách chuyển đổi số cấp xã"};
		static const char *const evidence[] = {
			"", "Báo cáo số 45/BC-UBND; ảnh hội nghị (đính kèm)",
			"Kế hoạch số 112/KH-UBND ngày 15/3/2026", ""};
		char rev[8];
		snprintf(rev, sizeof rev, "%u", pick(f[0], f[1], 3) ? 1 : 2 + pick(f[1], f[0], 3));
		const char *row[] = {"entry", f[0], f[1], f[2], rev, f[3], f[4], f[5], f[6], f[7],
				     proposals[pick(f[1], f[0], 4)], evidence[pick(f[0], f[1], 4)],
				     "bench", f[8]};
		put_row(o.f, row, 14);
		o.h = hash_row(o.h, row, 14);
		o.rows++;
		entries++;
	}
	fclose(in);
	if (finish(&o, period, at))
		return 1;
	printf("mkreports: %ld reports, %ld entries for %s in %s\n", files, entries, period, dir);
	return 0;
}
