#!/bin/bash
# SPDX-License-Identifier: MIT
# Vietnamese text over the shipped plans: every task is found by its title
# folded (lower case, no diacritics, đ→d) and by its title in capitals with
# diacritics; --ascii prints only ASCII, and exactly the text without its
# diacritics; text given in NFD is stored, shown and compared as NFC.
# The foldings are made here with sed from a letter table written by hand,
# not with tiendo's code, so the test does not check tiendo against itself.
. "$SRCDIR/tests/lib.sh"

# The 67 Vietnamese letters that carry diacritics (NFC), their capitals,
# and their base letters.
VN_LOWER="àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
VN_UPPER="ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
VN_BASE="aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
VN_BASE_UP="AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD"
LOW=abcdefghijklmnopqrstuvwxyz
UP=ABCDEFGHIJKLMNOPQRSTUVWXYZ

# GNU sed's y/// works on characters, not bytes, in a UTF-8 locale.
vsed() { LC_ALL=C.UTF-8 sed "$@"; }
fold_vi() { vsed "y/$VN_LOWER$VN_UPPER$UP/$VN_BASE$VN_BASE$LOW/"; }
upper_vi() { vsed "y/$VN_LOWER$LOW/$VN_UPPER$UP/"; }
# Without diacritics, case kept; the typographic signs a plan may hold
# become their ASCII forms.
ascii_vi() {
	vsed -e "y/$VN_LOWER$VN_UPPER/$VN_BASE$VN_BASE_UP/" \
		-e 's/[“”]/"/g' -e "s/[‘’]/'/g" -e 's/[–—]/-/g' -e 's/…/.../g'
}

expect_eq "the letter table folds (sanity)" "duong ho chi minh, ung dung" \
	"$(printf 'Đường Hồ Chí Minh, ỨNG DỤNG\n' | fold_vi)"
expect_eq "the letter table makes capitals (sanity)" "ĐƯỜNG HỒ CHÍ MINH" \
	"$(printf 'Đường Hồ Chí Minh\n' | upper_vi)"

