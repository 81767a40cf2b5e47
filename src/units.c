/* SPDX-License-Identifier: MIT */
/* The unit hierarchy in memory: lookup by code or id, and group membership.
 *
 * A plan assigns work to collectives ("các sở, ban, ngành, địa phương"),
 * so a group unit names its members by kind or code. Membership by kind is
 * limited to the group's parent's subtree, so that the communes of one
 * province are not members of another province's group in a database that
 * holds several plans. */
#include "units.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "util.h"

void unit_set_free(struct unit_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].code);
		if (!s->packed) {
			free(s->v[i].name);
			free(s->v[i].members);
		}
	}
	free(s->v);
	free(s->by_id);
	free(s->has_child);
	memset(s, 0, sizeof *s);
}

static const struct unit_set *sort_set; /* qsort has no context argument */

static int cmp_by_id(const void *a, const void *b)
{
	int64_t x = sort_set->v[*(const size_t *)a].id, y = sort_set->v[*(const size_t *)b].id;
	return (x > y) - (x < y);
}

/* Does every unit's chain of parents lead to one root (no cycle, no
 * missing parent)? Then unit_under need not walk when asked about that
 * root: the first screen asks it of every unit for every group. */
static void find_sole_root(struct unit_set *s)
{
	s->sole_root = 0;
	s->rooted_n = 0;
	int64_t root = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!s->v[i].parent_id) {
			if (root)
				return;
			root = s->v[i].id;
		}
	if (!root)
		return;
	for (size_t i = 0; i < s->n; i++) {
		const struct unit_rec *a = &s->v[i];
		size_t steps = 0; /* most units sit right under the root: no look-up */
		while (a && a->parent_id && a->parent_id != root && steps++ <= s->n)
			a = unit_set_by_id(s, a->parent_id);
		if (!a || (a->id != root && a->parent_id != root))
			return;
	}
	s->sole_root = root;
	s->rooted_n = s->n;
}

/* Which units are some unit's parent: an import asks it of every sender
 * (report_owned_units), most of them communes with nobody under them. */
static void mark_parents(struct unit_set *s)
{
	free(s->has_child);
	s->has_child = xcalloc(s->n ? s->n : 1, sizeof *s->has_child);
	for (size_t i = 0; i < s->n; i++) {
		const struct unit_rec *p = s->v[i].parent_id ? unit_set_by_id(s, s->v[i].parent_id) : NULL;
		if (p)
			s->has_child[p - s->v] = true;
	}
	s->child_n = s->n;
}

bool unit_set_has_child(const struct unit_set *s, const struct unit_rec *u)
{
	if (s->has_child && s->child_n == s->n)
		return s->has_child[u - s->v];
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].parent_id == u->id)
			return true;
	return false;
}

void unit_set_index(struct unit_set *s)
{
	free(s->by_id);
	s->by_id = xmalloc((s->n ? s->n : 1) * sizeof *s->by_id);
	for (size_t i = 0; i < s->n; i++)
		s->by_id[i] = i;
	sort_set = s;
	qsort(s->by_id, s->n, sizeof *s->by_id, cmp_by_id);
	sort_set = NULL;
	find_sole_root(s);
	mark_parents(s);
}

static int cmp_code_at(const void *a, const void *b)
{
	return strcmp(sort_set->v[*(const size_t *)a].code, sort_set->v[*(const size_t *)b].code);
}

void unit_set_order_from_ids(struct unit_set *s)
{
	size_t n = s->n;
	bool by_id = true;
	for (size_t i = 1; i < n && by_id; i++)
		by_id = s->v[i - 1].id < s->v[i].id;
	size_t *perm = xmalloc((n ? n : 1) * sizeof *perm);
	for (size_t k = 0; k < n; k++)
		perm[k] = k;
	sort_set = s;
	qsort(perm, n, sizeof *perm, cmp_code_at);
	sort_set = NULL;
	/* perm[k]: the place in id order of the unit k-th by code, so the id
	 * index is its inverse. */
	struct unit_rec *v = xmalloc((n ? n : 1) * sizeof *v);
	free(s->by_id);
	s->by_id = xmalloc((n ? n : 1) * sizeof *s->by_id);
	for (size_t k = 0; k < n; k++) {
		v[k] = s->v[perm[k]];
		s->by_id[perm[k]] = k;
	}
	free(perm);
	free(s->v);
	s->v = v;
	s->cap = n ? n : 1;
	if (!by_id) { /* not filled in id order after all */
		unit_set_index(s);
	} else {
		find_sole_root(s);
		mark_parents(s);
	}
}

