#!/usr/bin/env python3
"""What SQLite alone allows for the import's inserts: copies the crimes of an imported HotSpots database into empty
copies of its table (same indexes, the import's page cache, 10,000 rows a transaction) with INSERT ... SELECT, so that
no parsing or binding is timed, and compares variants of the schema and settings. Run by hand, never by ./test.sh:
  bench/ingestion/sqlite-ceiling.py DATA_DIR/hotspots.db [ROUNDS]    (a database the app imported crimes into)
"""
import hashlib, os, sqlite3, sys, tempfile, threading, time

source = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
held = sqlite3.connect(source)
table, *indexes = [r[0] for r in held.execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'ingestion_crimes' AND sql IS NOT NULL ORDER BY type DESC")]
columns = ", ".join(f'"{r[1]}"' for r in held.execute("PRAGMA table_info(ingestion_crimes)") if r[1] != "Id")
rows = held.execute("SELECT count(*) FROM ingestion_crimes").fetchone()[0]
date_index = [i for i in indexes if "OccurredFromUtc" in i]
key_index = [i for i in indexes if "SourceKey" in i]
hash_index = ['CREATE INDEX "IX_KeyHash" ON ingestion_crimes ("KeyHash")']


def key_hash(source_name, key):
    digest = hashlib.blake2b(f"{source_name}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def copy(label, schema, page_size=4096, checkpoints="inline", with_hash=False):
    """checkpoints: 'inline' (the writer's own, every 64 MB of log, as SQLite does by default) or 'beside' (another
    connection on another thread after each commit, as the import does). The time includes a last checkpoint."""
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "copy.db")
        target = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        target.create_function("key_hash", 2, key_hash, deterministic=True)
        log_pages = 0 if checkpoints == "beside" else 64 * 1048576 // page_size
        for pragma in (f"page_size = {page_size}", "journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536",
                       f"wal_autocheckpoint = {log_pages}"):
            target.execute(f"PRAGMA {pragma}")
        for statement in schema:
            target.execute(statement)
        target.execute("ATTACH ? AS held", (source,))
        if with_hash:  # computed before timing: the import would compute it while reading
            target.execute("CREATE TEMP TABLE hashed AS SELECT Id, key_hash(Source, SourceKey) AS KeyHash FROM held.ingestion_crimes")
            target.execute("CREATE UNIQUE INDEX temp.hashed_id ON hashed (Id)")
        low, high = target.execute("SELECT min(Id), max(Id) FROM held.ingestion_crimes").fetchone()
        committed = threading.Event()
        done = False

        def checkpoint_beside():
            other = sqlite3.connect(path, isolation_level=None)
            while not done:
                if committed.wait(0.5):
                    committed.clear()
                    other.execute("PRAGMA wal_checkpoint(PASSIVE)")
            other.close()

        beside = threading.Thread(target=checkpoint_beside) if checkpoints == "beside" else None
        if beside:
            beside.start()
        select = (f"SELECT {columns}, h.KeyHash FROM held.ingestion_crimes c JOIN hashed h ON h.Id = c.Id"
                  if with_hash else f"SELECT {columns} FROM held.ingestion_crimes c")
        into = f"{columns}, KeyHash" if with_hash else columns
        started = time.perf_counter()
        while low <= high:
            target.execute("BEGIN")
            target.execute(f"INSERT INTO main.ingestion_crimes ({into}) {select} WHERE c.Id >= ? AND c.Id < ? ORDER BY c.Id",
                           (low, low + 10_000))
            target.execute("COMMIT")
            committed.set()
            low += 10_000
        done = True
        if beside:
            beside.join()
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        seconds = time.perf_counter() - started
        target.close()
    print(f"{label:<58} {seconds:6.2f} s  {rows / seconds:9,.0f} rows/s", flush=True)


hashed_table = table.rstrip().rstrip(")") + ', "KeyHash" INTEGER NOT NULL)'
print(f"{rows:,} crimes from {source}")
for _ in range(rounds):
    copy("as the app (AUTOINCREMENT, both indexes), checkpoints inline", [table, *indexes])
    copy("as the app, checkpoints beside", [table, *indexes], checkpoints="beside")
    copy("64-bit key hash index instead of the text key, beside", [hashed_table, *date_index, *hash_index], checkpoints="beside", with_hash=True)
    copy("without the date index, beside", [table, *key_index], checkpoints="beside")
    copy("the table alone, beside", [table], checkpoints="beside")
    copy("8 KB pages, beside", [table, *indexes], page_size=8192, checkpoints="beside")
    copy("16 KB pages, beside", [table, *indexes], page_size=16384, checkpoints="beside")