# check_some "CODE<TAB>QUERY"...: print each pair where `tasks --search
# QUERY` fails or does not list CODE (no other process per check: the suite
# runs this some 400 times per build).
check_some() {
	local pair code q out rc
	for pair; do
		code=${pair%%$'\t'*} q=${pair#*$'\t'}
		out=$("$TIENDO" -f "$DB" tasks --search="$q" 2>&1)
		rc=$?
		if [ "$rc" -ne 0 ]; then
			printf '%s (exit %d)\t%s\n' "$code" "$rc" "$q"
		elif [[ $'\n'$out != *$'\n'"$code"$'\t'* ]]; then
			printf '%s\t%s\n' "$code" "$q"
		fi
	done
}
export -f check_some
export TIENDO

# These searches are some 400 runs of one code path. The normal build
# searches every task in both spellings. A run of the sanitizer build costs
# three times as much: it searches every other task in each spelling (each
# task once, in one spelling or the other) and leaves out the leak check at
# exit, which every other run of tiendo in this file keeps. Under valgrind
# (make memcheck), a run takes a second or more: every 16th task.
# TIENDO_TEST_ALL=1 searches everything on any build.
SAMPLE=1 SAMPLED=""
if [ "${TIENDO_TEST_ALL:-0}" != 1 ]; then
	if LC_ALL=C grep -aq valgrind "$TIENDO"; then
		SAMPLE=16 SAMPLED=" (valgrind: every 16th task)"
	elif LC_ALL=C grep -aq __asan_init "$TIENDO"; then
		SAMPLE=2 SAMPLED=" (sanitizer build: every other task)"
	fi
fi

# search_all NAME CODES QUERIES FIRST: one check per task from task FIRST
# on, every SAMPLE-th one, in four parallel runs.
search_all() {
	paste "$2" "$3" | awk -v s="$SAMPLE" -v f="$4" '(NR - f) % s == 0' >"$T/pairs"
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
		xargs -d '\n' -n 16 -P 4 bash -c 'check_some "$@"' _ <"$T/pairs" >"$T/fails"
	if [ -s "$T/fails" ]; then
		notok "$1" "$(wc -l <"$T/fails") of $(wc -l <"$T/pairs") not found:
$(cat "$T/fails")"
	else
		ok "$1"
	fi
}

for plan in "$SRCDIR"/data/plans/*.csv; do
	name=$(basename "$plan" .csv)
	DB="$T/$name.db"
	export DB
	if ! "$TIENDO" -f "$DB" init --plan "$plan" >"$T/out" 2>"$T/err"; then
		notok "$name: loads" "$(cat "$T/err")"
		continue
	fi
	"$TIENDO" -f "$DB" tasks >"$T/tasks"
	n=$(wc -l <"$T/tasks")
	cut -f1 "$T/tasks" >"$T/codes"
	cut -f4 "$T/tasks" >"$T/titles"
	fold_vi <"$T/titles" >"$T/folded"
	upper_vi <"$T/titles" >"$T/upper"
	if [ "$n" -eq 0 ] || cmp -s "$T/titles" "$T/folded"; then
		notok "$name: has tasks with Vietnamese titles" "$(head -n 3 "$T/tasks")"
		continue
	fi
	search_all "$name: the $n tasks found by their folded titles$SAMPLED" "$T/codes" "$T/folded" 1
	search_all "$name: the $n tasks found by their titles in capitals$SAMPLED" "$T/codes" "$T/upper" $((1 + SAMPLE / 2))

	# --ascii: only ASCII, and the same lines without diacritics.
	for cmd in plans tasks units; do
		"$TIENDO" -f "$DB" "$cmd" | ascii_vi >"$T/want"
		"$TIENDO" -f "$DB" --ascii "$cmd" >"$T/ascii"
		bad=$(LC_ALL=C grep -n '[^ -~	]' "$T/ascii" | head -n 5)
		if [ -z "$bad" ]; then ok "$name: --ascii $cmd prints only ASCII"; else
			notok "$name: --ascii $cmd prints only ASCII" "$bad"; fi
		expect_file "$name: --ascii $cmd is the text without diacritics" "$T/want" "$T/ascii"
	done
done

# ---------------------------------------------------------------- NFC and NFD
DB="$T/mini.db"
MINI="$SRCDIR/tests/data/mini.csv"
"$TIENDO" -f "$DB" init --plan "$MINI" >/dev/null
# "Đã đăng tin chuyển đổi số, kết quả tốt" with every toned letter decomposed
# (ế as e + U+0302 + U+0301; ệ-style stacks in the order people type them).
NFD=$(printf '\xc4\x90a\xcc\x83 \xc4\x91a\xcc\x86ng tin chuye\xcc\x82\xcc\x89n \xc4\x91o\xcc\x82\xcc\x89i so\xcc\x82\xcc\x81, ke\xcc\x82\xcc\x81t qua\xcc\x89 to\xcc\x82\xcc\x81t')
NFC="Đã đăng tin chuyển đổi số, kết quả tốt"
[ "$NFD" != "$NFC" ] && ok "the NFD spelling differs from the NFC one in bytes" ||
	notok "the NFD spelling differs from the NFC one in bytes"
expect_exit "set takes a result typed in NFD" 0 "$TIENDO" -f "$DB" set 1a-1 --unit T-XA1 \
	--period 2026S1 --status in-progress --result "$NFD"
"$TIENDO" -f "$DB" show 1a-1 --unit T-XA1 --period 2026S1 >"$T/show"
expect_grep "show returns it in NFC" "^result	$NFC\$" "$T/show"
marks=$(LC_ALL=C grep -c $'\xcc[\x80-\xbf]\|\xcd[\x80-\xaf]' "$T/show")
expect_eq "no combining mark left in what show prints" 0 "$marks"
expect_eq "stored as NFC bytes" "$NFC" \
	"$(sqlite3 "$DB" "SELECT result FROM progress p JOIN task t ON t.id = p.task_id WHERE t.code = '1a-1'")"
expect_exit "the same text in NFC is the same entry" 0 "$TIENDO" -f "$DB" set 1a-1 --unit T-XA1 \
	--period 2026S1 --status in-progress --result "$NFC"
expect_grep "so the second set changes nothing" 'no change' "$T/out"

# A search typed in NFD finds the NFC title: "Chuyển đổi" (task 1b-1) and,
# with exact marks, "mạng xã hội" (1a-2).
q=$(printf 'Chuye\xcc\x82\xcc\x89n \xc4\x91o\xcc\x82\xcc\x89i')
"$TIENDO" -f "$DB" tasks --search "$q" | cut -f1 >"$T/s"
expect_eq "an NFD search finds the NFC title" "1b-1" "$(cat "$T/s")"
q=$(printf 'ma\xcc\xa3ng xa\xcc\x83 ho\xcc\x82\xcc\xa3i')
"$TIENDO" -f "$DB" tasks --search "$q" | cut -f1 >"$T/s"
expect_eq "an NFD search with dot-below stacks finds it too" "1a-2" "$(cat "$T/s")"

# A plan file partly in NFD (ê, ố, ạ and ệ decomposed, ệ with its marks
# out of canonical order) loads to exactly the same text as the NFC file.
vsed -e 's/ê/e\xcc\x82/g' -e 's/ố/o\xcc\x82\xcc\x81/g' -e 's/ạ/a\xcc\xa3/g' \
	-e 's/ệ/e\xcc\x82\xcc\xa3/g' "$MINI" >"$T/mini-nfd.csv"
if cmp -s "$MINI" "$T/mini-nfd.csv"; then notok "the NFD plan file differs from the NFC one"; else
	ok "the NFD plan file differs from the NFC one"; fi
"$TIENDO" -f "$T/nfd.db" init --plan "$T/mini-nfd.csv" >/dev/null
for cmd in plans tasks units indicators; do
	"$TIENDO" -f "$T/mini.db" "$cmd" >"$T/a"
	"$TIENDO" -f "$T/nfd.db" "$cmd" >"$T/b"
	expect_file "an NFD plan file gives the same $cmd as the NFC one" "$T/a" "$T/b"
done
