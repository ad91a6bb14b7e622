#!/bin/sh
# Install this bundle for every user (as root: into /opt/editor-app, menus under /usr/local/share) or for the
# current user (otherwise: ~/.local/opt/editor-app, ~/.local/share). Run from the unpacked bundle folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then
  app=/opt/editor-app; share=/usr/local/share; bin=/usr/local/bin
else
  app="$HOME/.local/opt/editor-app"; share="$HOME/.local/share"; bin="$HOME/.local/bin"
fi
if [ "$here" != "$app" ]; then
  rm -rf "$app"; mkdir -p "$(dirname "$app")"; cp -a "$here" "$app"
fi
mkdir -p "$bin"
ln -sf "$app/editor-app" "$bin/editor-app"
cp -a "$app/share/." "$share/"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "editor-app installed in $app (command: $bin/editor-app)"
