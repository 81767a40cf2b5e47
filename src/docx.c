/* SPDX-License-Identifier: MIT */
/* Word documents from an outline (the only file using libzip). The parts are the
 * minimal set Word and LibreOffice need: content types, relationships, styles
 * (Times New Roman, black, the body size), settings, two headers (none on the first
 * page, the page number centred at the top from page 2), the document, one chart
 * part per chart (c:barChart with cached values, so it is drawn and editable), and
 * the core properties. document.xml goes through a temporary file, not memory:
 * a national-scale report is tens of megabytes of XML. */
#include "docx.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "lazy_zip.h"

#include "date.h"
#include "msg.h"
#include "text.h"
#include "xlsx.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Sizes in half points, as the decree sets them (the national title 12-13
 * pt: 12 keeps it on one line in its column, 8.2 cm in Times New Roman bold). */
enum { SZ_HEAD = 26, SZ_NATION = 24, SZ_MOTTO = 28, SZ_TABLE = 24, SZ_RECIP_HEAD = 24, SZ_RECIP = 22 };

static int twips(int mm)
{
	return (mm * 14400 + 127) / 254;
}

void docx_escape(struct strbuf *b, const char *s)
{
	char *fixed = NULL;
	if (!text_valid_utf8(s, strlen(s))) {
		fixed = xstrdup(s);
		text_repair_utf8(fixed);
		s = fixed;
	}
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		/* Copy the run of bytes that need nothing, then deal with one. */
		const unsigned char *q = p;
		while (*q >= 0x20 && *q != '&' && *q != '<' && *q != '>' && *q != '"' && *q != 0xEF)
			q++;
		if (q > p)
			sb_addn(b, (const char *)p, (size_t)(q - p));
		p = q;
		if (!*p)
			break;
		switch (*p) {
		case '&': sb_add(b, "&amp;"); break;
		case '<': sb_add(b, "&lt;"); break;
		case '>': sb_add(b, "&gt;"); break;
		case '"': sb_add(b, "&quot;"); break;
		case 0xEF:
			/* U+FFFE and U+FFFF (EF BF BE/BF) are not XML characters. */
			if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
				p += 2;
			else
				sb_addc(b, (char)*p);
			break;
		default:
			if (*p == '\t' || *p == '\n')
				sb_addc(b, (char)*p);
		}
		p++;
	}
	free(fixed);
}

/* ---------------------------------------------------------------- runs */

struct out {
	FILE *f;        /* document.xml */
	struct strbuf b; /* the current piece, flushed to f */
	int charts;
	int failed;
	bool new_page; /* the next paragraph starts a page */
};

static void flush(struct out *w)
{
	if (w->b.len && fwrite(w->b.s, 1, w->b.len, w->f) != w->b.len)
		w->failed = errno ? errno : EIO;
	w->b.len = 0;
	if (w->b.s)
		w->b.s[0] = '\0';
}

/* A run of text: line breaks become <w:br/>, tabs <w:tab/>. */
static void run(struct strbuf *b, const char *text, unsigned style, int size)
{
	sb_add(b, "<w:r>");
	if (style || size) {
		sb_add(b, "<w:rPr>");
		if (style & OL_BOLD)
			sb_add(b, "<w:b/>");
		if (style & OL_ITALIC)
			sb_add(b, "<w:i/>");
		if (size)
			sb_addf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", size, size);
		sb_add(b, "</w:rPr>");
	}
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n\t");
		if (n) {
			sb_add(b, "<w:t xml:space=\"preserve\">");
			if (p[n]) {
				char *piece = xstrndup(p, n);
				docx_escape(b, piece);
				free(piece);
			} else
				docx_escape(b, p);
			sb_add(b, "</w:t>");
		}
		p += n;
		if (*p == '\n')
			sb_add(b, "<w:br/>");
		else if (*p == '\t')
			sb_add(b, "<w:tab/>");
		if (*p)
			p++;
	}
	sb_add(b, "</w:r>");
}

