#!/usr/bin/env bash
# smb-share-up.sh MOUNTDIR
# Start a throw-away Samba server on 127.0.0.1:$SMB_PORT (no systemd) and mount its
# share at MOUNTDIR through FUSE, so plain std::fs code talks SMB2/3 to a real smbd.
# Used by Samtalenotat's SMB sync tests (src-tauri/core/tests/core/sync_smb.rs) and bench/sync.sh.
#
# Env:
#   SMB_STATE_DIR  where config/logs/pids/export live   (REQUIRED: a fresh temp dir per run,
#                  so parallel runs and other users never share state)
#   SMB_PORT       TCP port on 127.0.0.1                (default: first free of 4450-4499)
#   SMB_FUSE       rclone | smbnetfs                    (default rclone)
#   SMB_PASS       password of the SMB user "root"      (default smbtest)
# Prints SMB_EXPORT_DIR=... (the server-side directory backing the share) on success.
# Needs: root, /dev/fuse, Debian/Ubuntu apt. Teardown: smb-share-down.sh MOUNTDIR
set -euo pipefail

MNT=${1:?usage: smb-share-up.sh MOUNTDIR}
ST=${SMB_STATE_DIR:?set SMB_STATE_DIR to a fresh temporary folder}
if [ -z "${SMB_PORT:-}" ]; then
  # Start at a random place and skip ports with any socket at all (not only listeners): a
  # server that a previous test just killed can leave its port unbindable for a moment
  # (closing connections), and taking the same port again then fails at random.
  offset=$((RANDOM % 50))
  for i in $(seq 0 49); do
    p=$((4450 + (offset + i) % 50))
    ss -tan | grep -q ":$p " || { SMB_PORT=$p; break; }
  done
