#!/bin/sh
# Fails when a language in po/LINGUAS lacks a translation, or has a fuzzy
# one, for any string that the sources mark translatable today.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
top=${1:?usage: check-translations.sh SOURCE_ROOT}
cd "$top"

pot=$(mktemp)
trap 'rm -f "$pot"' EXIT

# The keywords of meson's 'glib' gettext preset.
xgettext --files-from=po/POTFILES.in --directory="$top" --output="$pot" \
  --from-code=UTF-8 --add-comments --package-name=saddle \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  msgfmt --check --output-file=/dev/null "po/$lang.po" || status=1
  # msgcmp counts untranslated and fuzzy entries as missing.
  if msgcmp "po/$lang.po" "$pot" 2>&1; then
    echo "$lang: complete"
  else
    echo "$lang: incomplete (run 'meson compile -C build saddle-update-po' and translate)"
    status=1
  fi
done
exit $status
