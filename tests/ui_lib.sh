# SPDX-License-Identifier: MIT
# UI test helpers: run tiendo in a private tmux server at a fixed size, type
# with send-keys, read the screen with capture-pane. Sourced after lib.sh.

SOCK="tiendo-test-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT

# ui_start COLS ROWS ARGS...: start tiendo (with ARGS) in a fresh session.
ui_start() {
	_cols=$1 _rows=$2; shift 2
	tmux -L "$SOCK" kill-server 2>/dev/null
	printf '%s\n' "$@" >"$T/ui-args"
	cat >"$T/ui-run.sh" <<RUN
#!/bin/sh
export TERM=${UI_TERM:-screen} LANG=\${UI_LANG:-C.UTF-8} LC_ALL= TIENDO_LANG=en TIENDO_NOW=$TIENDO_NOW HOME="$HOME"
unset NO_COLOR
"$TIENDO" "\$@"
echo "EXIT-STATUS:\$?"
sleep 60
RUN
	chmod +x "$T/ui-run.sh"
	# shellcheck disable=SC2046
	tmux -L "$SOCK" -f /dev/null new-session -d -x "$_cols" -y "$_rows" -s ui \
		"UI_LANG=${UI_LANG:-C.UTF-8} $T/ui-run.sh $(printf '%q ' "$@")"
	tmux -L "$SOCK" set-option -t ui status off >/dev/null
	tmux -L "$SOCK" resize-window -t ui -x "$_cols" -y "$_rows" 2>/dev/null
	# Keys typed before the program has switched the terminal to keypad mode
	# arrive in another form: wait until it has drawn (or stopped).
	ui_wait 'Tasks|Nhiệm vụ|too small|EXIT-STATUS' 20 || true
}

ui_screen() { tmux -L "$SOCK" capture-pane -p -t ui; }
ui_keys() { tmux -L "$SOCK" send-keys -t ui "$@"; }
ui_text() { tmux -L "$SOCK" send-keys -t ui -l -- "$1"; }

# ui_wait PATTERN [SECONDS]: wait until the screen shows an extended regex.
ui_wait() {
	_n=$(( ${2:-10} * 20 ))
	while [ "$_n" -gt 0 ]; do
		ui_screen | grep -Eq -- "$1" && return 0
		sleep 0.05
		_n=$((_n - 1))
	done
	return 1
}

# expect_screen NAME PATTERN: the screen shows PATTERN (waiting a little).
expect_screen() {
	if ui_wait "$2" "${3:-10}"; then ok "$1"; else
		notok "$1" "screen does not show /$2/:
$(ui_screen)"; fi
}

expect_no_screen() {
	sleep 0.3
	if ui_screen | grep -Eq -- "$2"; then notok "$1" "screen shows /$2/:
$(ui_screen)"; else ok "$1"; fi
}

ui_pid() { tmux -L "$SOCK" list-panes -t ui -F '#{pane_pid}'; }
