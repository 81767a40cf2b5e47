#!/bin/sh
# SPDX-License-Identifier: MIT
# make memcheck: the command-line tests with every tiendo run under valgrind;
# fails on any memory error or definite leak. Ends with "N passed, M failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The log is opened by the wrapper on descriptor 9: with --log-file,
# valgrind opened it on the lowest free descriptor and left it there, so a
# test that closes standard output (>&-) had tiendo's output written into
# the log, and tiendo could not see that standard output was closed.
cat >"$dir/tiendo" <<WRAP
#!/bin/sh
exec 9>>"$dir/vg.\$\$"
exec valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=70 \
	--log-fd=9 "$root/tiendo" "\$@"
WRAP
chmod +x "$dir/tiendo"
sh "$root/tests/run.sh" "$dir/no-unit-tests" "$dir/tiendo" memcheck | tee "$dir/run.log"
TEST_RUNNER=1
. "$root/tests/lib.sh"
trap 'rm -rf "$dir" "$run_out" "$run_fails"' EXIT
tally "$dir/run.log"
p=$tally_p f=$tally_f
reports=0
for r in "$dir"/vg.*; do
	[ -s "$r" ] || continue
	reports=$((reports + 1))
	echo "valgrind report $r:"; sed 's/^/    /' "$r" | head -n 40
done
runs=$(ls "$dir"/vg.* 2>/dev/null | wc -l)
if [ "$reports" -eq 0 ]; then echo "ok - no valgrind report in $runs runs"; p=$((p + 1)); else
	echo "not ok - $reports of $runs runs had valgrind reports"; f=$((f + 1)); fi
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
