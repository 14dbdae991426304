#!/bin/bash
# The French catalogue is complete (no untranslated or fuzzy entries) and up
# to date with the sources: every msgid that xgettext finds is in fr.po.
# usage: check-po.sh SOURCE_ROOT
set -u
root=$1
source "$(dirname "$0")/tap.sh"

cd "$root" || exit 1
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  -f po/POTFILES.in -o "$tmp/entente.pot" 2>"$tmp/xgettext.log"
check "xgettext reads every file in POTFILES" '[ -s "$tmp/entente.pot" ]'

stats=$(msgfmt --check --statistics -o /dev/null po/fr.po 2>&1)
check "fr.po compiles with msgfmt --check" '[ $? -eq 0 ]'
check "fr.po has no untranslated or fuzzy entries ($stats)" '[[ "$stats" != *untranslated* && "$stats" != *fuzzy* ]]'

missing=$(msgcmp --use-untranslated po/fr.po "$tmp/entente.pot" 2>&1)
check "every source string is in fr.po" '[ -z "$missing" ] || { echo "$missing" | head -20 | sed "s/^/# /"; false; }'

sources=$(grep -lE '\b_\(|\bC_\(|\bN_\(|translatable="yes"|g_dngettext' app/*.c app/*/*.c ui/*.ui ui/*/*.ui 2>/dev/null | sort)
listed=$(grep -v '^#' po/POTFILES.in | sort)
unlisted=$(comm -23 <(echo "$sources") <(echo "$listed"))
check "POTFILES lists every file with strings" '[ -z "$unlisted" ] || { echo "# unlisted: $unlisted"; false; }'

tap_done
