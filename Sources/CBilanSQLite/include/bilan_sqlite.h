#ifndef BILAN_SQLITE_H
#define BILAN_SQLITE_H

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS), which take a global mutex on
/// every allocation and free: 7 % of the import's storing. sqlite3_config is variadic, hence this
/// shim. Only effective before SQLite is first used in the process; returns SQLite's result code
/// (SQLITE_MISUSE when it was too late, which is harmless).
int bilan_sqlite_without_memory_statistics(void);

/// Lets a file name be a `file:` URI with parameters (`immutable=1`); once, before the first
/// connection opens.
int bilan_sqlite_accept_uri_filenames(void);

#endif
