/* SPDX-License-Identifier: MIT */
/* The report sheet of an .xlsx workbook as CSV text (see xlsxread.h).
 *
 * An .xlsx file is a zip archive of XML parts (ECMA-376): xl/workbook.xml
 * lists the sheets in order, each with a relationship id that
 * xl/_rels/workbook.xml.rels maps to its part (worksheets/sheet1.xml);
 * xl/sharedStrings.xml holds the texts that cells of type "s" point to by
 * index. A cell is <c r="B3" t="s|inlineStr|str|b|n|e"> with its value in
 * <v> or, inline, <is><t>. libzip reads the archive and expat the XML:
 * nothing here parses zip or XML by hand. */
#include "xlsxread.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "lazy_zip.h"

#include "csvio.h"
#include "msg.h"
#include "util.h"

bool xlsxread_sniff(const char *buf, size_t n)
{
	return n >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0;
}

/* A whole part of the archive, or NULL (missing, too large, unreadable). */
static char *part(zip_t *za, const char *name, size_t max, size_t *len)
{
	zip_stat_t st;
	if (zip_stat(za, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > max)
		return NULL;
	zip_file_t *f = zip_fopen(za, name, 0);
	if (!f)
		return NULL;
	char *buf = xmalloc((size_t)st.size + 1);
	zip_int64_t got = zip_fread(f, buf, st.size);
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		return NULL;
	}
	buf[st.size] = '\0';
	*len = (size_t)st.size;
	return buf;
}

/* Why a zip archive that is no workbook cannot be read, when it is another
 * kind of document a clerk may pick by mistake; NULL otherwise. */
static const char *other_document(zip_t *za)
{
	static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
	zip_stat_t st;
	if (zip_stat(za, "word/document.xml", 0, &st) == 0)
		return N_("a Word document (.docx), not a report or plan package: import the .csv or .xlsx file that was sent");
	size_t len = 0;
	char *m = part(za, "mimetype", 200, &len);
	const char *why = NULL;
	if (m && strncmp(m, ods, sizeof ods - 1) == 0)
		why = N_("an OpenDocument spreadsheet (.ods): in LibreOffice save it as .xlsx or as CSV UTF-8, then import that");
	else if (m && strncmp(m, "application/vnd.oasis.opendocument", 34) == 0)
		why = N_("an OpenDocument document, not a report or plan package: import the .csv or .xlsx file that was sent");
	free(m);
	return why;
}

/* What the XML handlers collect. */
struct sax {
	int depth_text;   /* inside a <t> (shared or inline string) */
	bool in_v, in_si, in_cell, in_is;
	struct strbuf text;  /* the current string or value */
	struct strvec strings; /* shared strings */
	const struct strvec *shared;
	/* workbook: the sheets' relationship ids in order; rels: every id and
	 * its target */
	struct strvec rids, rel_ids, rel_targets;
	/* sheet: the rows being built */
	struct strvec cells; /* the current row's cells by column */
	long col, row;
	char type[12];
	struct strbuf csv;
	size_t max, row_bytes; /* the CSV's limit; the current row's cells so far */
	bool bad, too_big;
};

/* Excel's last row: a sheet's row numbers go up to it, in order. */
#define XLSX_MAX_ROWS 1048576L

static const char *attr(const char **a, const char *name)
{
	for (; a[0]; a += 2)
		if (strcmp(a[0], name) == 0)
			return a[1];
	return NULL;
}

/* Strip a namespace prefix ("x:c" -> "c"). */
static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static void on_text(void *ud, const XML_Char *s, int len)
{
	struct sax *x = ud;
	if (x->depth_text > 0 || x->in_v)
		sb_addn(&x->text, s, (size_t)len);
}

/* ---- sharedStrings.xml ---- */

static void ss_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct sax *x = ud;
	(void)a;
	name = local(name);
	if (strcmp(name, "si") == 0) {
		x->in_si = true;
		sb_free(&x->text);
		sb_addn(&x->text, "", 0);
	} else if (strcmp(name, "t") == 0 && x->in_si) {
		x->depth_text++;
	}
}

static void ss_end(void *ud, const XML_Char *name)
{
	struct sax *x = ud;
	name = local(name);
	if (strcmp(name, "t") == 0 && x->depth_text > 0)
		x->depth_text--;
	else if (strcmp(name, "si") == 0) {
		x->in_si = false;
		sv_push(&x->strings, x->text.s ? x->text.s : "");
		sb_free(&x->text);
	}
}

