#!/usr/bin/env python3
"""What SQLite alone allows for the import's inserts: copies the crimes of an imported HotSpots database into empty
copies of its table (same indexes, the import's page cache and checkpoint settings, 10,000 rows a transaction) with
INSERT ... SELECT, so that no parsing or binding is timed. Run by hand, never by ./test.sh:
  bench/ingestion/sqlite-ceiling.py DATA_DIR/hotspots.db      (a database the app imported crimes into)
"""
import os, sqlite3, sys, tempfile, time

source = sys.argv[1]
held = sqlite3.connect(source)
table, *indexes = [r[0] for r in held.execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'ingestion_crimes' AND sql IS NOT NULL ORDER BY type DESC")]
columns = ", ".join(f'"{r[1]}"' for r in held.execute("PRAGMA table_info(ingestion_crimes)") if r[1] != "Id")
rows = held.execute("SELECT count(*) FROM ingestion_crimes").fetchone()[0]
by_name = {"date": [i for i in indexes if "OccurredFromUtc" in i], "key": [i for i in indexes if "SourceKey" in i]}

def copy(label, schema):
    with tempfile.TemporaryDirectory() as work:
        target = sqlite3.connect(os.path.join(work, "copy.db"), isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536", "wal_autocheckpoint = 16384"):
            target.execute(f"PRAGMA {pragma}")
        for statement in schema:
            target.execute(statement)
        target.execute("ATTACH ? AS held", (source,))
        low, high = target.execute("SELECT min(Id), max(Id) FROM held.ingestion_crimes").fetchone()
        started = time.perf_counter()
        while low <= high:
            target.execute("BEGIN")
            target.execute(f"INSERT INTO main.ingestion_crimes ({columns}) SELECT {columns} FROM held.ingestion_crimes "
                           "WHERE Id >= ? AND Id < ? ORDER BY Id", (low, low + 10_000))
            target.execute("COMMIT")
            low += 10_000
        seconds = time.perf_counter() - started
        target.close()
    print(f"{label:<45} {seconds:6.2f} s  {rows / seconds:9,.0f} rows/s")

print(f"{rows:,} crimes from {source}")
copy("as the app (AUTOINCREMENT, both indexes)", [table, *indexes])
copy("without AUTOINCREMENT", [table.replace(" AUTOINCREMENT", ""), *indexes])
copy("without the date index", [table, *by_name["key"]])
copy("the table alone", [table])
