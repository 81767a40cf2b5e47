/* SPDX-License-Identifier: MIT */
/* Unit tests: Vietnamese dictionary order of names, and sort keys that agree with it. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "collate.h"
#include "util.h"

/* Check that a < b, and that the comparison is antisymmetric and the keys agree. */
static void check_before(const char *a, const char *b)
{
	char name[160];
	snprintf(name, sizeof name, "\"%s\" < \"%s\"", a, b);
	char *ka = collate_key(a), *kb = collate_key(b);
	CHECK(collate_vi(a, b) < 0 && collate_vi(b, a) > 0 && strcmp(ka, kb) < 0, name);
	free(ka);
	free(kb);
}

/* Check each string of list (NULL-terminated) sorts before the next. */
static void check_chain(const char *const *list)
{
	for (size_t i = 0; list[i] && list[i + 1]; i++)
		check_before(list[i], list[i + 1]);
}

static int cmp_vi(const void *a, const void *b)
{
	return collate_vi(*(const char *const *)a, *(const char *const *)b);
}

struct keyed {
	char *key;
	const char *s;
};

static int cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

/* Communes and wards, in the order a Vietnamese reader expects. */
static const char *const communes[] = {
	"Phường 1",
	"Phường 2",
	"Phường 10",
	"Phường An Lạc",
	"Phường Bình Trị Đông",
	"Phường Bình Trị Đông A",
	"Phường Đa Kao",
	"Phường Tân Định",
	"Thị trấn Ea Drăng",
	"Xã An Bình",
	"Xã An Phú",
	"Xã Ân Đức",
	"Xã Bà Điểm",
	"Xã Dương Hòa",
	"Xã Đắk Ơ",
	"Xã Đông Hòa",
	"Xã Đồng Hòa",
	"Xã Ea Súp",
	"Xã Hòa An",
	"Xã Hoà Bình",
	"Xã Ia Grai",
	"Xã Tân Hiệp",
	"Xã Tân Hòa",
	"Xã Tân Hưng",
	"Xã Tuy An",
	"Xã Tư Nghĩa",
	"Xã Ỷ La",
	"Xã Yên Thế",
};