/* ---- workbook.xml and its relationships ---- */

static void wb_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct sax *x = ud;
	const char *id = attr(a, "r:id");
	if (strcmp(local(name), "sheet") == 0 && id)
		sv_push(&x->rids, id);
}

static void rel_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct sax *x = ud;
	const char *id = attr(a, "Id"), *t = attr(a, "Target");
	if (strcmp(local(name), "Relationship") == 0 && id && t) {
		sv_push(&x->rel_ids, id);
		sv_push(&x->rel_targets, t);
	}
}

/* ---- the sheet ---- */

/* The column of a cell reference ("AB12" -> 27), or -1. */
static long ref_col(const char *r)
{
	long c = 0;
	int k = 0;
	for (; *r >= 'A' && *r <= 'Z' && k < 4; r++, k++)
		c = c * 26 + (*r - 'A' + 1);
	return k ? c - 1 : -1;
}

static long ref_row(const char *r)
{
	while (*r >= 'A' && *r <= 'Z')
		r++;
	long v = strtol(r, NULL, 10);
	return v > 0 ? v : -1;
}

static void flush_row(struct sax *x)
{
	csvio_write_row(&x->csv, (const char *const *)x->cells.v, x->cells.n, 0);
	sv_free(&x->cells);
	x->row_bytes = 0;
}

static void sh_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct sax *x = ud;
	name = local(name);
	if (strcmp(name, "row") == 0) {
		const char *r = attr(a, "r");
		long want = r ? strtol(r, NULL, 10) : x->row + 1;
		/* Rows come in order and end at Excel's last: the empty rows
		 * between them cost a byte each, a few KB of zip could not ask
		 * for gigabytes. */
		if (want <= x->row || want > XLSX_MAX_ROWS) {
			x->bad = true;
			return;
		}
		while (x->row + 1 < want) {
			sb_add(&x->csv, "\n");
			x->row++;
		}
		x->row = want;
		x->col = 0;
	} else if (strcmp(name, "c") == 0) {
		const char *r = attr(a, "r"), *t = attr(a, "t");
		long c = r ? ref_col(r) : x->col;
		if (r && ref_row(r) != x->row)
			x->bad = true;
		if (c < 0 || c > 16384)
			x->bad = true;
		x->col = c;
		snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
		x->in_cell = true;
		sb_free(&x->text);
		sb_addn(&x->text, "", 0);
	} else if (strcmp(name, "v") == 0 && x->in_cell) {
		x->in_v = true;
	} else if (strcmp(name, "is") == 0 && x->in_cell) {
		x->in_is = true;
	} else if (strcmp(name, "t") == 0 && x->in_is) {
		x->depth_text++;
	}
}

static void sh_end(void *ud, const XML_Char *name)
{
	struct sax *x = ud;
	name = local(name);
	if (strcmp(name, "v") == 0) {
		x->in_v = false;
	} else if (strcmp(name, "t") == 0 && x->depth_text > 0) {
		x->depth_text--;
	} else if (strcmp(name, "is") == 0) {
		x->in_is = false;
	} else if (strcmp(name, "c") == 0 && x->in_cell && !x->bad) {
		x->in_cell = false;
		const char *v = x->text.s ? x->text.s : "";
		if (strcmp(x->type, "s") == 0) {
			char *end;
			long i = strtol(v, &end, 10);
			if (*end || i < 0 || (size_t)i >= x->shared->n)
				x->bad = true;
			else
				v = x->shared->v[i];
		} else if (strcmp(x->type, "b") == 0) {
			v = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
		}
		while ((long)x->cells.n < x->col)
			sv_push(&x->cells, "");
		/* A shared string is stored once and may be used by every cell:
		 * the CSV is bounded as the file is. */
		x->row_bytes += strlen(v) + 3;
		if (x->csv.len + x->row_bytes > x->max)
			x->bad = x->too_big = true;
		if (!x->bad)
			sv_push(&x->cells, v);
		x->col++;
		sb_free(&x->text);
	} else if (strcmp(name, "row") == 0) {
		flush_row(x);
	}
}

static bool parse(const char *xml, size_t n, struct sax *x, XML_StartElementHandler st,
		  XML_EndElementHandler en)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p)
		return false;
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, st, en);
	XML_SetCharacterDataHandler(p, on_text);
	bool ok = XML_Parse(p, xml, (int)n, 1) == XML_STATUS_OK;
	XML_ParserFree(p);
	return ok;
}

