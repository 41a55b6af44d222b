#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check_same_rows.sh OLD_CLI NEW_CLI ARCHIVE_DIR [POSTGRES_URL_PREFIX]
# Imports the archives below ARCHIVE_DIR (with ARCHIVE_DIR/trust.txt, as bench_import --keep and
# flightdeck-makearchives write it) with two builds of flightdeck-cli into fresh SQLite cases (and, given a URL
# prefix such as "postgresql://postgres@/?host=/tmp/pg&port=5432" with the database name left out, into two fresh
# PostgreSQL databases made with createdb), then compares every row of every table, ids included, leaving out only
# the clock readings of the import itself (import, trust and audit times). QT_HASH_SEED=0 makes both builds assign
# ids in the same order (the importer interns paths and processes in hash order). Exit 0: the same rows.
# On PostgreSQL archives of several hosts are imported in two lanes, whose ids follow the order in which the lanes
# commit: two runs of one build differ there. Give PostgreSQL the archives of one host.
set -eu
old=$1 new=$2 archives=$3 pg=${4-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_HASH_SEED=0

# Every table and column of the case, minus the import's own clock readings.
columns_sql="SELECT m.name, group_concat(p.name, ',') FROM sqlite_master m, pragma_table_info(m.name) p
  WHERE m.type = 'table' AND m.name NOT IN ('schema_version', 'sqlite_sequence')
  AND NOT (p.name IN ('imported_ts', 'first_import_ts', 'last_import_ts', 'trusted_ts', 'held_ts')
           OR (m.name = 'audit_log' AND p.name = 'ts'))
  GROUP BY m.name ORDER BY m.name"

import_into() { # CLI DB
    while read -r key host; do "$1" --db "$2" trust "$key" --label "$host" >/dev/null; done <"$archives/trust.txt"
    "$1" --db "$2" import "$archives" >/dev/null
}

dump_sqlite() { # DB
    sqlite3 "$1" "$columns_sql" | while IFS='|' read -r table cols; do
        echo "== $table"
        sqlite3 "$1" "SELECT $(echo "$cols" | sed 's/\([a-z_]*\)/quote(\1)/g') FROM $table ORDER BY 1, 2"
    done
}

dump_postgres() { # URL; the column list comes from the SQLite case made by the same build
    sqlite3 "$work/new.db" "$columns_sql" | while IFS='|' read -r table cols; do
        echo "== $table"
        psql -X -q -A -t "$1" -c "SELECT $cols FROM $table ORDER BY 1, 2"
    done
}

import_into "$old" "$work/old.db"
import_into "$new" "$work/new.db"
dump_sqlite "$work/old.db" >"$work/old-sqlite.txt"
dump_sqlite "$work/new.db" >"$work/new-sqlite.txt"
status=0
if cmp -s "$work/old-sqlite.txt" "$work/new-sqlite.txt"; then
    echo "sqlite: the same rows ($(wc -l <"$work/new-sqlite.txt") lines of dump)"
else
    echo "sqlite: DIFFERENT rows:"; diff "$work/old-sqlite.txt" "$work/new-sqlite.txt" | head -20; status=1
fi
if [ -n "$pg" ]; then
    suffix=$$
    for side in old new; do
        psql -X -q "$(echo "$pg" | sed "s|/?|/postgres?|")" -c "CREATE DATABASE check_${side}_$suffix"
        url=$(echo "$pg" | sed "s|/?|/check_${side}_$suffix?|")
        cli=$old; [ $side = new ] && cli=$new
        import_into "$cli" "$url"
        dump_postgres "$url" >"$work/$side-postgres.txt"
    done
    if cmp -s "$work/old-postgres.txt" "$work/new-postgres.txt"; then
        echo "postgres: the same rows ($(wc -l <"$work/new-postgres.txt") lines of dump)"
    else
        echo "postgres: DIFFERENT rows:"; diff "$work/old-postgres.txt" "$work/new-postgres.txt" | head -20; status=1
    fi
fi
exit $status
