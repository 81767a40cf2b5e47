/* SPDX-License-Identifier: MIT */
/* Keys for signed exchange files: this database's own key pair and the
 * public keys of the units it exchanges files with (trust on first use,
 * confirmed by phone, changed keys kept aside). Storage only. */
#ifndef TIENDO_KEYSTORE_H
#define TIENDO_KEYSTORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "sign.h"
#include "util.h"

/* This database's key pair; made (and saved) the first time it is asked for. */
int keystore_own(struct db *db, uint8_t pk[SIGN_PUBLIC_BYTES], uint8_t sk[SIGN_SECRET_BYTES],
		 struct err *e);

enum key_state {
	KEY_NONE,    /* no key known for the unit */
	KEY_NEW,     /* recorded from its first signed file, not yet confirmed */
	KEY_TRUSTED, /* confirmed (tiendo trust, or from the issuer's plan package) */
	KEY_CHANGED, /* a file came signed by another key: kept aside until confirmed */
	KEY_STATE_COUNT
};
/* "none", "new", "trusted", "changed" (English keys of the catalog). */
const char *key_state_name(enum key_state s);

struct unit_key {
	enum key_state state;
	bool known, confirmed;
	uint8_t pk[SIGN_PUBLIC_BYTES];
	bool pending;
	uint8_t pending_pk[SIGN_PUBLIC_BYTES];
	char *pending_file, *pending_at, *seen_at;
};
void unit_key_free(struct unit_key *k);

int keystore_get(struct db *db, int64_t unit_id, struct unit_key *out, struct err *e);
/* Record pk as the unit's key (confirmed or not), dropping anything pending. */
int keystore_put(struct db *db, int64_t unit_id, const uint8_t pk[SIGN_PUBLIC_BYTES],
		 bool confirmed, struct err *e);
/* A file of the unit came signed by another key: keep the key and file aside. */
int keystore_hold(struct db *db, int64_t unit_id, const uint8_t pk[SIGN_PUBLIC_BYTES],
		  const char *file, struct err *e);
/* Confirm the unit's key: the one kept aside when there is one, else the recorded one. */
int keystore_confirm(struct db *db, int64_t unit_id, struct err *e);

/* The confirmed keys, by unit code, for a plan package. */
struct unit_key_row {
	char *unit;
	uint8_t pk[SIGN_PUBLIC_BYTES];
	enum key_state state;
	uint8_t pending_pk[SIGN_PUBLIC_BYTES]; /* KEY_CHANGED: the new key held aside */
};
struct unit_key_list {
	struct unit_key_row *v;
	size_t n, cap;
};
void unit_key_list_free(struct unit_key_list *l);
/* Every key known (confirmed_only: the confirmed ones), by unit code. */
int keystore_list(struct db *db, bool confirmed_only, struct unit_key_list *out, struct err *e);

/* The state of code's key in a list (KEY_NONE when absent). */
enum key_state unit_key_list_state(const struct unit_key_list *l, const char *code);

#endif
