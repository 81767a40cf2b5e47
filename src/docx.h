/* SPDX-License-Identifier: MIT */
/* Word documents (.docx, WordprocessingML in a zip) from an outline, in the format of
 * Decree 30/2020/NĐ-CP; charts as native DrawingML charts. */
#ifndef TIENDO_DOCX_H
#define TIENDO_DOCX_H

#include "outline.h"
#include "util.h"

/* Write o to path atomically (a temporary file beside it, then rename).
 * -1 with e set on failure; then path is untouched. */
int docx_write(const struct outline *o, const char *path, struct err *e);

/* Append s to b escaped for XML text: & < > " escaped, characters XML 1.0
 * forbids (control characters but tab and line feed) dropped, bytes that
 * are not UTF-8 replaced by '?'. */
void docx_escape(struct strbuf *b, const char *s);

#endif
