#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d' | sort -u)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

# C sources that mark strings with _(), N_(), C_(), NC_() or g_dpgettext2,
# templates with translatable properties, and the data files that carry
# translatable fields.
found=$( {
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dpgettext2|ngettext) ?\(' --include='*.c' --include='*.h' src || true
  grep -rl 'translatable="yes"' --include='*.ui' ui src || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml.in 2>/dev/null || true
} | sort -u)

for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

[ $status = 0 ] && echo "po/POTFILES.in lists all $(printf '%s\n' "$found" | wc -l) files with translatable strings"
exit $status