int main(void)
{
	/* The alphabet, in both cases. */
	static const char *const lower[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
		"n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y", NULL,
	};
	static const char *const upper[] = {
		"A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I", "K", "L", "M",
		"N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "X", "Y", NULL,
	};
	check_chain(lower);
	check_chain(upper);
	/* Letters outside the Vietnamese alphabet take their Latin places. */
	static const char *const latin[] = {"ê", "f", "g", "i", "j", "k", "v", "w", "x", "y", "z",
					    NULL};
	check_chain(latin);
	check_before("Zê", "Ω");

	/* Letters, then tones, then case. */
	check_before("Dương", "Đồng");
	check_before("Duy Xuyên", "Đà Nẵng");
	check_before("Đức Phổ", "Ea Súp");
	check_before("Tuyên Quang", "Tư Nghĩa");
	check_before("Tùng", "Từ");
	check_before("Uông Bí", "Ứng Hòa");
	check_before("Hải", "Hắc");
	check_before("Anh", "Ăn");
	check_before("Ăn", "Ân");
	check_before("Ong", "Ông");
	check_before("Ông", "Ơn");
	check_before("ngô", "ngờ");
	check_before("măng", "mận");
	check_before("tô", "tờ");
	static const char *const tones[] = {"ma", "mà", "mả", "mã", "má", "mạ", "mai", "man", NULL};
	check_chain(tones);
	check_before("Đông Hòa", "Đồng Hòa");
	check_before("Bà Rịa", "Bá Rịa");
	check_before("ba", "Bà");
	check_before("Ba", "bà");
	check_before("an", "An");
	check_before("An", "ăn");
	check_before("an bình", "An Bình");
	check_before("An Bình", "AN BÌNH");
	check_before("Đồng", "đồng nát");

	/* Numbers, spaces and punctuation. */
	check_before("Xã 2", "Xã 10");
	check_before("Phường 9", "Phường 10");
	check_before("Phường 10", "Phường 11");
	check_before("Tổ 99", "Tổ 100");
	check_before("Khu 9", "Khu 12345678901234567890");
	check_before("Khu 99999999999999999999", "Khu 100000000000000000000");
	check_before("Xã 2", "Xã 2A");
	check_before("Xã 2", "Xã A");
	check_before("Khóm 2", "Khóm 02a");
	check_before("An Bình", "Anh Sơn");
	check_before("Ea", "Ea H'leo");
	check_before("Ea H'leo", "Ea Hleo");
	check_before("", "a");
	check_before("", " ");
	check_before(" ", "-");
	check_before("-", "0");
	check_before("Xã 2 ", "Xã 2A");

	/* Only identical strings are equal; the order never depends on anything else. */
	CHECK_INT(collate_vi("Xã Đồng Hòa", "Xã Đồng Hòa"), 0, "a string equals itself");
	CHECK_INT(collate_vi("", ""), 0, "the empty string equals itself");
	CHECK(collate_vi("hoà", "hòa") != 0, "hoà and hòa differ (by their bytes only)");
	CHECK(collate_vi("hoà", "hòa") == -collate_vi("hòa", "hoà"), "hoà/hòa is antisymmetric");
	CHECK(collate_vi("Khóm 02", "Khóm 2") != 0, "02 and 2 differ");
	CHECK(collate_vi("Khóm 02", "Khóm 2") == -collate_vi("Khóm 2", "Khóm 02"),
	      "02/2 is antisymmetric");
	CHECK(collate_vi("A  B", "A B") != 0, "two spaces and one differ");
	CHECK(collate_vi("hoà", "hoa") > 0 && collate_vi("hoà", "hoá") < 0,
	      "hoà sorts by its tone among hoa, hoá");
	const char *nfd = "ho\xCC\x80" "a";
	CHECK(collate_vi(nfd, "hoa") > 0 && collate_vi(nfd, "hóa") < 0,
	      "decomposed hòa still sorts between hoa and hóa");
	CHECK(collate_vi("ab\xC3(", "ab\xC3(") == 0 && collate_vi("ab\xC3(", "ab") > 0,
	      "invalid UTF-8 is ordered without crashing");

	/* A shuffled list of communes sorts into the expected order. */
	size_t n = ARRAY_LEN(communes);
	const char **v = xmalloc(n * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = communes[(i * 11 + 5) % n];
	CHECK(n % 11 != 0 && n % 5 != 0, "the shuffles are permutations (11 and 5 are prime to n)");
	qsort(v, n, sizeof *v, cmp_vi);
	for (size_t i = 0; i < n; i++) {
		char name[128];
		snprintf(name, sizeof name, "commune list: position %zu is %s", i + 1, communes[i]);
		CHECK_STR(v[i], communes[i], name);
	}

	/* qsort with collate_vi and qsort of the keys give the same order. */
	static const char *const more[] = {
		"Xã 2", "Xã 10", "xã 2", "Xã 02", "Xã A", "xã a", "hoà", "hòa", "Hòa", "HOÀ",
		"Đồng", "đồng", "Dương", "", " ", "Ư", "u", "Ư Minh", "Tp. Hồ Chí Minh",
		"Tp Hồ Chí Minh", "Ω", "中文", "Ea H'leo", "Đắk Lắk", "Đăk Glei", "ngờ", "ngô",
	};
	size_t m = n + ARRAY_LEN(more);
	const char **w = xmalloc(m * sizeof *w);
	struct keyed *k = xmalloc(m * sizeof *k);
	for (size_t i = 0; i < m; i++) {
		const char *s = i < n ? communes[(i * 5 + 3) % n] : more[i - n];
		w[i] = s;
		k[i].s = s;
		k[i].key = collate_key(s);
	}
	qsort(w, m, sizeof *w, cmp_vi);
	qsort(k, m, sizeof *k, cmp_keyed);
	size_t same = 0;
	for (size_t i = 0; i < m; i++)
		same += strcmp(w[i], k[i].s) == 0;
	CHECK_INT(same, m, "qsort with collate_vi equals qsort of collate_key");
	size_t agree = 0, pairs = 0;
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < m; j++) {
			int c = collate_vi(k[i].s, k[j].s), s = strcmp(k[i].key, k[j].key);
			agree += (c > 0) == (s > 0) && (c < 0) == (s < 0);
			pairs++;
		}
	CHECK_INT(agree, pairs, "collate_vi and strcmp of the keys agree on every pair");
	size_t sorted = 0;
	for (size_t i = 0; i + 1 < m; i++)
		sorted += collate_vi(w[i], w[i + 1]) < 0;
	CHECK_INT(sorted, m - 1, "the sorted list is strictly increasing (no ties)");

	/* collate_order: the same order, as indexes; equal texts keep theirs. */
	const char **orig = xmalloc(m * sizeof *orig);
	for (size_t i = 0; i < m; i++)
		orig[i] = i < n ? communes[(i * 5 + 3) % n] : more[i - n];
	size_t *ord = collate_order(orig, m);
	size_t same_order = 0;
	for (size_t i = 0; i < m; i++)
		same_order += strcmp(orig[ord[i]], w[i]) == 0;
	CHECK_INT(same_order, m, "collate_order sorts like qsort with collate_vi");
	free(ord);
	free(orig);
	static const char *const dup[] = {"Xã 10", "xã 2", "Xã 10", "Xã 2", "xã 2"};
	ord = collate_order(dup, ARRAY_LEN(dup));
	char got[32];
	snprintf(got, sizeof got, "%zu %zu %zu %zu %zu", ord[0], ord[1], ord[2], ord[3], ord[4]);
	CHECK_STR(got, "1 4 3 0 2", "collate_order: equal texts stay in index order");
	free(ord);
	ord = collate_order(NULL, 0);
	CHECK(ord != NULL, "collate_order of nothing is an empty array, not NULL");
	free(ord);
	for (size_t i = 0; i < m; i++)
		free(k[i].key);
	free(k);
	free(w);
	free(v);
	return check_done();
}
