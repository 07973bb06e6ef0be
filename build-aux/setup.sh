# Shared set-up for build-aux/run and build-aux/test: installs the Debian
# packages Saddle needs when any is missing, then configures and builds with
# meson. Sourced, not run.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Debian bookworm packages: the toolchain, the libraries, the tools that
# validate the data files, and Xvfb for the tests that run the window.
SADDLE_PACKAGES="meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libgsl-dev libcairo2-dev libpango1.0-dev zlib1g-dev libjson-glib-dev
  gettext desktop-file-utils appstream shared-mime-info
  xvfb xauth"

saddle_install_packages () {
  local missing=() pkg sudo=
  for pkg in $SADDLE_PACKAGES "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "Installing ${missing[*]}" >&2
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# saddle_build DIR [MESON OPTION...]: configure DIR (or update its options)
# and build it.
saddle_build () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >&2
  fi
  meson compile -C "$dir" >&2
}
