#!/bin/bash
# Copied on 2026-12-05 from the project's shared research tools, unchanged but for these comments; the real ufw
# that test/ufw/differential.test.ts compares Parapet with. It produced the captures in test/corpus/ufw/.
# ufw-oracle.sh — run REAL ufw against a throw-away network namespace and a
# throw-away copy of its state, and capture what it prints.
#
# Usage:  sudo ./ufw-oracle.sh OUTDIR [--no-enable] < commands.txt
#   commands.txt: one ufw invocation per line, WITHOUT the leading "ufw",
#   e.g.   allow 22/tcp
#          limit OpenSSH
#          route allow in on eth0 out on eth1 to 10.0.0.0/8 port 80 proto tcp
#   Blank lines and lines starting with '#' are ignored.  Lines starting with
#   '!' are run as shell commands INSIDE the sandbox, e.g.
#          !sysctl -w net.ipv4.ip_forward=1     (so "routed" is not shown as "disabled")
#          !sed -i 's/^IPV6=.*/IPV6=no/' /etc/default/ufw   (use with --no-enable, then "--force enable")
#            NOTE: this sed -i FAILS ("Device or resource busy"): /etc/default/ufw is a bind-mounted file
#            and sed -i renames a new file over it. Rewrite it in place instead:
#          !sed 's/^IPV6=.*/IPV6=no/' /etc/default/ufw > /tmp/ufw.new && cat /tmp/ufw.new > /etc/default/ufw
#   --no-enable : do not run "ufw --force enable" (to capture "Status: inactive").
#
# Output (in OUTDIR): status.txt, status-verbose.txt, status-numbered.txt,
#   user.rules, user6.rules, ufw.conf, default-ufw, show-added.txt,
#   iptables-save.txt, ip6tables-save.txt, commands.log (stdout/stderr of each command)
#
# Isolation:
#   * unshare --net  : brand-new network namespace (only "lo"); the host's
#                      netfilter tables are never touched.  The sysctls that
#                      ufw-init applies (net/ipv4/conf/*, net/ipv6/conf/*,
#                      icmp_*) are per-netns on Linux >= 4.x; we additionally
#                      blank IPT_SYSCTL in the private /etc/default/ufw copy.
#   * unshare --mount --propagation private : private mount namespace; a scratch
#                      copy of /etc/ufw and /etc/default/ufw is bind-mounted
#                      over the real paths, and a tmpfs over /run (ufw.lock),
#                      so the real files are never written.  /lib/ufw only
#                      holds the read-only ufw-init scripts in ufw >= 0.34.
# Requirements: root (or CAP_SYS_ADMIN+CAP_NET_ADMIN), util-linux unshare,
#   ufw, iptables (nf_tables or legacy backend), kernel netfilter support.
set -euo pipefail

OUT=${1:?usage: ufw-oracle.sh OUTDIR [--no-enable] < commands}
ENABLE=1
[ "${2:-}" = "--no-enable" ] && ENABLE=0
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
CMDS="$OUT/commands.txt"
cat > "$CMDS"

STATE=$(mktemp -d /tmp/ufw-oracle.XXXXXX)
trap 'rm -rf "$STATE"' EXIT
mkdir -p "$STATE/etc-ufw" "$STATE/default"
# pristine package defaults (never the live /etc/ufw if it may have been edited)
cp -a /etc/ufw/. "$STATE/etc-ufw/"
# reset the user rule files to the package's empty templates
for f in user.rules user6.rules; do
  if [ -f "/usr/share/ufw/iptables/$f" ]; then cp "/usr/share/ufw/iptables/$f" "$STATE/etc-ufw/$f"; fi
done
sed -i 's/^ENABLED=.*/ENABLED=no/' "$STATE/etc-ufw/ufw.conf"
cp -a /etc/default/ufw "$STATE/default/ufw"
sed -i 's|^IPT_SYSCTL=.*|IPT_SYSCTL=|' "$STATE/default/ufw"
# application profiles that real hosts get from other packages
cat > "$STATE/etc-ufw/applications.d/openssh-server" <<'EOF'
[OpenSSH]
title=Secure shell server, an rshd replacement
description=OpenSSH is a free implementation of the Secure Shell protocol.
ports=22/tcp
EOF
cat > "$STATE/etc-ufw/applications.d/nginx" <<'EOF'
[Nginx HTTP]
title=Web Server (Nginx, HTTP)
description=Small, but very powerful and efficient web server
ports=80/tcp

[Nginx HTTPS]
title=Web Server (Nginx, HTTPS)
description=Small, but very powerful and efficient web server
ports=443/tcp

[Nginx Full]
title=Web Server (Nginx, HTTP + HTTPS)
description=Small, but very powerful and efficient web server
ports=80,443/tcp
EOF
chmod 644 "$STATE/etc-ufw/applications.d/openssh-server" "$STATE/etc-ufw/applications.d/nginx"

UFW_ORACLE_LANGUAGE="${UFW_ORACLE_LANGUAGE:-}" unshare --net --mount --propagation private /bin/bash -s -- "$STATE" "$OUT" "$ENABLE" <<'INNER'
set -uo pipefail
STATE=$1; OUT=$2; ENABLE=$3
mount --bind "$STATE/etc-ufw" /etc/ufw
mount --bind "$STATE/default/ufw" /etc/default/ufw
mount -t tmpfs tmpfs /run
ip link set lo up
export LANG=C LC_ALL=C; [ -n "${UFW_ORACLE_LANGUAGE:-}" ] && export LANGUAGE="$UFW_ORACLE_LANGUAGE"
: > "$OUT/commands.log"
if [ "$ENABLE" = 1 ]; then
  echo "+ ufw --force enable" >> "$OUT/commands.log"
  ufw --force enable >> "$OUT/commands.log" 2>&1
fi
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) continue;; esac
  case "$line" in '!'*) echo "+ ${line#!}" >> "$OUT/commands.log"; eval "${line#!}" >> "$OUT/commands.log" 2>&1; echo "rc=$?" >> "$OUT/commands.log"; continue;; esac
  echo "+ ufw $line" >> "$OUT/commands.log"
  # eval so that quoting in the command file works (comment 'a b', "Nginx Full")
  eval "ufw $line" >> "$OUT/commands.log" 2>&1; echo "rc=$?" >> "$OUT/commands.log"
done < "$OUT/commands.txt"
ufw status          > "$OUT/status.txt"          2>&1
ufw status verbose  > "$OUT/status-verbose.txt"  2>&1
ufw status numbered > "$OUT/status-numbered.txt" 2>&1
ufw show added      > "$OUT/show-added.txt"      2>&1
cp /etc/ufw/user.rules /etc/ufw/user6.rules /etc/ufw/ufw.conf "$OUT/"
cp /etc/default/ufw "$OUT/default-ufw"
iptables-save  > "$OUT/iptables-save.txt"  2>&1 || true
ip6tables-save > "$OUT/ip6tables-save.txt" 2>&1 || true
chmod 644 "$OUT"/*
INNER
echo "wrote $OUT"
