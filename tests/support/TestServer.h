#pragma once

#include <QString>

// The PostgreSQL server of the test run (tests/support/postgres_cluster.sh, ctest fixture "postgres").
// A test registered with carnet_add_test(… POSTGRES) runs a second time with CARNET_TEST_POSTGRES naming
// that server's env file: TempDatabase then gives each test a new, empty database on it.
namespace TestServer {
bool enabled();
QString value(const QString &key); // CARNET_PG_HOST, _PORT, _USER, _PASSWORD, _DATA, _BIN
// A new empty database; its postgresql:// URL (loopback, no TLS). PGPASSWORD is set for this process
// and the carnet-cli it starts. Empty on failure (the reason goes to the test log).
QString createDatabase();
void dropDatabase(const QString &url);
// SQL run as the cluster's superuser in the database of `url` (what psql would do).
bool exec(const QString &url, const QString &sql);
// The first column of the first row, as psql -tAc would print it ("" when none, "ERROR" on failure).
QString scalar(const QString &url, const QString &sql);
// For tests that name their member file themselves: a new server database in a run against the server,
// else `file`. release() drops it again (nothing for a file).
QString databaseOr(const QString &file);
void release(const QString &path);
// postgres_cluster.sh halt|resume|restart on the run's server (fault tests; registered SERIAL).
bool cluster(const char *action);
} // namespace TestServer
