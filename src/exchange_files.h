/* SPDX-License-Identifier: MIT */
/* Around exchange files, shared by the command line and the interface: which files a
 * folder holds for import, where an exported report goes, and to whom it is sent. */
#ifndef TIENDO_EXCHANGE_FILES_H
#define TIENDO_EXCHANGE_FILES_H

#include "period.h"
#include "store.h"
#include "util.h"

/* The files to import from arg, appended to files: a folder's .csv files
 * (any case, hidden ones skipped) sorted by name, or arg itself when it is
 * not a folder (reading it will say what is wrong). */
void exchange_list_files(const char *arg, struct strvec *files);
/* The same, appending to skipped what a folder holds under a .csv name
 * but is not a regular file (a FIFO, a device, a socket), to be named. */
void exchange_list_files_skipping(const char *arg, struct strvec *files, struct strvec *skipped);

/* The folder exported files are written to, as an absolute path:
 * $TIENDO_EXPORT_DIR when set (relative to the current folder), else the
 * current folder. New string; NULL with errno set when the current folder
 * is unknown. */
char *exchange_export_dir(void);

/* dir/name (no doubled slash). New string. */
char *exchange_path_join(const char *dir, const char *name);

/* The unit that sender's report for a period of this type goes to, from
 * the reporting regime (the first rule naming the sender among its
 * reporters); NULL when the regime names none. */
const struct unit_rec *exchange_recipient(const struct unit_set *units,
					  const struct rule_list *rules,
					  const struct unit_rec *sender, enum period_type type);

#endif