fi
PORT=${SMB_PORT:?no free port in 4450-4499}
FUSE=${SMB_FUSE:-rclone}
PASS=${SMB_PASS:-smbtest}
SMBUSER=root
SHARE=share
t0=$EPOCHREALTIME
log() { echo "[smb-share-up $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}')s] $*" >&2; }
die() { log "ERROR: $*"; for f in "$ST"/log/*; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done; exit 1; }

# ---- 1. packages (only if missing) -------------------------------------------------
need=(samba smbclient fuse3)
[ "$FUSE" = rclone ] && need+=(rclone)
[ "$FUSE" = smbnetfs ] && need+=(smbnetfs)
missing=()
for p in "${need[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
log "packages ok"
[ -c /dev/fuse ] || die "/dev/fuse missing"

# ---- 2. samba config + user -----------------------------------------------------------
mkdir -p "$ST"/{export,private,lock,state,cache,pid,ncalrpc,log} "$MNT"
if mountpoint -q "$MNT"; then die "$MNT is already a mount point (run smb-share-down.sh first)"; fi
cat > "$ST/smb.conf" <<EOF
[global]
  netbios name = SMBTEST
  workgroup = WORKGROUP
  server role = standalone server
  smb ports = $PORT
  interfaces = 127.0.0.1
  bind interfaces only = yes
  disable netbios = yes
  server min protocol = SMB2_10
  private dir = $ST/private
  lock directory = $ST/lock
  state directory = $ST/state
  cache directory = $ST/cache
  pid directory = $ST/pid
  ncalrpc dir = $ST/ncalrpc
  passdb backend = tdbsam:$ST/private/passdb.tdb
  log file = $ST/log/smbd.%m.log
  max log size = 0
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
[$SHARE]
  path = $ST/export
  read only = no
EOF
printf '%s\n%s\n' "$PASS" "$PASS" | smbpasswd -c "$ST/smb.conf" -s -a "$SMBUSER" >/dev/null

# ---- 3. smbd (own process, no systemd) -----------------------------------------------
if ss -ltn | grep -q "127.0.0.1:$PORT "; then die "port $PORT already in use"; fi
# A restart after a killed server: smbd refuses to start while its pid file names a process
# that still exists, and a killed smbd whose parent is gone can linger as a zombie (a
# container's PID 1 may not reap it). The pid files are ours (this state dir): clear them.
rm -f "$ST"/pid/*.pid
# NOT --no-process-group: on SIGTERM smbd signals its whole process group, which
# would then include the caller (CI script). Without it smbd setpgid()s itself.
smbd --foreground -s "$ST/smb.conf" --debug-stdout -d1 \
  </dev/null >>"$ST/log/smbd.stdout" 2>&1 &
echo $! > "$ST/smbd.pid"
for _ in $(seq 1 200); do ss -ltn | grep -q "127.0.0.1:$PORT " && break; sleep 0.05; done
ss -ltn | grep -q "127.0.0.1:$PORT " || die "smbd did not listen on $PORT"
smbclient -s "$ST/smb.conf" -p "$PORT" -U "$SMBUSER%$PASS" "//127.0.0.1/$SHARE" -c 'ls' >/dev/null 2>&1 \
  || die "smbclient could not list //127.0.0.1/$SHARE"
log "smbd up (pid $(cat "$ST/smbd.pid"), port $PORT)"

# ---- 4. FUSE mount ---------------------------------------------------------------------
case "$FUSE" in
rclone)
  OBS=$(RCLONE_CONFIG=/dev/null rclone obscure "$PASS")
  RCLONE_CONFIG=/dev/null rclone mount \
    ":smb,host=127.0.0.1,port=$PORT,user=$SMBUSER,pass=$OBS:$SHARE" "$MNT" \
    --vfs-cache-mode off --dir-cache-time 1s --attr-timeout 1s \
    --timeout 10s --contimeout 5s --low-level-retries 1 \
    --vfs-case-insensitive --smb-encoding "Slash,BackSlash,InvalidUtf8" \
    --cache-dir "$ST/rclone-cache" --log-file "$ST/log/rclone.log" -v \
    </dev/null >/dev/null 2>&1 &
  echo $! > "$ST/fuse.pid"
  want=fuse.rclone ;;
smbnetfs)
  mkdir -p "$ST/home/.smb" "$ST/net"
  printf '[global]\n  client min protocol = SMB2_10\n' > "$ST/home/.smb/smb.conf"
  cat > "$ST/home/.smb/smbnetfs.conf" <<EOF
log_file "$ST/log/smbnetfs.log"
smb_timeout 10000
smb_query_browsers "false"
use_libsecret "false"
stat_workaround_depth 0
stat_workaround_enable_default_entries "false"
local_charset "UTF-8"
neg_cache_timeout 1
auth "$SMBUSER" "$PASS"
host 127.0.0.1 visible=true
EOF
  chmod 600 "$ST/home/.smb/smbnetfs.conf"
  # NB: 'neg_cache "false"' deadlocks smbnetfs 0.6.3 at startup - don't use it.
  HOME="$ST/home" smbnetfs "$ST/net" -f -o config="$ST/home/.smb/smbnetfs.conf" \
    </dev/null >>"$ST/log/smbnetfs.stdout" 2>&1 &
  echo $! > "$ST/fuse.pid"
  for _ in $(seq 1 200); do [ "$(findmnt -n -o FSTYPE "$ST/net" || true)" = fuse.smbnetfs ] && break; sleep 0.05; done
  for _ in $(seq 1 200); do [ -d "$ST/net/127.0.0.1:$PORT/$SHARE" ] && break; sleep 0.05; done
  mount --bind "$ST/net/127.0.0.1:$PORT/$SHARE" "$MNT" || die "bind mount failed"
  want=fuse.smbnetfs ;;
*) die "SMB_FUSE must be rclone or smbnetfs" ;;
esac
echo "$FUSE" > "$ST/fuse.kind"
for _ in $(seq 1 200); do [ "$(findmnt -n -o FSTYPE "$MNT" || true)" = "$want" ] && break; sleep 0.05; done
[ "$(findmnt -n -o FSTYPE "$MNT" || true)" = "$want" ] || die "$MNT is not a $want mount"

# ---- 5. end-to-end canary: write through the mount, see it on the server side ----------
c=".smb-canary-$$"
echo ok > "$MNT/$c" || die "canary write failed"
for _ in $(seq 1 100); do [ -f "$ST/export/$c" ] && break; sleep 0.05; done
[ "$(cat "$ST/export/$c" 2>/dev/null)" = ok ] || die "canary not visible on server side"
rm -f "$MNT/$c"
log "mounted //127.0.0.1:$PORT/$SHARE at $MNT via $FUSE (pid $(cat "$ST/fuse.pid"))"
echo "$PORT" > "$ST/port"
echo "SMB_EXPORT_DIR=$ST/export"