static const char *jc(enum ol_align a)
{
	switch (a) {
	case OL_CENTER: return "center";
	case OL_RIGHT: return "right";
	case OL_JUSTIFY: return "both";
	default: return "left";
	}
}

/* <w:p> with its properties; after: spacing after in twentieths of a point;
 * keep: on the page of the next paragraph (or table). */
static void para_open_keep(struct strbuf *b, enum ol_align a, int after, int size, bool keep)
{
	sb_addf(b, "<w:p><w:pPr>%s<w:spacing w:before=\"0\" w:after=\"%d\"/>", keep ? "<w:keepNext/>" : "",
		after);
	sb_addf(b, "<w:jc w:val=\"%s\"/>", jc(a));
	if (size)
		sb_addf(b, "<w:rPr><w:sz w:val=\"%d\"/></w:rPr>", size);
	sb_add(b, "</w:pPr>");
}

static void para_open(struct strbuf *b, enum ol_align a, int after, int size)
{
	para_open_keep(b, a, after, size, false);
}

static void line(struct strbuf *b, const char *text, unsigned style, int size, enum ol_align a)
{
	para_open(b, a, 0, size);
	run(b, text, style, size);
	sb_add(b, "</w:p>");
}

/* A short rule under the line above: an empty paragraph with a bottom
 * border, indented to a third of the cell. */
static void rule(struct strbuf *b, int indent)
{
	sb_addf(b, "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\""
		   " w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"60\""
		   " w:lineRule=\"exact\"/><w:ind w:left=\"%d\" w:right=\"%d\"/></w:pPr></w:p>",
		indent, indent);
}

