#!/bin/sh
# SPDX-License-Identifier: MIT
# A man page as installed: the .TH line's version set from the Makefile's
# VERSION, and every non-ASCII character written as a groff escape \[uXXXX]
# (groff reads its input as Latin-1 unless told otherwise: raw UTF-8 prints as
# garbage and `groff -ww` warns). The source pages in docs/ stay readable.
# Usage: scripts/manpage.sh VERSION PAGE >OUT
set -eu
version=$1 page=$2
# perl is part of every Debian system (perl-base is essential).
perl -CSD -Mutf8 -ne '
	BEGIN { $v = shift @ARGV }
	s/^(\.TH\s+\S+\s+\S+\s+"[^"]*"\s+)"tiendo[^"]*"/$1"tiendo $v"/;
	s/([^\x00-\x7f])/sprintf("\\[u%04X]", ord $1)/ge;
	print;
' "$version" "$page"
