#include "bilan_sqlite.h"

#include <sqlite3.h>

int bilan_sqlite_without_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int bilan_sqlite_accept_uri_filenames(void) {
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
