/* SPDX-License-Identifier: MIT */
/* Signed exchange files between databases: signing what this database
 * exports, and checking who signed what it imports (trust on first use,
 * keys confirmed by phone or carried by the issuer's plan package). */
#ifndef TIENDO_EXCHANGE_KEYS_H
#define TIENDO_EXCHANGE_KEYS_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "keystore.h"
#include "signfile.h"
#include "util.h"

/* Sign the exchange file just written into b with this database's key
 * (made the first time it is needed). */
int exchange_sign(struct db *db, struct strbuf *b, struct err *e);

/* Append to a plan package being written the key rows of every unit whose
 * key this database has confirmed, and of its own unit. flags as
 * csvio_write_row. */
int exchange_package_keys(struct db *db, unsigned flags, struct strbuf *b, struct err *e);

/* Whose key signed a file, as far as this database knows. */
enum key_verdict {
	KEYV_UNSIGNED, /* format 1, no signature: nobody can tell */
	KEYV_OWN,      /* this database's own key */
	KEYV_KNOWN,    /* the key known for the unit */
	KEYV_NEW,      /* no key known for the unit yet: this one is recorded */
	KEYV_CHANGED,  /* another key than the one known for the unit */
};

/* The verdict for a file signed as sf (valid) that says it comes from the
 * unit unit_id (0: a unit this database does not know yet). */
int exchange_key_verdict(struct db *db, const struct signfile *sf, int64_t unit_id,
			 enum key_verdict *out, struct err *e);

/* Refuse unsigned (format 1) files? The setting require-signatures. */
void exchange_require_signatures(bool yes);
bool exchange_signatures_required(void);

/* A plan package loaded by init from path: check its signature (refused
 * when it does not match) and learn its issuer's key and the keys it
 * carries, all confirmed (the package came by hand at setup). *fingerprint
 * (SIGN_FINGERPRINT_BUF) gets the issuer's key fingerprint, "" unsigned. */
int exchange_keys_from_init(struct db *db, const char *path, const char *issuer,
			    char *fingerprint, struct err *e);

/* Learn the keys a package signed by its issuer carries (confirmed), all
 * but the database's own unit's. */
int exchange_learn_keys(struct db *db, const struct signfile *sf, struct err *e);



/* The key file a unit hands over (tiendo key --export): its unit code and
 * public key, signed by the key itself. */
int exchange_key_file(struct db *db, const char *unit, struct strbuf *out, struct err *e);

/* Confirm the key in a key file (read from path): recorded as trusted for
 * its unit. *unit (new string) and fingerprint (SIGN_FINGERPRINT_BUF) say
 * which. One transaction. */
int exchange_trust_file(struct db *db, const char *path, char **unit, char *fingerprint,
			struct err *e);

/* Confirm a unit's key: the one kept aside after a change when there is
 * one (*was gets the old fingerprint, *file the file kept aside; new
 * strings or NULL), else the one recorded on first use. -1 with e when no
 * key is known for the unit. */
int exchange_trust_unit(struct db *db, const char *unit, char *fingerprint, char **was,
			char **file, struct err *e);

#endif
