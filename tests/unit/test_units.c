/* SPDX-License-Identifier: MIT */
/* Unit tests: listing units as a tree (siblings by kind, then Vietnamese name) and by name. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "units.h"
#include "util.h"
#include <stdbool.h>

struct u {
	int64_t id, parent;
	const char *code, *name;
	enum unit_kind kind;
};

/* Build a set the way store_units does: sorted by code, then indexed by id. */
static void build(struct unit_set *s, const struct u *v, size_t n)
{
	memset(s, 0, sizeof *s);
	s->v = xcalloc(n, sizeof *s->v);
	s->n = s->cap = n;
	for (size_t i = 0; i < n; i++) {
		size_t at = 0;
		while (at < i && strcmp(s->v[at].code, v[i].code) < 0)
			at++;
		memmove(&s->v[at + 1], &s->v[at], (i - at) * sizeof *s->v);
		s->v[at] = (struct unit_rec){v[i].id, v[i].parent, xstrdup(v[i].code), xstrdup(v[i].name),
					     NULL, v[i].kind, false};
	}
	unit_set_index(s);
}

/* The codes of s in the order of idx, space-separated. */
static void codes(const struct unit_set *s, const size_t *idx, char *buf, size_t n)
{
	buf[0] = '\0';
	for (size_t i = 0; i < s->n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", i ? " " : "", s->v[idx[i]].code);
	}
}

/* Is idx a permutation of 0..n-1? */
static int permutation(const size_t *idx, size_t n)
{
	char *seen = xcalloc(n ? n : 1, 1);
	int ok = 1;
	for (size_t i = 0; i < n; i++) {
		if (idx[i] >= n || seen[idx[i]])
			ok = 0;
		else
			seen[idx[i]] = 1;
	}
	free(seen);
	return ok;
}

/* unit_under by a plain walk of parents (linear search): the reference. */
static bool walk_under(const struct unit_set *s, const struct unit_rec *a, const struct unit_rec *b)
{
	for (size_t steps = 0; a && steps <= s->n; steps++) {
		if (a->id == b->id)
			return true;
		const struct unit_rec *up = NULL;
		for (size_t i = 0; i < s->n && a->parent_id; i++)
			if (s->v[i].id == a->parent_id)
				up = &s->v[i];
		a = up;
	}
	return false;
}

/* How many (a, b) pairs unit_under answers unlike the walk. */
static int under_differs(const struct unit_set *s)
{
	int d = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t j = 0; j < s->n; j++)
			d += unit_under(s, &s->v[i], &s->v[j]) != walk_under(s, &s->v[i], &s->v[j]);
	return d;
}

/* The one-root shortcut of unit_under (every unit under the sole root
 * without a walk) answers as the walk, and is not taken when a parent is
 * missing, a chain loops or there are two roots. */
static void test_sole_root(void)
{
	static const struct u one[] = {
		{1, 0, "R", "Tỉnh", UNIT_PROVINCE}, {2, 1, "D", "Sở", UNIT_DEPARTMENT},
		{3, 2, "DV", "Phòng", UNIT_DIVISION}, {4, 1, "X", "Xã", UNIT_COMMUNE},
	};
	static const struct u missing[] = {
		{1, 0, "R", "Tỉnh", UNIT_PROVINCE}, {2, 1, "D", "Sở", UNIT_DEPARTMENT},
		{3, 99, "DV", "Phòng", UNIT_DIVISION}, {4, 1, "X", "Xã", UNIT_COMMUNE},
	};
	static const struct u loop[] = {
		{1, 0, "R", "Tỉnh", UNIT_PROVINCE}, {2, 3, "D", "Sở", UNIT_DEPARTMENT},
		{3, 2, "DV", "Phòng", UNIT_DIVISION}, {4, 1, "X", "Xã", UNIT_COMMUNE},
	};
	static const struct u two[] = {
		{1, 0, "R", "Tỉnh", UNIT_PROVINCE}, {2, 0, "B", "Bộ", UNIT_EXTERNAL},
		{3, 2, "DV", "Phòng", UNIT_DIVISION}, {4, 1, "X", "Xã", UNIT_COMMUNE},
	};
	struct unit_set s;
	build(&s, one, ARRAY_LEN(one));
	CHECK_INT(s.sole_root, 1, "one root every unit leads to: the shortcut is on");
	CHECK_INT(under_differs(&s), 0, "unit_under answers as the walk of parents");
	unit_set_free(&s);
	build(&s, missing, ARRAY_LEN(missing));
	CHECK_INT(s.sole_root, 0, "a missing parent: no shortcut");
	CHECK(!unit_under(&s, unit_set_find(&s, "DV"), unit_set_find(&s, "R")), "the orphan is not under the root");
	CHECK_INT(under_differs(&s), 0, "unit_under answers as the walk (missing parent)");
	unit_set_free(&s);
	build(&s, loop, ARRAY_LEN(loop));
	CHECK_INT(s.sole_root, 0, "a loop of parents: no shortcut");
	CHECK_INT(under_differs(&s), 0, "unit_under answers as the walk (loop)");
	unit_set_free(&s);
	build(&s, two, ARRAY_LEN(two));
	CHECK_INT(s.sole_root, 0, "two roots: no shortcut");
	CHECK_INT(under_differs(&s), 0, "unit_under answers as the walk (two roots)");
	unit_set_free(&s);
}

