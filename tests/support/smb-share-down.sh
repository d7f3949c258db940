#!/usr/bin/env bash
# smb-share-down.sh MOUNTDIR   -- undo smb-share-up.sh (same SMB_STATE_DIR).
# Adapted from the team's shared tools for Samtalenotat's tests (tests/support/).
# Unmounts, stops the FUSE daemon and smbd by their recorded PIDs only.
# SMB_KEEP_STATE=1 keeps $SMB_STATE_DIR (logs, export) for inspection.
set -uo pipefail
MNT=${1:?usage: smb-share-down.sh MOUNTDIR}
ST=${SMB_STATE_DIR:?set SMB_STATE_DIR (the one given to smb-share-up.sh)}

alive() { [ -n "${1:-}" ] && [ -d "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
wait_gone() { # pid seconds
  local i; for i in $(seq 1 $(( $2 * 10 ))); do alive "$1" || return 0; sleep 0.1; done; return 1; }

# 1. unmount (lazy fallback if something still has files open there)
if mountpoint -q "$MNT"; then
  if [ "$(cat "$ST/fuse.kind" 2>/dev/null)" = smbnetfs ]; then
    umount "$MNT" 2>/dev/null || umount -l "$MNT"
  else
    fusermount3 -u "$MNT" 2>/dev/null || fusermount3 -uz "$MNT"
  fi
fi
if [ -d "$ST/net" ] && mountpoint -q "$ST/net"; then
  fusermount3 -u "$ST/net" 2>/dev/null || fusermount3 -uz "$ST/net"
fi

# 2. FUSE daemon: exits by itself after unmount (rclone <1 s, smbnetfs up to ~10 s)
FP=$(cat "$ST/fuse.pid" 2>/dev/null || true)
if alive "$FP"; then
  wait_gone "$FP" 12 || { kill "$FP" 2>/dev/null; wait_gone "$FP" 5 || kill -9 "$FP" 2>/dev/null; }
fi

# 3. smbd: parent + its direct children (per-connection smbd, notifyd, cleanupd)
SP=$(cat "$ST/smbd.pid" 2>/dev/null || true)
if alive "$SP"; then
  kids=$(ps -o pid= --ppid "$SP" 2>/dev/null || true)
  kill "$SP" 2>/dev/null
  wait_gone "$SP" 5 || kill -9 "$SP" 2>/dev/null
  for k in $kids; do alive "$k" && kill -9 "$k" 2>/dev/null; done
fi

rm -f "$ST/fuse.pid" "$ST/smbd.pid"
[ "${SMB_KEEP_STATE:-0}" = 1 ] || rm -rf "$ST"
echo "[smb-share-down] done" >&2
