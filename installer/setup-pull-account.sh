#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The pull account on a monitored host: an unprivileged user that can read the collector's outbox over SFTP and
# nothing else. Run as root; running it again changes nothing that is already right (another key is added).
#
#   setup-pull-account.sh --key-file /tmp/flightpull_ed25519.pub        # set up (or add a key)
#   setup-pull-account.sh --remove                                     # undo
#
# What it does:
#   - a system user (default flightpull) with no password ('*': no password login, not locked) and the shell
#     /usr/sbin/nologin, in the group flightrec-read;
#   - the outbox owned root:flightrec-read, mode 2750 (setgid: the archives the collector writes, mode 0640, belong to
#     the group and are readable by it); the archives already there get the group too;
#   - the public key in a root-owned authorized_keys file, with the option "restrict" (no forwarding, no pty, no
#     ~/.ssh/rc);
#   - an sshd drop-in: for that user, public keys only, chroot into the outbox, "internal-sftp -R" (read-only SFTP),
#     no forwarding, no tty, no tunnel. The user sees only the archives, at "/".
# Because the SFTP server is read-only, "flightdeck-cli pull --remove" cannot delete archives from this host: the
# collector's retention (retention_age, retention_size) does.
set -eu

user=flightpull
group=flightrec-read
outbox=/var/lib/flightrec/outbox
config_dir=/etc/ssh/sshd_config.d
keys_file=
key_lines=
remove=no
reload=auto

usage() {
    cat <<EOF
usage: $0 [--user NAME] [--group NAME] [--outbox DIR] (--key-file FILE | --key 'ssh-ed25519 AAAA...')...
          [--sshd-config-dir DIR] [--authorized-keys FILE] [--no-reload]
       $0 --remove [--user NAME] [--group NAME] [--outbox DIR] [--sshd-config-dir DIR] [--authorized-keys FILE]
  --user NAME             the pull account (default flightpull)
  --group NAME            the group that may read the outbox (default flightrec-read)
  --outbox DIR            the collector's outbox (default /var/lib/flightrec/outbox)
  --key-file FILE         public key(s) allowed to log in (OpenSSH .pub or authorized_keys lines); repeatable
  --key LINE              one public key line; repeatable
  --sshd-config-dir DIR   where the drop-in USER.conf goes (default /etc/ssh/sshd_config.d, which Debian's
                          sshd_config includes)
  --authorized-keys FILE  the account's key file (default /etc/ssh/USER.authorized_keys)
  --no-reload             do not reload sshd (the default reloads it when the drop-in is in /etc/ssh/sshd_config.d)
  --remove                delete the user, its keys and the drop-in; the outbox goes back to root:root 0750
EOF
    exit 2
}

fail() {
    echo "setup-pull-account: $*" >&2
    exit 1
}

need_value() {
    [ $# -ge 2 ] || { echo "setup-pull-account: $1 needs a value" >&2; usage; }
}

while [ $# -gt 0 ]; do
    case "$1" in
    --user) need_value "$@"; user=$2; shift 2 ;;
    --group) need_value "$@"; group=$2; shift 2 ;;
    --outbox) need_value "$@"; outbox=$2; shift 2 ;;
    --key-file)
        need_value "$@"
        [ -r "$2" ] || fail "$2: cannot read the key file"
        key_lines="$key_lines$(grep -v '^[[:space:]]*\(#\|$\)' "$2")
"
        shift 2 ;;
    --key) need_value "$@"; key_lines="$key_lines$2
"; shift 2 ;;
    --sshd-config-dir) need_value "$@"; config_dir=$2; shift 2 ;;
    --authorized-keys) need_value "$@"; keys_file=$2; shift 2 ;;
    --no-reload) reload=no; shift ;;
    --remove) remove=yes; shift ;;
    -h|--help) usage ;;
    *) echo "setup-pull-account: unknown option $1" >&2; usage ;;
    esac
done