static void table_open(struct strbuf *b, bool borders, const int *cols, size_t n)
{
	const char *v = borders ? "single" : "nil";
	/* CT_TblPr's order matters to Word: width, borders, layout, margins. */
	sb_add(b, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
	const char *sides[] = {"top", "left", "bottom", "right", "insideH", "insideV"};
	for (size_t i = 0; i < ARRAY_LEN(sides); i++)
		sb_addf(b, "<w:%s w:val=\"%s\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", sides[i], v);
	sb_add(b, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\""
		  " w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < n; i++)
		sb_addf(b, "<w:gridCol w:w=\"%d\"/>", cols[i]);
	sb_add(b, "</w:tblGrid>");
}

static void cell_open(struct strbuf *b, int width)
{
	sb_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", width);
}

static int text_width(const struct outline *o)
{
	return 11906 - twips(o->page.left) - twips(o->page.right);
}

/* ---------------------------------------------------------------- blocks */

static void header_block(const struct outline *o, struct strbuf *b)
{
	const struct ol_header *h = &o->head;
	/* 45 % / 55 %: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" (6.5 cm bold 13 pt) and the
	 * national title each fit on one line of a 16.5 cm text width. */
	int w = text_width(o), cols[2] = {w * 45 / 100, w - w * 45 / 100};
	table_open(b, false, cols, 2);
	sb_add(b, "<w:tr>");
	cell_open(b, cols[0]);
	line(b, h->gov ? h->gov : "", 0, SZ_HEAD, OL_CENTER);
	line(b, h->org ? h->org : "", OL_BOLD, SZ_HEAD, OL_CENTER);
	rule(b, cols[0] / 3);
	line(b, h->number ? h->number : "", 0, SZ_HEAD, OL_CENTER);
	if (h->summary)
		line(b, h->summary, 0, SZ_TABLE, OL_CENTER);
	sb_add(b, "</w:tc>");
	cell_open(b, cols[1]);
	line(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", OL_BOLD, SZ_NATION, OL_CENTER);
	line(b, "Độc lập - Tự do - Hạnh phúc", OL_BOLD, SZ_MOTTO, OL_CENTER);
	rule(b, cols[1] / 5);
	line(b, h->place_date ? h->place_date : "", OL_ITALIC, SZ_MOTTO, OL_CENTER);
	sb_add(b, "</w:tc></w:tr></w:tbl>");
	para_open(b, OL_LEFT, 120, 0);
	sb_add(b, "</w:p>");
}

static void footer_block(const struct outline *o, struct strbuf *b)
{
	int w = text_width(o), cols[2] = {w / 2, w - w / 2};
	para_open_keep(b, OL_LEFT, 0, 0, true);
	sb_add(b, "</w:p>");
	table_open(b, false, cols, 2);
	sb_add(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	cell_open(b, cols[0]);
	line(b, "Nơi nhận:", OL_BOLD | OL_ITALIC, SZ_RECIP_HEAD, OL_LEFT);
	for (size_t i = 0; i < o->foot.recipients.n; i++) {
		struct strbuf t = {0};
		sb_addf(&t, "- %s", o->foot.recipients.v[i]);
		line(b, t.s, 0, SZ_RECIP, OL_LEFT);
		sb_free(&t);
	}
	sb_add(b, "</w:tc>");
	cell_open(b, cols[1]);
	line(b, o->foot.signer_title ? o->foot.signer_title : "", OL_BOLD, SZ_MOTTO, OL_CENTER);
	for (int i = 0; i < 4; i++)
		line(b, "", 0, SZ_MOTTO, OL_CENTER);
	line(b, o->foot.signer ? o->foot.signer : "", OL_BOLD, SZ_MOTTO, OL_CENTER);
	sb_add(b, "</w:tc></w:tr></w:tbl>");
}

static void table_block(const struct outline *o, const struct ol_table *t, struct out *w)
{
	int tw = text_width(o);
	int *cols = xmalloc((t->cols ? t->cols : 1) * sizeof *cols);
	for (size_t c = 0; c < t->cols; c++)
		cols[c] = (int)((long)tw * t->widths[c] / 100);
	table_open(&w->b, true, cols, t->cols);
	for (size_t r = 0; r < t->rows; r++) {
		bool head = r < t->header_rows;
		sb_add(&w->b, head ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
		for (size_t c = 0; c < t->cols; c++) {
			/* The grid gives the widths; the Cell styles the size and spacing. */
			if (head)
				cell_open(&w->b, cols[c]);
			else
				sb_add(&w->b, "<w:tc>");
			sb_add(&w->b, head ? "<w:p><w:pPr><w:pStyle w:val=\"CellHead\"/></w:pPr>"
					   : "<w:p><w:pPr><w:pStyle w:val=\"Cell\"/></w:pPr>");
			if (*t->cells[r * t->cols + c])
				run(&w->b, t->cells[r * t->cols + c], 0, 0);
			sb_add(&w->b, "</w:p></w:tc>");
		}
		sb_add(&w->b, "</w:tr>");
		if (w->b.len > 65536)
			flush(w);
	}
	sb_add(&w->b, "</w:tbl>");
	para_open(&w->b, OL_LEFT, 120, 0);
	sb_add(&w->b, "</w:p>");
	free(cols);
}

static void chart_ref(struct strbuf *b, int n)
{
	/* 15 cm x 8 cm, in EMU. */
	sb_addf(b, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
		   "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"5400000\""
		   " cy=\"2880000\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"%d\""
		   " name=\"Chart %d\"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a=\"" NS_A "\">"
		   "<a:graphicData uri=\"" NS_C "\"><c:chart xmlns:c=\"" NS_C "\" xmlns:r=\"" NS_R
		   "\" r:id=\"rIdChart%d\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
		n, n, n);
}

/* "Kính gửi:" at 3 cm, its addressees one a line at 5.5 cm (the label's
 * line: after a tab; the others: after a line break). */
static void address_block(const struct ol_block *k, bool keep, struct strbuf *b)
{
	enum { AT = 1701, HANG = 1418 };
	sb_addf(b, "<w:p><w:pPr>%s<w:keepLines/><w:tabs><w:tab w:val=\"left\" w:pos=\"%d\"/></w:tabs>"
		   "<w:spacing w:before=\"0\" w:after=\"120\"/><w:ind w:left=\"%d\" w:hanging=\"%d\"/>"
		   "<w:jc w:val=\"left\"/></w:pPr>", keep ? "<w:keepNext/>" : "", AT + HANG, AT + HANG, HANG);
	for (size_t i = 0; i < k->n_runs; i++) {
		if (i)
			run(b, i == 1 ? "\t" : "\n", 0, k->size);
		run(b, k->runs[i].text, k->runs[i].style, k->size);
	}
	sb_add(b, "</w:p>");
}

/* A paragraph's properties: justified body text in the Body style, others
 * as set; a heading stays with what follows, keep also; brk: it starts a
 * page (rather than an empty paragraph holding a break before it: an empty
 * line atop the page, a blank page when the page above was full). */
static void para_props(struct strbuf *b, const struct ol_block *k, bool keep, bool brk)
{
	bool body = k->align == OL_JUSTIFY && !k->size;
	sb_addf(b, "<w:p><w:pPr>%s%s%s", body ? "<w:pStyle w:val=\"Body\"/>" : "",
		keep || k->kind == OL_HEADING ? "<w:keepNext/>" : "", brk ? "<w:pageBreakBefore/>" : "");
	if (!body) {
		sb_addf(b, "<w:spacing w:before=\"0\" w:after=\"120\"/><w:jc w:val=\"%s\"/>", jc(k->align));
		if (k->size)
			sb_addf(b, "<w:rPr><w:sz w:val=\"%d\"/></w:rPr>", k->size);
	}
	sb_add(b, "</w:pPr>");
}

/* next: the block after k, or NULL. The block before the footer block
 * stays on its page. */
static void block(const struct outline *o, const struct ol_block *k, const struct ol_block *next,
		  struct out *w)
{
	struct strbuf *b = &w->b;
	bool keep = next && next->kind == OL_SIGNATURE, brk = w->new_page;
	w->new_page = false;
	switch (k->kind) {
	case OL_HEADING:
	case OL_PARA:
		if (k->level == OL_ADDRESS && k->kind == OL_PARA && !brk) {
			address_block(k, keep, b);
			break;
		}
		para_props(b, k, keep, brk);
		for (size_t i = 0; i < k->n_runs; i++)
			run(b, k->runs[i].text,
			    k->runs[i].style | (k->kind == OL_HEADING ? OL_BOLD : 0), k->size);
		sb_add(b, "</w:p>");
		break;
	case OL_TABLE:
		table_block(o, k->table, w);
		break;
	case OL_CHART:
		chart_ref(b, ++w->charts);
		break;
	case OL_SIGNATURE:
		footer_block(o, b);
		break;
	case OL_PAGE_BREAK:
		if (next && (next->kind == OL_PARA || next->kind == OL_HEADING))
			w->new_page = true;
		else
			sb_add(b, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
		break;
	case OL_RULE: /* a third of the line */
		rule(b, text_width(o) / 3);
		break;
	}
}

static void document(const struct outline *o, struct out *w)
{
	struct strbuf *b = &w->b;
	sb_add(b, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" xmlns:wp=\"" NS_WP
		  "\" xmlns:a=\"" NS_A "\"><w:body>");
	header_block(o, b);
	for (size_t i = 0; i < o->n; i++) {
		block(o, &o->v[i], i + 1 < o->n ? &o->v[i + 1] : NULL, w);
		if (b->len > 65536)
			flush(w);
	}
	if (!outline_has_signature(o))
		footer_block(o, b);
	sb_addf(b, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
		   "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>"
		   "<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/><w:pgMar w:top=\"%d\""
		   " w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"567\" w:footer=\"567\""
		   " w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>",
		twips(o->page.top), twips(o->page.right), twips(o->page.bottom), twips(o->page.left));
	flush(w);
}

/* ---------------------------------------------------------------- parts */

static char *chart_xml(const struct ol_chart *c)
{
	struct strbuf b = {0};
	sb_add(&b, XML_DECL "<c:chartSpace xmlns:c=\"" NS_C "\" xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R
		   "\"><c:roundedCorners val=\"0\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr>"
		   "<a:defRPr sz=\"1200\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"vi-VN\" sz=\"1200\" b=\"1\">"
		   "<a:latin typeface=\"Times New Roman\"/></a:rPr><a:t>");
	docx_escape(&b, c->title);
	sb_add(&b, "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
		   "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/>"
		   "<c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
	for (size_t s = 0; s < c->n_series; s++) {
		char col = (char)('B' + s);
		sb_addf(&b, "<c:ser><c:idx val=\"%zu\"/><c:order val=\"%zu\"/><c:tx><c:strRef>"
			    "<c:f>Sheet1!$%c$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>",
			s, s, col);
		docx_escape(&b, c->series[s]);
		sb_addf(&b, "</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr><a:solidFill>"
			    "<a:srgbClr val=\"%s\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
			    "<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
			    "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>"
			    "</c:dLbls><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$%zu</c:f><c:strCache>"
			    "<c:ptCount val=\"%zu\"/>",
			s ? "C0504D" : "4F81BD", c->n_cats + 1, c->n_cats);
		for (size_t i = 0; i < c->n_cats; i++) {
			sb_addf(&b, "<c:pt idx=\"%zu\"><c:v>", i);
			docx_escape(&b, c->cats[i]);
			sb_add(&b, "</c:v></c:pt>");
		}
		sb_addf(&b, "</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$%c$2:$%c$%zu</c:f>"
			    "<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"%zu\"/>",
			col, col, c->n_cats + 1, c->n_cats);
		for (size_t i = 0; i < c->n_cats; i++) {
			char num[32];
			if (isnan(c->values[s * c->n_cats + i]))
				continue; /* no point: a gap */
			fmt_num(num, sizeof num, c->values[s * c->n_cats + i]);
			sb_addf(&b, "<c:pt idx=\"%zu\"><c:v>%s</c:v></c:pt>", i, num);
		}
		sb_add(&b, "</c:numCache></c:numRef></c:val></c:ser>");
	}
	sb_add(&b, "<c:gapWidth val=\"80\"/><c:axId val=\"111\"/><c:axId val=\"222\"/></c:barChart>"
		   "<c:catAx><c:axId val=\"111\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
		   "<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
		   "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"222\"/><c:crosses val=\"autoZero\"/>"
		   "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
		   "<c:valAx><c:axId val=\"222\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
		   "<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/><c:numFmt formatCode=\"General\""
		   " sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"111\"/>"
		   "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx></c:plotArea>");
	sb_add(&b, c->n_series > 1 ? "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>" : "");
	/* The figures also travel as an embedded workbook (see chart_rels), so
	 * that Word's "Edit Data" opens them. */
	sb_add(&b, "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:txPr><a:bodyPr/>"
		   "<a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1100\"><a:latin typeface=\"Times New Roman\"/>"
		   "</a:defRPr></a:pPr><a:endParaRPr lang=\"vi-VN\"/></a:p></c:txPr>"
		   "<c:externalData r:id=\"rIdData\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>");
	return sb_take(&b);
}

static char *chart_rels(int n)
{
	struct strbuf b = {0};
	sb_addf(&b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		    "<Relationship Id=\"rIdData\" Type=\"" REL "package\" Target=\"../embeddings/chart%d.xlsx\"/>"
		    "</Relationships>", n);
	return sb_take(&b);
}

static char *styles_xml(const struct outline *o)
{
	struct strbuf b = {0};
	sb_addf(&b, XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
		    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\""
		    " w:cs=\"Times New Roman\"/><w:color w:val=\"000000\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
		    "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
		    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr>"
		    "</w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
		    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
		    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Body\"><w:name w:val=\"Body\"/>"
		    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
		    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Cell\"><w:name w:val=\"Cell\"/>"
		    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
		    "</w:pPr><w:rPr><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>"
		    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"CellHead\"><w:name w:val=\"Cell Head\"/>"
		    "<w:basedOn w:val=\"Cell\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
		    "<w:style w:type=\"table\" w:default=\"1\""
		    " w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\""
		    " w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
		    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
		    "</w:tblPr></w:style></w:styles>",
		o->page.body_size, o->page.body_size, SZ_TABLE, SZ_TABLE);
	return sb_take(&b);
}

static char *header_xml(bool page_number)
{
	struct strbuf b = {0};
	sb_add(&b, XML_DECL "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr>"
		   "<w:jc w:val=\"center\"/></w:pPr>");
	if (page_number)
		sb_add(&b, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText"
			   " xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar"
			   " w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar"
			   " w:fldCharType=\"end\"/></w:r>");
	sb_add(&b, "</w:p></w:hdr>");
	return sb_take(&b);
}

static char *content_types(int charts)
{
	struct strbuf b = {0};
	sb_add(&b, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
		   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		   "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
		   "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
		   "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
		   "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
		   "<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
		   "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
		   "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>");
	if (charts)
		sb_add(&b, "<Default Extension=\"xlsx\" ContentType=\"application/"
			   "vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>");
	for (int i = 1; i <= charts; i++)
		sb_addf(&b, "<Override PartName=\"/word/charts/chart%d.xml\" ContentType=\"application/"
			    "vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>", i);
	sb_add(&b, "</Types>");
	return sb_take(&b);
}

static char *document_rels(int charts)
{
	struct strbuf b = {0};
	sb_add(&b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		   "<Relationship Id=\"rIdStyles\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
		   "<Relationship Id=\"rIdSettings\" Type=\"" REL "settings\" Target=\"settings.xml\"/>"
		   "<Relationship Id=\"rIdHeader\" Type=\"" REL "header\" Target=\"header1.xml\"/>"
		   "<Relationship Id=\"rIdHeaderFirst\" Type=\"" REL "header\" Target=\"header2.xml\"/>");
	for (int i = 1; i <= charts; i++)
		sb_addf(&b, "<Relationship Id=\"rIdChart%d\" Type=\"" REL "chart\" Target=\"charts/chart%d.xml\"/>",
			i, i);
	sb_add(&b, "</Relationships>");
	return sb_take(&b);
}

static char *core_xml(const struct outline *o)
{
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	struct strbuf b = {0};
	sb_add(&b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
		   "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms="
		   "\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
		   "<dc:title>");
	docx_escape(&b, o->title);
	sb_addf(&b, "</dc:title><dc:creator>tiendo</dc:creator><dc:language>vi-VN</dc:language>"
		    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created></cp:coreProperties>",
		stamp);
	return sb_take(&b);
}

static const char rels_xml[] =
	XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
	"metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" Target=\"docProps/app.xml\"/>"
	"</Relationships>";
static const char settings_xml[] =
	XML_DECL "<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"720\"/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting"
	" w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat></w:settings>";
static const char app_xml[] =
	XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>tiendo</Application></Properties>";

/* ---------------------------------------------------------------- zip */

/* Add a part held in memory; the archive frees it (owned) or not (static). */
static int add_part(zip_t *z, const char *name, const char *data, bool owned)
{
	zip_source_t *s = zip_source_buffer(z, data, strlen(data), owned ? 1 : 0);
	if (!s)
		return -1;
	if (zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

/* Chart n: its part, its relationships and its figures as a workbook (a
 * temporary file, read when the archive is closed; its name goes to data
 * for the caller to remove). */
static int add_chart(zip_t *z, const struct ol_chart *c, int n, struct strvec *data, struct err *e)
{
	char name[64];
	snprintf(name, sizeof name, "word/charts/chart%d.xml", n);
	if (add_part(z, name, chart_xml(c), true))
		return -1;
	snprintf(name, sizeof name, "word/charts/_rels/chart%d.xml.rels", n);
	if (add_part(z, name, chart_rels(n), true))
		return -1;
	const char *dir = getenv("TMPDIR");
	struct strbuf p = {0};
	sb_addf(&p, "%s/tiendo-chart-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = compat_mkstemp(p.s);
	if (fd < 0) {
		sb_free(&p);
		return err_set(e, "%s", tr_errno(errno));
	}
	close(fd);
	sv_push(data, p.s);
	sb_free(&p);
	if (xlsx_chart_data(c, data->v[data->n - 1], e))
		return -1;
	snprintf(name, sizeof name, "word/embeddings/chart%d.xlsx", n);
	zip_source_t *s = zip_source_file(z, data->v[data->n - 1], 0, -1);
	if (!s || zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		if (s)
			zip_source_free(s);
		return err_set(e, "%s", zip_strerror(z));
	}
	return 0;
}

/* *doc becomes the archive's (and NULL) once added; data collects the
 * temporary files of the charts' workbooks. */
static int fill(zip_t *z, const struct outline *o, FILE **doc, int charts, struct strvec *data,
		struct err *e)
{
	/* [Content_Types].xml first, as some readers expect. */
	if (add_part(z, "[Content_Types].xml", content_types(charts), true) ||
	    add_part(z, "_rels/.rels", rels_xml, false) ||
	    add_part(z, "docProps/core.xml", core_xml(o), true) ||
	    add_part(z, "docProps/app.xml", app_xml, false) ||
	    add_part(z, "word/_rels/document.xml.rels", document_rels(charts), true) ||
	    add_part(z, "word/styles.xml", styles_xml(o), true) ||
	    add_part(z, "word/settings.xml", settings_xml, false) ||
	    add_part(z, "word/header1.xml", header_xml(true), true) ||
	    add_part(z, "word/header2.xml", header_xml(false), true))
		return -1;
	zip_source_t *s = zip_source_filep(z, *doc, 0, -1);
	if (!s)
		return -1;
	*doc = NULL; /* freeing the source closes it */
	zip_int64_t idx = zip_file_add(z, "word/document.xml", s, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(s);
		return -1;
	}
	/* Deflate level 1: at the default level zlib was the largest single cost of a
	 * national-scale report (a third of its time). */
	zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
	int n = 0;
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].kind == OL_CHART && add_chart(z, o->v[i].chart, ++n, data, e))
			return -1;
	return 0;
}

int docx_write(const struct outline *o, const char *path, struct err *e)
{
	if (zp_load(e))
		return -1;
	struct out w = {.f = tmpfile()};
	if (!w.f)
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path, tr_errno(errno));
	document(o, &w);
	sb_free(&w.b);
	if (w.failed || fflush(w.f)) {
		fclose(w.f);
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path,
			       strerror(w.failed ? w.failed : errno));
	}
	rewind(w.f);
	char *tmp = file_temp_beside(path);
	if (!tmp) {
		fclose(w.f);
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path, tr_errno(errno));
	}
	int zerr = 0;
	zip_t *z = zip_open(tmp, ZIP_TRUNCATE, &zerr);
	if (!z) {
		fclose(w.f);
		compat_unlink(tmp);
		free(tmp);
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path,
			       tr("cannot create the zip archive"));
	}
	struct strvec data = {0};
	e->msg[0] = '\0';
	int bad = fill(z, o, &w.f, w.charts, &data, e) || zip_close(z);
	for (size_t i = 0; i < data.n; i++)
		compat_unlink(data.v[i]);
	sv_free(&data);
	if (bad) {
		char why[sizeof e->msg];
		snprintf(why, sizeof why, "%.900s", e->msg[0] ? e->msg : zip_strerror(z));
		zip_discard(z);
		if (w.f)
			fclose(w.f);
		compat_unlink(tmp);
		free(tmp);
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path, why);
	}
	int rc = file_commit(tmp, path);
	if (rc)
		err_set(e, tr("cannot write %s: %s (nothing was written)"), path, tr_errno(errno));
	free(tmp);
	return rc;
}