/* The sheet of relationship id rid as CSV text (new string), or NULL when
 * it is missing or damaged. */
static char *sheet_csv(zip_t *za, struct sax *x, const char *rid, size_t max_bytes)
{
	const char *target = NULL;
	for (size_t i = 0; i < x->rel_ids.n && !target; i++)
		if (strcmp(x->rel_ids.v[i], rid) == 0)
			target = x->rel_targets.v[i];
	if (!target || strstr(target, ".."))
		return NULL;
	struct strbuf path = {0};
	sb_addf(&path, "%s%s", target[0] == '/' ? "" : "xl/", target + (target[0] == '/'));
	size_t len = 0;
	char *xml = part(za, path.s, max_bytes, &len);
	sb_free(&path);
	if (!xml)
		return NULL;
	x->row = x->col = 0;
	x->bad = x->too_big = x->in_v = x->in_cell = x->in_is = false;
	x->depth_text = 0;
	x->row_bytes = 0;
	sv_free(&x->cells);
	sb_free(&x->csv);
	sb_addn(&x->csv, "", 0);
	bool ok = parse(xml, len, x, sh_start, sh_end) && !x->bad;
	free(xml);
	if (!ok)
		return NULL;
	return sb_take(&x->csv);
}

/* The report among the sheets: the first one that starts with the format
 * row (a sheet of notes may come before it, or a hidden one); else the first
 * sheet, whose reader then says what is wrong. */
static char *report_sheet(zip_t *za, struct sax *x, size_t max_bytes)
{
	char *first = NULL;
	bool first_big = false;
	for (size_t i = 0; i < x->rids.n; i++) {
		char *t = sheet_csv(za, x, x->rids.v[i], max_bytes);
		const char *s = t && strncmp(t, "\xEF\xBB\xBF", 3) == 0 ? t + 3 : t;
		if (s && strncmp(s, "format,", 7) == 0) {
			free(first);
			return t;
		}
		if (i == 0) {
			first = t;
			first_big = x->too_big;
		} else {
			free(t);
		}
	}
	x->too_big = first_big; /* the first sheet is the one refused */
	return first;
}

char *xlsxread_to_csv(const char *buf, size_t n, size_t max_bytes, size_t *out_len,
		      const char **why)
{
	struct err le;
	if (zp_load(&le)) {
		static char msg[sizeof le.msg];
		snprintf(msg, sizeof msg, "%s", le.msg);
		*why = msg;
		return NULL;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(buf, n, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		if (src)
			zip_source_free(src);
		*why = N_("not a readable .xlsx workbook (a damaged zip archive)");
		return NULL;
	}
	struct sax x;
	memset(&x, 0, sizeof x);
	struct strvec none = {0};
	x.shared = &none;
	x.max = max_bytes;
	char *r = NULL, *xml;
	size_t len = 0;
	*why = N_("not a readable .xlsx workbook (its first sheet is missing or damaged)");
	if (n > (size_t)INT32_MAX || max_bytes > (size_t)INT32_MAX)
		goto out;
	const char *other = other_document(za);
	if (other) {
		*why = other;
		goto out;
	}
	if ((xml = part(za, "xl/workbook.xml", max_bytes, &len))) {
		parse(xml, len, &x, wb_start, NULL);
		free(xml);
	}
	if ((xml = part(za, "xl/_rels/workbook.xml.rels", max_bytes, &len))) {
		parse(xml, len, &x, rel_start, NULL);
		free(xml);
	}
	if ((xml = part(za, "xl/sharedStrings.xml", max_bytes, &len))) {
		if (!parse(xml, len, &x, ss_start, ss_end))
			x.bad = true;
		free(xml);
	}
	x.shared = &x.strings;
	if (x.bad || !(r = report_sheet(za, &x, max_bytes))) {
		if (x.too_big)
			*why = N_("not a readable .xlsx workbook (its first sheet holds more than a report can)");
		goto out;
	}
	*out_len = strlen(r);
	*why = NULL;
out:
	zip_close(za);
	sb_free(&x.text);
	sb_free(&x.csv);
	sv_free(&x.strings);
	sv_free(&x.cells);
	sv_free(&x.rids);
	sv_free(&x.rel_ids);
	sv_free(&x.rel_targets);
	return r;
}