int main(void)
{
	static const struct u plan[] = {
		{1, 0, "P-UBND", "Ủy ban nhân dân tỉnh", UNIT_PROVINCE},
		{2, 0, "P-BKHCN", "Bộ Khoa học và Công nghệ", UNIT_EXTERNAL},
		{3, 1, "P-XA", "Ủy ban nhân dân các xã", UNIT_GROUP},
		{4, 1, "P-SYT", "Sở Y tế", UNIT_DEPARTMENT},
		{5, 1, "P-SCT", "Sở Công Thương", UNIT_DEPARTMENT},
		{6, 5, "P-SCT-VP", "Văn phòng Sở", UNIT_DIVISION},
		{7, 5, "P-SCT-QL", "Phòng Quản lý", UNIT_DIVISION},
		{8, 1, "P-X1", "Xã Đồng Hòa", UNIT_COMMUNE},
		{9, 1, "P-X2", "Xã Dương Minh", UNIT_COMMUNE},
		{10, 1, "P-P10", "Phường 10", UNIT_WARD},
		{11, 1, "P-P2", "Phường 2", UNIT_WARD},
		{12, 1, "P-DK", "Đặc khu Lý Sơn", UNIT_SPECIAL_ZONE},
		{13, 1, "P-BAO", "Báo tỉnh", UNIT_PRESS},
		{14, 1, "P-BQL", "Ban Quản lý khu kinh tế", UNIT_BOARD},
		{15, 1, "P-MT", "Mặt trận Tổ quốc", UNIT_AGENCY},
	};
	struct unit_set s;
	char got[512];
	build(&s, plan, ARRAY_LEN(plan));
	size_t *idx = unit_set_tree_order(&s);
	CHECK(permutation(idx, s.n), "tree order lists every unit once");
	codes(&s, idx, got, sizeof got);
	CHECK_STR(got, "P-UBND P-SCT P-SCT-QL P-SCT-VP P-SYT P-BQL P-MT P-BAO P-DK P-P2 P-P10 P-X2 P-X1 P-XA P-BKHCN",
		  "tree: parents first, siblings by kind then Vietnamese name (Đặc khu, Phường 2 < 10, Dương < Đồng)");
	free(idx);
	idx = unit_set_name_order(&s);
	CHECK(permutation(idx, s.n), "name order lists every unit once");
	codes(&s, idx, got, sizeof got);
	CHECK_STR(got, "P-BQL P-BAO P-BKHCN P-DK P-MT P-SCT-QL P-P2 P-P10 P-SCT P-SYT P-XA P-UBND P-SCT-VP P-X2 P-X1",
		  "by name: Vietnamese order whatever the kind (Bộ < Đặc khu < Mặt trận, Phòng < Phường)");
	free(idx);
	unit_set_free(&s);

	/* A missing parent makes a root; a cycle is listed all the same, once. */
	static const struct u odd[] = {
		{1, 0, "A", "Một", UNIT_PROVINCE},
		{2, 99, "B", "Hai", UNIT_DEPARTMENT},
		{3, 4, "C", "Ba", UNIT_DEPARTMENT},
		{4, 3, "D", "Bốn", UNIT_DEPARTMENT},
		{5, 5, "E", "Năm", UNIT_DEPARTMENT},
		{6, 3, "F", "Sáu", UNIT_DIVISION},
	};
	build(&s, odd, ARRAY_LEN(odd));
	idx = unit_set_tree_order(&s);
	CHECK(permutation(idx, s.n), "odd tree: every unit once (no endless walk)");
	codes(&s, idx, got, sizeof got);
	CHECK_STR(got, "A B C D F E", "odd tree: roots, then the cycle C-D with C's child, then E");
	free(idx);
	unit_set_free(&s);

	build(&s, NULL, 0);
	idx = unit_set_tree_order(&s);
	CHECK(idx != NULL, "an empty set gives an empty order");
	free(idx);
	unit_set_free(&s);
	test_sole_root();
	return check_done();
}
