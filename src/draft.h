/* SPDX-License-Identifier: MIT */
/* The department's documents as outlines: the half-year report (Báo cáo) and the
 * reminder letter (công văn đôn đốc), drafted from the consolidated data in the
 * format of Decree 30/2020/NĐ-CP. */
#ifndef TIENDO_DRAFT_H
#define TIENDO_DRAFT_H

#include "consolidation.h"
#include "outline.h"

/* What the database does not know, from options or settings; NULL or ""
 * when unknown (then the draft leaves a dotted blank, never a guess). */
struct draft_opts {
	const char *org;          /* governing body's name in the header ("UBND TỈNH ĐỒNG THÁP") */
	const char *place;        /* place name of the date line; default: the plan's place */
	const char *signer_title; /* "GIÁM ĐỐC" */
	const char *signer;       /* the signer's name */
	const char *symbol;       /* the document symbol after the number ("BC-SKHCN") */
};

/* The dotted blank left for the clerk. */
#define DRAFT_BLANK "……"

/* The report on the plan's results for the period. The outline borrows
 * c's texts: free it before c. */
void draft_report(const struct consolidated *c, const struct draft_opts *opt, struct outline *o);
/* The reminder to the units that have not reported (to the owner) for the
 * period; *n_missing gets their number. */
void draft_reminder(const struct consolidated *c, const struct draft_opts *opt,
		    struct outline *o, size_t *n_missing);

/* Shared by the two drafts (draft.c). */
void draft_header(const struct consolidated *c, const struct draft_opts *opt, const char *kind,
		  struct outline *o);
/* "6 tháng đầu năm 2026" for 2026S1, "quý II năm 2026", "tháng 6 năm 2026", "năm 2026". */
void draft_period_words(const char *period, char *buf, size_t n);
/* "Kế hoạch số 118/KH-UBND ngày 13/8/2025 của Ủy ban nhân dân tỉnh Đồng Tháp", or
 * the plan's title when it has no number. New string. */
char *draft_plan_ref(const struct consolidated *c);
/* A date as "20/6/2026". */
void draft_date(day_t d, char *buf, size_t n);
/* An indicator's target as the documents write it, in Vietnamese whatever the
 * interface language: ">=80,5%", ">=3", "Hoàn thành" for a milestone. */
void draft_target_words(const struct indicator_rec *d, char *buf, size_t n);

#endif
