#include "TestServer.h"

#include "storage/Database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace TestServer {

namespace {

const QHash<QString, QString> &settings()
{
    static const QHash<QString, QString> values = [] {
        QHash<QString, QString> out;
        QFile f(qEnvironmentVariable("CARNET_TEST_POSTGRES"));
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : f.readAll().split('\n')) {
                const qsizetype eq = line.indexOf('=');
                if (eq > 0)
                    out.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
            }
        }
        if (!out.isEmpty())
            qputenv("PGPASSWORD", out.value(QStringLiteral("CARNET_PG_PASSWORD")).toUtf8());
        return out;
    }();
    return values;
}

QString urlFor(const QString &database)
{
    return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=disable")
        .arg(value(QStringLiteral("CARNET_PG_USER")), value(QStringLiteral("CARNET_PG_HOST")),
             value(QStringLiteral("CARNET_PG_PORT")), database);
}

bool run(const QString &database, const QString &sql, QString *first = nullptr)
{
    const QString name = Storage::Database::uniqueConnectionName(QStringLiteral("test-admin"));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(value(QStringLiteral("CARNET_PG_HOST")));
        db.setPort(value(QStringLiteral("CARNET_PG_PORT")).toInt());
        db.setUserName(value(QStringLiteral("CARNET_PG_USER")));
        db.setPassword(value(QStringLiteral("CARNET_PG_PASSWORD")));
        db.setDatabaseName(database);
        if (!db.open()) {
            qWarning("TestServer: cannot connect: %s", qPrintable(db.lastError().text()));
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (ok && first)
                *first = q.next() ? q.value(0).toString() : QString();
            if (!ok)
                qWarning("TestServer: %s: %s", qPrintable(sql.left(200)), qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool enabled()
{
    return !settings().isEmpty();
}

QString value(const QString &key)
{
    return settings().value(key);
}

QString createDatabase()
{
    if (!enabled())
        return {};
    static QAtomicInteger<int> counter;
    const QString name =
        QStringLiteral("t_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    if (!run(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name)))
        return {};
    return urlFor(name);
}

void dropDatabase(const QString &url)
{
    const QString name = QUrl(url).path().mid(1);
    if (!name.isEmpty())
        run(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

bool exec(const QString &url, const QString &sql)
{
    return run(QUrl(url).path().mid(1), sql);
}

QString scalar(const QString &url, const QString &sql)
{
    QString out;
    return run(QUrl(url).path().mid(1), sql, &out) ? out : QStringLiteral("ERROR");
}

bool cluster(const char *action)
{
    return QProcess::execute(QStringLiteral("bash"),
                             {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/postgres_cluster.sh"),
                              QString::fromLatin1(action),
                              QFileInfo(qEnvironmentVariable("CARNET_TEST_POSTGRES")).absolutePath()}) == 0;
}

QString databaseOr(const QString &file)
{
    return enabled() ? createDatabase() : file;
}

void release(const QString &path)
{
    if (path.startsWith(QLatin1String("postgresql://")))
        dropDatabase(path);
}

} // namespace TestServer
