/* SPDX-License-Identifier: MIT */
/* The unit hierarchy in memory: lookup by code or id, and group membership. */
#ifndef TIENDO_UNITS_H
#define TIENDO_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"

struct unit_rec {
	int64_t id, parent_id; /* parent_id 0 for a root */
	char *code, *name, *members;
	enum unit_kind kind;
	bool retired;
};

struct unit_set {
	struct unit_rec *v; /* sorted by code (byte order) */
	size_t n, cap;
	size_t *by_id;      /* indexes into v sorted by id; built by unit_set_index */
	bool packed;        /* each unit's code, name and members in one block at code */
	int64_t sole_root;  /* the root every unit's parents lead to; 0: none (by the index) */
	size_t rooted_n;    /* how many units of v that was worked out for */
	bool *has_child;    /* parallel to v: some unit's parent (with the index) */
	size_t child_n;     /* how many units of v that was worked out for */
};

/* Build the id index; call after filling v in code order. */
void unit_set_index(struct unit_set *s);
/* Is u (of s) some unit's parent? From the index when it is up to date. */
bool unit_set_has_child(const struct unit_set *s, const struct unit_rec *u);
/* Put v, filled in ascending id order, in code order and build the id
 * index with it (one sort, not two). */
void unit_set_order_from_ids(struct unit_set *s);

void unit_set_free(struct unit_set *s);
const struct unit_rec *unit_set_find(const struct unit_set *s, const char *code);
const struct unit_rec *unit_set_by_id(const struct unit_set *s, int64_t id);
/* Is a a descendant of (or equal to) b? */
bool unit_under(const struct unit_set *s, const struct unit_rec *a, const struct unit_rec *b);
/* Is u the unit "target", or a member of it when target is a group: listed
 * by code, or of a listed kind and under the group's parent. */
bool unit_covers(const struct unit_set *s, const struct unit_rec *target, const struct unit_rec *u);
/* Does any code in the space-separated list cover u? */
bool unit_list_covers(const struct unit_set *s, const char *codes, const struct unit_rec *u);
/* The same for every unit of s at once: out[i] for s->v[i]. */
void unit_list_covers_each(const struct unit_set *s, const char *codes, bool *out);

/* Indexes into s->v for listing the hierarchy: each unit followed by its
 * children, depth first; siblings by kind (province, departments, boards,
 * agencies, press, communes and wards together, divisions, external bodies,
 * groups), then by name in Vietnamese order, then by code. A unit whose
 * parent is missing (or lies on a cycle) is listed as a root. New array. */
size_t *unit_set_tree_order(const struct unit_set *s);
/* Indexes into s->v by name in Vietnamese order, then by code. New array. */
size_t *unit_set_name_order(const struct unit_set *s);

#endif
