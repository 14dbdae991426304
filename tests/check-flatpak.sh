#!/bin/bash
# The Flatpak, checked offline (no runtime can be downloaded here): the
# manifest parses, `meson install --prefix /app` into a staging tree and
# `flatpak build-finish` export the desktop file, metainfo, icons and MIME
# type under the app id, the tree validates, and story files get our type.
# usage: check-flatpak.sh SOURCE_ROOT
set -u
root=$1
app_id=io.github.entente.Entente
manifest=$root/flatpak/$app_id.json
source "$(dirname "$0")/tap.sh"

for tool in flatpak flatpak-builder appstreamcli update-mime-database; do
  command -v $tool >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

flatpak-builder --show-manifest "$manifest" >"$tmp/manifest.out" 2>"$tmp/manifest.err"
check "flatpak-builder parses the manifest without warnings" '[ $? -eq 0 ] && [ ! -s "$tmp/manifest.err" ] || { sed "s/^/# /" "$tmp/manifest.err"; false; }'

read_manifest () { /usr/bin/python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print($1)" "$manifest"; }
check "manifest: the app id, the GNOME runtime, command entente" \
  '[ "$(read_manifest "m[\"id\"], m[\"runtime\"], m[\"sdk\"], m[\"command\"]")" = "$app_id org.gnome.Platform org.gnome.Sdk entente" ]'
finish_args=$(read_manifest "\" \".join(m[\"finish-args\"])")
check "manifest: only ipc, wayland, fallback-x11 and dri; no host files" \
  '[ "$(echo $finish_args | tr " " "\n" | sort | tr "\n" " ")" = "--device=dri --share=ipc --socket=fallback-x11 --socket=wayland " ]'

meson setup "$tmp/build" "$root" --prefix=/app --buildtype=release >"$tmp/setup.log" 2>&1 &&
  meson compile -C "$tmp/build" >"$tmp/compile.log" 2>&1 &&
  DESTDIR="$tmp/destdir" meson install -C "$tmp/build" >"$tmp/install.log" 2>&1
check "meson install --prefix /app into a staging tree" '[ $? -eq 0 ] || { tail -5 "$tmp"/*.log | sed "s/^/# /"; false; }'

mkdir -p "$tmp/staging/files" "$tmp/staging/var"
printf '[Application]\nname=%s\nruntime=org.gnome.Platform/x86_64/49\nsdk=org.gnome.Sdk/x86_64/49\n' "$app_id" > "$tmp/staging/metadata"
cp -a "$tmp/destdir/app/." "$tmp/staging/files/"
flatpak build-finish "$tmp/staging" --command=entente $finish_args >"$tmp/finish.log" 2>&1
check "flatpak build-finish" '[ $? -eq 0 ] || { sed "s/^/# /" "$tmp/finish.log"; false; }'

export_dir=$tmp/staging/export/share
for f in applications/$app_id.desktop metainfo/$app_id.metainfo.xml mime/packages/$app_id.mime.xml \
         icons/hicolor/scalable/apps/$app_id.svg icons/hicolor/symbolic/apps/$app_id-symbolic.svg; do
  check "exported: $f" '[ -f "$export_dir/$f" ]'
done
check "the schema is installed" '[ -f "$tmp/staging/files/share/glib-2.0/schemas/$app_id.gschema.xml" ]'
check "the French catalogue is installed" '[ -f "$tmp/staging/files/share/locale/fr/LC_MESSAGES/entente.mo" ]'
check "metadata: command and permissions" 'grep -q "^command=entente" "$tmp/staging/metadata" && ! grep -q "filesystems" "$tmp/staging/metadata"'

appstreamcli validate-tree --no-net "$tmp/staging/files" >"$tmp/validate.log" 2>&1
check "appstreamcli validate-tree" '[ $? -eq 0 ] || { sed "s/^/# /" "$tmp/validate.log"; false; }'

desktop-file-validate "$export_dir/applications/$app_id.desktop" >"$tmp/desktop.log" 2>&1
check "the exported desktop file validates" '[ $? -eq 0 ] || { sed "s/^/# /" "$tmp/desktop.log"; false; }'

update-mime-database "$tmp/staging/files/share/mime" >/dev/null 2>&1
printf '{"entente": 1}' > "$tmp/example.entente.json"
mime=$(XDG_DATA_DIRS="$tmp/staging/files/share:/usr/share" /usr/bin/python3 -c \
  "from gi.repository import Gio; import sys; print(Gio.content_type_guess(sys.argv[1], None)[0])" "$tmp/example.entente.json")
check "*.entente.json files are Entente stories ($mime)" '[ "$mime" = "application/x-entente-story+json" ]'
parent=$(XDG_DATA_DIRS="$tmp/staging/files/share:/usr/share" /usr/bin/python3 -c \
  "from gi.repository import Gio; print(Gio.content_type_is_a('application/x-entente-story+json', 'application/json'))")
check "the story type is a kind of JSON" '[ "$parent" = True ]'
check "the desktop file opens story files" 'grep -q "^MimeType=application/x-entente-story+json;" "$export_dir/applications/$app_id.desktop"'

tap_done
