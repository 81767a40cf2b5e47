/* SPDX-License-Identifier: MIT */
/* Benchmark data: one unit report per unit (docs/exchange.md, format 1) from
 * gen.sh's progress.csv, as each commune's `tiendo export --period P` would
 * write it, so that `make bench` can time importing 3,300 of them without
 * making 3,300 databases first. Written independently of src/ from the format
 * document: an import that refuses these files means the two disagree.
 *
 * Usage: mkreports PROGRESS.CSV PERIOD PLAN PLAN_VERSION EXPORTED_AT OUTDIR
 * Input rows: unit,task,period,status,percent,count,result,difficulties,entered_at
 * (RFC 4180, one header line, grouped by unit). Output: OUTDIR/baocao_UNIT_PERIOD.csv. */
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

static int finish(struct out *o)
{
	if (!o->f)
		return 0;
	fprintf(o->f, "end,%ld,%016" PRIx64 "\n", o->rows, o->h);
	int rc = fclose(o->f) ? -1 : 0;
	o->f = NULL;
	if (rc)
		perror(o->path);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: mkreports PROGRESS.CSV PERIOD PLAN PLAN_VERSION EXPORTED_AT OUTDIR\n");
		return 2;
	}
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
			if (finish(&o))
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
		const char *row[] = {"entry", f[0], f[1], f[2], "1", f[3], f[4], f[5], f[6], f[7],
				     "", "", "bench", f[8]};
		put_row(o.f, row, 14);
		o.h = hash_row(o.h, row, 14);
		o.rows++;
		entries++;
	}
	fclose(in);
	if (finish(&o))
		return 1;
	printf("mkreports: %ld reports, %ld entries for %s in %s\n", files, entries, period, dir);
	return 0;
}