[ "$(id -u)" -eq 0 ] || fail "must run as root"
printf '%s' "$user" | grep -Eq '^[a-z_][a-z0-9_-]{0,31}$' || fail "$user: not a valid user name"
printf '%s' "$group" | grep -Eq '^[a-z_][a-z0-9_-]{0,31}$' || fail "$group: not a valid group name"
case "$outbox" in /*) ;; *) fail "$outbox: the outbox must be an absolute path" ;; esac
[ -n "$keys_file" ] || keys_file=/etc/ssh/$user.authorized_keys
drop_in=$config_dir/$user.conf
[ "$reload" = auto ] && { [ "$config_dir" = /etc/ssh/sshd_config.d ] && reload=yes || reload=no; }

# Only an account this script created is changed or deleted (its comment says so), never an existing person's.
comment_prefix="Flight Recorder pull account"
check_ours() {
    if id -u "$user" >/dev/null 2>&1; then
        getent passwd "$user" | cut -d: -f5 | grep -q "^$comment_prefix" \
            || fail "$user: an existing account this script did not create; choose another --user"
    fi
}

reload_sshd() {
    [ "$reload" = yes ] || return 0
    if ! command -v systemctl >/dev/null 2>&1 || ! systemctl is-active --quiet ssh; then
        echo "sshd is not running under systemd: the drop-in applies at its next start"
        return 0
    fi
    sshd -t || fail "sshd -t rejects the configuration: see above ($drop_in)"
    systemctl reload ssh
    echo "reloaded sshd"
}

check_ours
if [ "$remove" = yes ]; then
    if id -u "$user" >/dev/null 2>&1; then
        userdel "$user"
        echo "deleted the user $user"
    fi
    for file in "$drop_in" "$keys_file"; do
        if [ -e "$file" ]; then
            rm -f "$file"
            echo "removed $file"
        fi
    done
    if getent group "$group" >/dev/null 2>&1; then
        groupdel "$group"
        echo "deleted the group $group"
    fi
    if [ -d "$outbox" ]; then
        chown -R root:root "$outbox"
        chmod 0750 "$outbox"
        echo "$outbox: root:root, mode 0750"
    fi
    reload_sshd
    exit 0
fi

[ -n "$key_lines" ] || { echo "setup-pull-account: give the workstation's public key with --key-file or --key" >&2; usage; }
[ -d "$outbox" ] || fail "$outbox: no such directory (start flightrec once, or create it)"

# Every key line is checked by ssh-keygen; options given with it are replaced by "restrict".
new_keys=$(mktemp)
trap 'rm -f "$new_keys"' EXIT
printf '%s' "$key_lines" | while IFS= read -r line; do
    [ -n "$line" ] || continue
    key=$(printf '%s\n' "$line" | grep -Eo '(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp[0-9]+|sk-[a-z0-9@.-]+) [A-Za-z0-9+/=]+.*$' || true)
    [ -n "$key" ] || fail "not a public key: $line"
    printf '%s\n' "$key" >"$new_keys.one"
    ssh-keygen -l -f "$new_keys.one" >/dev/null 2>&1 || { rm -f "$new_keys.one"; fail "not a valid public key: $line"; }
    rm -f "$new_keys.one"
    printf 'restrict %s\n' "$key" >>"$new_keys"
done

if ! getent group "$group" >/dev/null 2>&1; then
    groupadd --system "$group"
    echo "created the group $group"
fi
if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir / --shell /usr/sbin/nologin --groups "$group" \
        --comment "$comment_prefix (read-only SFTP of $outbox)" "$user"
    echo "created the user $user (no password, shell /usr/sbin/nologin)"
fi
usermod --append --groups "$group" --shell /usr/sbin/nologin "$user"
# '*': no password can match, and the account is not "locked" ('!'), which sshd refuses without PAM.
usermod --password '*' "$user"

# sshd's ChrootDirectory needs a root-owned directory no one else can write to; setgid gives new archives the group.
chown root:"$group" "$outbox"
chmod 2750 "$outbox"
find "$outbox" -mindepth 1 -maxdepth 1 -type f -name '*.frec' -exec chgrp "$group" {} + -exec chmod g+r {} +
echo "$outbox: root:$group, mode 2750; archives readable by $group"

mkdir -p "$(dirname "$keys_file")"
touch "$keys_file"
while IFS= read -r line; do
    grep -qxF "$line" "$keys_file" || { printf '%s\n' "$line" >>"$keys_file"; echo "added a key to $keys_file"; }
done <"$new_keys"
chown root:root "$keys_file"
chmod 0644 "$keys_file"

mkdir -p "$config_dir"
cat >"$drop_in.new" <<EOF
# Written by setup-pull-account.sh: $user reads the Flight Recorder outbox over read-only SFTP and nothing else.
Match User $user
    AuthenticationMethods publickey
    AuthorizedKeysFile $keys_file
    ChrootDirectory $outbox
    ForceCommand internal-sftp -R
    DisableForwarding yes
    PermitTTY no
    PermitTunnel no
    PermitUserRC no
# Later lines of the including file apply to every user again.
Match all
EOF
chmod 0644 "$drop_in.new"
mv "$drop_in.new" "$drop_in"
echo "wrote $drop_in"
if [ "$config_dir" = /etc/ssh/sshd_config.d ] && [ -r /etc/ssh/sshd_config ] \
    && ! grep -Eq '^[[:space:]]*Include[[:space:]]+/etc/ssh/sshd_config\.d/\*\.conf' /etc/ssh/sshd_config; then
    echo "warning: /etc/ssh/sshd_config does not Include /etc/ssh/sshd_config.d/*.conf: add that line at its top" >&2
fi
reload_sshd

cat <<EOF

On the workstation (the outbox is the chroot, so its path there is "/"; pull --remove cannot delete, the SFTP
server is read-only):
  flightdeck-cli --db case.db remote add $(hostname) --address $(hostname -f 2>/dev/null || hostname) --user $user \\
      --key ~/.ssh/flightpull_ed25519 --outbox /
  flightdeck-cli --db case.db pull
EOF
