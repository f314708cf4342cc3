#!/usr/bin/env bash
# `npm run test:setup`: installs with apt what the tests need and this machine
# lacks (the list: tests/setup/prerequisites.txt; every project's needs, so the
# whole of npm test can run), saying what it installs.
# As root it runs apt-get itself, otherwise through sudo; it asks nothing
# (apt-get -y, noninteractive; sudo -n when there is no terminal for a password).
set -euo pipefail
cd "$(dirname "$0")/../.."

has() {
  local alt
  IFS='|' read -ra alts <<< "$1"
  for alt in "${alts[@]}"; do
    case "$alt" in
      command:*) command -v "${alt#command:}" >/dev/null 2>&1 && return 0 ;;
      file:*) [ -e "${alt#file:}" ] && return 0 ;;
    esac
  done
  return 1
}

plain=()
lean=()
while read -r pkg check _projects how; do
  [[ -z "${pkg:-}" || "$pkg" == \#* ]] && continue
  if [ "$pkg" = chromium ] && [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "$PUPPETEER_EXECUTABLE_PATH" ]; then continue; fi
  has "$check" && continue
  if [ "${how:-}" = lean ]; then lean+=("$pkg"); else plain+=("$pkg"); fi
done < tests/setup/prerequisites.txt

if [ $((${#plain[@]} + ${#lean[@]})) -eq 0 ]; then
  echo "test:setup: everything the tests need is installed"
  exit 0
fi
echo "test:setup: installing ${plain[*]:-} ${lean[*]:-}"

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "test:setup: not root and no sudo: run as root: apt-get install -y ${plain[*]:-} ${lean[*]:-}" >&2
    exit 1
  fi
  if [ -t 0 ]; then as_root=(sudo); else as_root=(sudo -n); fi
fi
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
"${apt[@]}" update -q
[ ${#plain[@]} -eq 0 ] || "${apt[@]}" install -y -q "${plain[@]}"
[ ${#lean[@]} -eq 0 ] || "${apt[@]}" install -y -q --no-install-recommends "${lean[@]}"
echo "test:setup: installed ${plain[*]:-} ${lean[*]:-}"
