#!/bin/bash
# SPDX-License-Identifier: MIT
# A resize whose signal never arrives is still followed (issue 12): curses
# misses a SIGWINCH that comes between its check and its read (a loaded
# machine, a slow link), and then saw the new size only at the next key.
# Here tiendo starts with SIGWINCH blocked (a blocked signal stays blocked
# across exec), so curses is never told at all: the program must notice the
# terminal's new size by itself. (Ignoring it is not enough: curses catches
# an ignored SIGWINCH.)
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/ui_lib.sh"
if ! command -v tmux >/dev/null; then notok "tmux is installed (make check-deps installs it)"; exit 0; fi
"$TIENDO" -f "$T/db" init --plan "$SRCDIR/tests/data/mini.csv" --unit T-XA1 >/dev/null
cat >"$T/nowinch.c" <<'C'
#include <signal.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGWINCH);
	sigprocmask(SIG_BLOCK, &s, NULL);
	(void)argc;
	execv(argv[1], argv + 1);
	return 127;
}
C
"${CC:-cc}" -o "$T/nowinch" "$T/nowinch.c" || { notok "the launcher builds"; exit 0; }
printf '#!/bin/sh\nexec %q %q "$@"\n' "$T/nowinch" "$TIENDO" >"$T/tiendo-nowinch"
chmod +x "$T/tiendo-nowinch"
TIENDO=$T/tiendo-nowinch

ui_start 80 24 -f "$T/db"
expect_screen "starts at 80x24" 'Tasks \(3\)'
tmux -L "$SOCK" resize-window -t ui -x 60 -y 20
expect_screen "no signal, still sees 60x20 (no key pressed)" 'Terminal too small: 60x20' 5
tmux -L "$SOCK" resize-window -t ui -x 100 -y 30
expect_screen "and 100x30" 'Tasks \(3\)' 5
sleep 0.5
# 28 lines of panes: the task list's 16 (60 %), then the targets and the agenda
if ui_screen | sed -n 18p | grep -q 'Targets (4) .*Due from' && ui_screen | sed -n 30p | grep -q '^F1Help'; then
	ok "the panes use the 30 lines"
else notok "the panes use the 30 lines" "$(ui_screen)"; fi
# The same while a form is open (its own key loop).
ui_keys Enter
expect_screen "a form opens" 'Status'
tmux -L "$SOCK" resize-window -t ui -x 60 -y 15
expect_screen "a form follows a resize without a signal too" 'Terminal too small: 60x15' 5
tmux -L "$SOCK" resize-window -t ui -x 80 -y 24
expect_screen "and back" 'Status' 5
ui_keys Escape
ui_keys q
expect_screen "q quits with status 0" 'EXIT-STATUS:0'
