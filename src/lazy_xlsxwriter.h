/* SPDX-License-Identifier: MIT */
/* libxlsxwriter: loaded on first use where the build found its soname (see
 * lazylib.h). Include after <xlsxwriter.h>; the calls stay as written, each name
 * standing for the loaded function's pointer. xw_load(e) before the first
 * call: 0, or -1 with e set. */
#ifndef TIENDO_LAZY_XLSXWRITER_H
#define TIENDO_LAZY_XLSXWRITER_H

#ifdef TIENDO_XLSXWRITER_SO
#include "lazylib.h"
#include "msg.h"
#include "util.h"

#define XW_FUNCS(X) \
	X(chart_add_series) \
	X(chart_axis_set_num_format) \
	X(chart_legend_set_position) \
	X(chart_series_set_categories) \
	X(chart_series_set_name) \
	X(chart_series_set_values) \
	X(chart_title_set_name) \
	X(format_set_align) \
	X(format_set_bg_color) \
	X(format_set_bold) \
	X(format_set_border) \
	X(format_set_num_format) \
	X(format_set_text_wrap) \
	X(lxw_strerror) \
	X(workbook_add_chart) \
	X(workbook_add_format) \
	X(workbook_add_worksheet) \
	X(workbook_close) \
	X(workbook_new) \
	X(workbook_new_opt) \
	X(workbook_set_properties) \
	X(worksheet_autofilter) \
	X(worksheet_fit_to_pages) \
	X(worksheet_freeze_panes) \
	X(worksheet_insert_chart) \
	X(worksheet_repeat_rows) \
	X(worksheet_set_column) \
	X(worksheet_set_landscape) \
	X(worksheet_set_paper) \
	X(worksheet_set_row) \
	X(worksheet_write_datetime) \
	X(worksheet_write_number) \
	X(worksheet_write_string)

#define XW_SLOT(f) __typeof__(&f) f;
static struct {
	XW_FUNCS(XW_SLOT)
} xw_api;

static int xw_load(struct err *e)
{
	static struct lazylib l = {.soname = TIENDO_XLSXWRITER_SO};
	static bool bound;
	if (bound)
		return 0;
	if (lazylib_open(&l) == 0) {
		bool ok = true;
#define XW_BIND(f) ok = ok && lazylib_sym(&l, #f, &xw_api.f, sizeof xw_api.f);
		XW_FUNCS(XW_BIND)
#undef XW_BIND
		bound = ok;
	}
	if (!bound)
		return err_set(e, tr("cannot load the library %s: %s"), l.soname, l.why);
	return 0;
}

#define chart_add_series (*xw_api.chart_add_series)
#define chart_axis_set_num_format (*xw_api.chart_axis_set_num_format)
#define chart_legend_set_position (*xw_api.chart_legend_set_position)
#define chart_series_set_categories (*xw_api.chart_series_set_categories)
#define chart_series_set_name (*xw_api.chart_series_set_name)
#define chart_series_set_values (*xw_api.chart_series_set_values)
#define chart_title_set_name (*xw_api.chart_title_set_name)
#define format_set_align (*xw_api.format_set_align)
#define format_set_bg_color (*xw_api.format_set_bg_color)
#define format_set_bold (*xw_api.format_set_bold)
#define format_set_border (*xw_api.format_set_border)
#define format_set_num_format (*xw_api.format_set_num_format)
#define format_set_text_wrap (*xw_api.format_set_text_wrap)
#define lxw_strerror (*xw_api.lxw_strerror)
#define workbook_add_chart (*xw_api.workbook_add_chart)
#define workbook_add_format (*xw_api.workbook_add_format)
#define workbook_add_worksheet (*xw_api.workbook_add_worksheet)
#define workbook_close (*xw_api.workbook_close)
#define workbook_new (*xw_api.workbook_new)
#define workbook_new_opt (*xw_api.workbook_new_opt)
#define workbook_set_properties (*xw_api.workbook_set_properties)
#define worksheet_autofilter (*xw_api.worksheet_autofilter)
#define worksheet_fit_to_pages (*xw_api.worksheet_fit_to_pages)
#define worksheet_freeze_panes (*xw_api.worksheet_freeze_panes)
#define worksheet_insert_chart (*xw_api.worksheet_insert_chart)
#define worksheet_repeat_rows (*xw_api.worksheet_repeat_rows)
#define worksheet_set_column (*xw_api.worksheet_set_column)
#define worksheet_set_landscape (*xw_api.worksheet_set_landscape)
#define worksheet_set_paper (*xw_api.worksheet_set_paper)
#define worksheet_set_row (*xw_api.worksheet_set_row)
#define worksheet_write_datetime (*xw_api.worksheet_write_datetime)
#define worksheet_write_number (*xw_api.worksheet_write_number)
#define worksheet_write_string (*xw_api.worksheet_write_string)

#else
#define xw_load(e) ((void)(e), 0)
#endif

#endif