const struct unit_rec *unit_set_find(const struct unit_set *s, const char *code)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->v[mid].code, code);
		if (c == 0)
			return &s->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct unit_rec *unit_set_by_id(const struct unit_set *s, int64_t id)
{
	if (!s->by_id) {
		for (size_t i = 0; i < s->n; i++)
			if (s->v[i].id == id)
				return &s->v[i];
		return NULL;
	}
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t v = s->v[s->by_id[mid]].id;
		if (v == id)
			return &s->v[s->by_id[mid]];
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool unit_under(const struct unit_set *s, const struct unit_rec *a, const struct unit_rec *b)
{
	if (s->sole_root && b->id == s->sole_root && a >= s->v && a < s->v + s->rooted_n &&
	    s->rooted_n == s->n)
		return true;
	/* Bounded walk: a corrupt cycle cannot hang us. */
	for (size_t steps = 0; a && steps <= s->n; steps++) {
		if (a->id == b->id)
			return true;
		a = a->parent_id ? unit_set_by_id(s, a->parent_id) : NULL;
	}
	return false;
}

/* The next space-separated word at *p (its length in *n), *p moved past
 * it; NULL at the end. */
static const char *next_word(const char **p, size_t *n)
{
	const char *s = *p;
	while (*s == ' ')
		s++;
	const char *w = s;
	while (*s && *s != ' ')
		s++;
	*p = s;
	*n = (size_t)(s - w);
	return *n ? w : NULL;
}

bool unit_covers(const struct unit_set *s, const struct unit_rec *target, const struct unit_rec *u)
{
	if (target->id == u->id)
		return true;
	if (target->kind != UNIT_GROUP || !target->members)
		return false;
	const char *kind = unit_kind_name(u->kind);
	const struct unit_rec *scope = target->parent_id ? unit_set_by_id(s, target->parent_id) : NULL;
	const char *p = target->members, *w;
	size_t n;
	while ((w = next_word(&p, &n))) {
		if (strlen(u->code) == n && memcmp(u->code, w, n) == 0)
			return true;
		if (strlen(kind) == n && memcmp(kind, w, n) == 0 && u->kind != UNIT_GROUP &&
		    (!scope || unit_under(s, u, scope)))
			return true;
	}
	return false;
}

bool unit_list_covers(const struct unit_set *s, const char *codes, const struct unit_rec *u)
{
	const char *p = codes, *w;
	char code[64];
	size_t n;
	while ((w = next_word(&p, &n))) {
		if (n >= sizeof code)
			continue;
		memcpy(code, w, n);
		code[n] = '\0';
		const struct unit_rec *t = unit_set_find(s, code);
		if (t && unit_covers(s, t, u))
			return true;
	}
	return false;
}

void unit_list_covers_each(const struct unit_set *s, const char *codes, bool *out)
{
	/* The list read and its codes found once, not once per unit. */
	const struct unit_rec *t[32];
	size_t nt = 0;
	bool overflow = false;
	const char *p = codes;
	char code[64];
	while (*p) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t n = (size_t)(p - w);
		if (!n || n >= sizeof code)
			continue;
		memcpy(code, w, n);
		code[n] = '\0';
		const struct unit_rec *f = unit_set_find(s, code);
		if (f && nt < ARRAY_LEN(t))
			t[nt++] = f;
		else if (f)
			overflow = true;
	}
	for (size_t i = 0; i < s->n; i++) {
		if (overflow) {
			out[i] = unit_list_covers(s, codes, &s->v[i]);
			continue;
		}
		out[i] = false;
		for (size_t k = 0; k < nt && !out[i]; k++)
			out[i] = unit_covers(s, t[k], &s->v[i]);
	}
}

/* Where a kind sits among siblings: communes, wards and special zones are
 * one group, listed by name together. */
static int kind_rank(enum unit_kind k)
{
	switch (k) {
	case UNIT_PROVINCE: return 0;
	case UNIT_DEPARTMENT: return 1;
	case UNIT_BOARD: return 2;
	case UNIT_AGENCY: return 3;
	case UNIT_PRESS: return 4;
	case UNIT_COMMUNE: case UNIT_WARD: case UNIT_SPECIAL_ZONE: return 5;
	case UNIT_DIVISION: return 6;
	case UNIT_EXTERNAL: return 7;
	default: return 8;
	}
}

struct unit_sort {
	int rank;
	char *key; /* collate_key of the name */
	const char *code;
	size_t idx;
};

static int unit_sort_cmp(const void *a, const void *b)
{
	const struct unit_sort *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->code, y->code);
}

/* The indexes of s->v sorted by (rank when by_kind), name, code. */
static size_t *unit_sorted(const struct unit_set *s, bool by_kind)
{
	struct unit_sort *v = xcalloc(s->n ? s->n : 1, sizeof *v);
	for (size_t i = 0; i < s->n; i++) {
		v[i].rank = by_kind ? kind_rank(s->v[i].kind) : 0;
		v[i].key = collate_key(s->v[i].name ? s->v[i].name : "");
		v[i].code = s->v[i].code;
		v[i].idx = i;
	}
	qsort(v, s->n, sizeof *v, unit_sort_cmp);
	size_t *order = xmalloc((s->n ? s->n : 1) * sizeof *order);
	for (size_t i = 0; i < s->n; i++) {
		order[i] = v[i].idx;
		free(v[i].key);
	}
	free(v);
	return order;
}

size_t *unit_set_name_order(const struct unit_set *s)
{
	return unit_sorted(s, false);
}

struct tree_walk {
	const struct unit_set *s;
	size_t *sorted; /* all units, in siblings' order */
	bool *done;
	size_t *out, n_out;
};

/* Emit unit i, then its children that are not emitted yet, in sibling order. */
static void tree_emit(struct tree_walk *w, size_t i)
{
	w->done[i] = true;
	w->out[w->n_out++] = i;
	for (size_t k = 0; k < w->s->n; k++) {
		size_t c = w->sorted[k];
		if (!w->done[c] && w->s->v[c].parent_id == w->s->v[i].id)
			tree_emit(w, c);
	}
}

size_t *unit_set_tree_order(const struct unit_set *s)
{
	struct tree_walk w = {s, unit_sorted(s, true), xcalloc(s->n ? s->n : 1, sizeof *w.done),
			      xmalloc((s->n ? s->n : 1) * sizeof *w.out), 0};
	/* Roots first; then whatever a cycle kept out of reach, as roots. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < s->n; k++) {
			size_t i = w.sorted[k];
			const struct unit_rec *u = &s->v[i];
			if (!w.done[i] && (pass == 1 || !u->parent_id || !unit_set_by_id(s, u->parent_id)))
				tree_emit(&w, i);
		}
	free(w.sorted);
	free(w.done);
	return w.out;
}
