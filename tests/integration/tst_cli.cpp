// carnet-cli as scripts use it: the real executable on a real SQLite file — members, files and imports.
#include "CliRun.h"
#include "RawSqlite.h"
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QByteArray hashOf(const QString &path)
{
    return RawSqlite::sha256(path);
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void versionAndUsage();
    void addShowEditDeleteRoundTrip();
    void memberJsonHasEveryContractKey();
    void exitCodes_data();
    void exitCodes();
    void householdWithSharesMailbox();
    void listSearchIgnoresAccents();
    void environmentVariableChoosesDatabase();
    void messagesInFrench();
    void unusableFilesAreRefusedUntouched();
    void readOnlyFileIsRefusedUntouched();
    void previewContract();
    void previewOptions();
    void previewRefusesUnusableFiles_data();
    void previewRefusesUnusableFiles();
    void importContract();
    void editIfVersionNeverOverwrites();

private:
    QStringList db(const QStringList &args) const { return QStringList{QStringLiteral("--database"), m_path} + args; }
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCli::init()
{
    m_path = m_dir.filePath(QStringLiteral("cli-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
    m_path = TestServer::databaseOr(m_path);
    QVERIFY(!m_path.isEmpty());
}

void TestCli::cleanup()
{
    TestServer::release(m_path);
}

void TestCli::versionAndUsage()
{
    const Run v = cli({QStringLiteral("--version")});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out.trimmed(), QByteArray("carnet-cli " CARNET_VERSION));
    const Run h = cli({QStringLiteral("--help")});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains("members add"));
    const Run none = cli({});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(QStringLiteral("No command given")));
}

void TestCli::addShowEditDeleteRoundTrip()
{
    Run add = cli(db({"members",
                      "add",
                      "--first-name",
                      QString::fromUtf8("Hélène"),
                      "--last-name",
                      QString::fromUtf8("Côté"),
                      "--email",
                      " Helene.Cote@Exemple.FR ",
                      "--member-number",
                      "23000001",
                      "--phone",
                      "514-555-0101",
                      "--mobile",
                      "438-555-0102",
                      "--address",
                      "4122 rue Bertrand",
                      "--postal-code",
                      "H2X 1Y4",
                      "--city",
                      QString::fromUtf8("Montréal"),
                      "--country",
                      "Canada",
                      "--section",
                      "CPL",
                      "--category",
                      "PT",
                      "--membership-start",
                      "2025-01-15",
                      "--membership-end",
                      "2026-01-14",
                      "--language",
                      "fr",
                      "--notes",
                      QString::fromUtf8("Bénévole"),
                      "--json"}));
    QCOMPARE(add.exitCode, 0);
    const QJsonObject m = add.json().object();
    QCOMPARE(m.value(QStringLiteral("email")).toString(), QStringLiteral("Helene.Cote@exemple.fr"));
    QCOMPARE(m.value(QStringLiteral("membership_start")).toString(), QStringLiteral("2025-01-15"));
    QCOMPARE(m.value(QStringLiteral("city")).toString(), QString::fromUtf8("Montréal"));
    const qint64 id = m.value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);

    Run show = cli(db({"members", "show", "helene.cote@EXEMPLE.fr", "--json"}));
    QCOMPARE(show.exitCode, 0);
    QCOMPARE(show.json().object(), m);

    Run edit = cli(db({"members", "edit", QString::number(id), "--city", "Lyon", "--phone", "", "--json"}));
    QCOMPARE(edit.exitCode, 0);
    QCOMPARE(edit.json().object().value(QStringLiteral("city")).toString(), QStringLiteral("Lyon"));
    QVERIFY(edit.json().object().value(QStringLiteral("phone")).isNull());
    QCOMPARE(edit.json().object().value(QStringLiteral("mobile")).toString(), QStringLiteral("438-555-0102"));

    Run text = cli(db({"members", "show", QString::number(id)}));
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Lyon"));

    Run del = cli(db({"members", "delete", QString::number(id)}));
    QCOMPARE(del.exitCode, 0);
    Run gone = cli(db({"members", "show", QString::number(id)}));
    QCOMPARE(gone.exitCode, 1);
    QVERIFY(gone.err.contains(QStringLiteral("No member matches")));
}

void TestCli::memberJsonHasEveryContractKey()
{
    Run add = cli(db({"members", "add", "--first-name", "A", "--last-name", "B", "--no-email", "--json"}));
    QCOMPARE(add.exitCode, 0);
    const QJsonObject o = add.json().object();
    const QStringList keys = QStringLiteral("id,member_number,first_name,last_name,email,phone,mobile,address,"
                                            "postal_code,city,country,section,category,membership_start,"
                                            "membership_end,language,notes,household_id,extra,created_at,updated_at,"
                                            "version,updated_by")
                                 .split(QLatin1Char(','));
    QCOMPARE(o.size(), keys.size());
    for (const QString &k : keys)
        QVERIFY2(o.contains(k), qPrintable(k));
    QVERIFY(o.value(QStringLiteral("email")).isNull());
    QVERIFY(o.value(QStringLiteral("membership_end")).isNull());
    QCOMPARE(o.value(QStringLiteral("version")).toInteger(), 1);
    QVERIFY(QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODate).isValid());
    Run list = cli(db({"members", "list", "--json"}));
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().array().size(), 1);
    QCOMPARE(list.json().array().first().toObject(), o);
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing last name") << QStringList{"members", "add", "--first-name", "A", "--email", "a@example.org"}
                                       << 1 << "last name is required";
    QTest::newRow("bad email") << QStringList{"members",     "add", "--first-name", "A",
                                              "--last-name", "B",   "--email",      "a@b"}
                               << 1 << "period";
    QTest::newRow("no email, not ticked")
        << QStringList{"members", "add", "--first-name", "A", "--last-name", "B"} << 1 << "required";
    QTest::newRow("email and no-email") << QStringList{"members", "add",           "--first-name",
                                                       "A",       "--last-name",   "B",
                                                       "--email", "a@example.org", "--no-email"}
                                        << 2 << "cannot be used together";
    QTest::newRow("bad date") << QStringList{"members", "add",        "--first-name",     "A",         "--last-name",
                                             "B",       "--no-email", "--membership-end", "31/12/2025"}
                              << 2 << "YYYY-MM-DD";
    QTest::newRow("bad language") << QStringList{"members", "add",        "--first-name", "A", "--last-name",
                                                 "B",       "--no-email", "--language",   "de"}
                                  << 1 << "fr or en";
    QTest::newRow("unknown flag") << QStringList{"members", "add", "--nickname", "x"} << 2 << "nickname";
    QTest::newRow("unknown subcommand") << QStringList{"members", "frobnicate"} << 2 << "frobnicate";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "frobnicate";
    QTest::newRow("show nobody") << QStringList{"members", "show", "nobody@example.org"} << 1 << "No member matches";
    QTest::newRow("edit without member") << QStringList{"members", "edit"} << 2 << "needs one member";
    QTest::newRow("unknown household") << QStringList{"members", "add",        "--first-name",     "A",  "--last-name",
                                                      "B",       "--no-email", "--household-with", "404"}
                                       << 1 << "No member matches";
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = cli(db(args));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::householdWithSharesMailbox()
{
    QCOMPARE(
        cli(db({"members", "add", "--first-name", "Léa", "--last-name", "David", "--email", "famille@example.org"}))
            .exitCode,
        0);
    const Run refused =
        cli(db({"members", "add", "--first-name", "Marc", "--last-name", "David", "--email", "FAMILLE@example.org"}));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(QStringLiteral("already used by")));
    const Run ok = cli(db({"members", "add", "--first-name", "Marc", "--last-name", "David", "--email",
                           "FAMILLE@example.org", "--household-with", "famille@example.org", "--json"}));
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(!ok.json().object().value(QStringLiteral("household_id")).isNull());
    const Run first = cli(db({"members", "show", "1", "--json"}));
    QCOMPARE(first.json().object().value(QStringLiteral("household_id")),
             ok.json().object().value(QStringLiteral("household_id")));
}

void TestCli::listSearchIgnoresAccents()
{
    for (const auto &[f, l, e] :
         {std::tuple{"Hélène", "Côté", "h@example.org"}, std::tuple{"Jean", "Cote", "j@example.org"},
          std::tuple{"Zoé", "Émond", "z@example.org"}})
        QCOMPARE(cli(db({"members", "add", "--first-name", QString::fromUtf8(f), "--last-name", QString::fromUtf8(l),
                         "--email", QString::fromLatin1(e)}))
                     .exitCode,
                 0);
    const Run r = cli(db({"members", "list", "--search", "COTE", "--json"}));
    QCOMPARE(r.exitCode, 0);
    const QJsonArray a = r.json().array();
    QCOMPARE(a.size(), 2);
    // Côté and Cote fold alike; the first name breaks the tie (Hélène before Jean).
    QCOMPARE(a[0].toObject().value(QStringLiteral("last_name")).toString(), QString::fromUtf8("Côté"));
    QCOMPARE(a[1].toObject().value(QStringLiteral("last_name")).toString(), QStringLiteral("Cote"));
    const Run none = cli(db({"members", "list", "--search", "xyz", "--json"}));
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.json().array().size(), 0);
    const Run text = cli(db({"members", "list"}));
    QVERIFY(QString::fromUtf8(text.out).startsWith(QString::fromUtf8("1\tCôté, Hélène\th@example.org")));
}

void TestCli::environmentVariableChoosesDatabase()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARNET_DATABASE"), m_path);
    QCOMPARE(cli({"members", "add", "--first-name", "A", "--last-name", "B", "--no-email"}, env).exitCode, 0);
    QVERIFY(TestServer::enabled() || QFile::exists(m_path));
    QCOMPARE(cli(db({"members", "show", "1"})).exitCode, 0);
}

void TestCli::messagesInFrench()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
    const Run r = cli(db({"members", "add", "--first-name", "A", "--last-name", "", "--email", "x@@y"}), env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Le nom est obligatoire.")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QString::fromUtf8("qu’un seul signe @")), qPrintable(r.err));
    env.insert(QStringLiteral("LANG"), QStringLiteral("fr_CA.UTF-8"));
    QCOMPARE(
        cli(db({"members", "add", "--first-name", "A", "--last-name", "B", "--email", "a@example.org"}), env).exitCode,
        0);
    const Run dup =
        cli(db({"members", "add", "--first-name", "C", "--last-name", "D", "--email", "A@example.org"}), env);
    QVERIFY2(dup.err.contains(QStringLiteral("adresse courriel")), qPrintable(dup.err)); // Québec wording
}

void TestCli::unusableFilesAreRefusedUntouched()
{
    const QString csv = m_dir.filePath(QStringLiteral("membres.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Prenom;Nom\nLea;David\n");
    f.close();
    const QByteArray before = hashOf(csv);
    const Run r = cli({"--database", csv, "members", "list"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("is not a Carnet database")));
    QCOMPARE(hashOf(csv), before);

    QCOMPARE(cli(db({"members", "add", "--first-name", "A", "--last-name", "B", "--no-email"})).exitCode, 0);
    if (TestServer::enabled()) {
        // A server database with tables of another program, then one written by a newer Carnet: refused, and
        // nothing written in either.
        const QString foreign = TestServer::createDatabase();
        QVERIFY(TestServer::exec(foreign, QStringLiteral("CREATE TABLE accounts (id int)")));
        const Run other = cli({"--database", foreign, "members", "list"});
        TestServer::release(foreign);
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains(QStringLiteral("not Carnet's")), qPrintable(other.err));
        QVERIFY(TestServer::exec(m_path, QStringLiteral("UPDATE carnet_schema SET version = 999")));
        const Run future = cli(db({"members", "add", "--first-name", "C", "--last-name", "D", "--no-email"}));
        QCOMPARE(future.exitCode, 2);
        QVERIFY(future.err.contains(QStringLiteral("newer version of Carnet")));
        QCOMPARE(TestServer::scalar(m_path, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("1"));
        return;
    }
    QVERIFY(RawSqlite::exec(
        m_path, {QStringLiteral("PRAGMA user_version = 999"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}));
    const QByteArray futureBefore = hashOf(m_path);
    const Run future = cli(db({"members", "add", "--first-name", "C", "--last-name", "D", "--no-email"}));
    QCOMPARE(future.exitCode, 2);
    QVERIFY(future.err.contains(QStringLiteral("newer version of Carnet")));
    QCOMPARE(hashOf(m_path), futureBefore);
}

void TestCli::readOnlyFileIsRefusedUntouched()
{
    if (TestServer::enabled())
        QSKIP("file permissions: a local member file only");
    QCOMPARE(cli(db({"members", "add", "--first-name", "A", "--last-name", "B", "--no-email"})).exitCode, 0);
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QFile::remove(m_path + QStringLiteral("-wal"));
    QFile::remove(m_path + QStringLiteral("-shm"));
    const QByteArray before = hashOf(m_path);
    QStringList prefix;
    if (::geteuid() == 0) {
        // root writes anywhere: run the CLI as an ordinary user, as a volunteer would.
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        QVERIFY2(!setpriv.isEmpty(), "setpriv (util-linux) is needed to drop root privileges");
        QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                        QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                        QFileDevice::ExeOther));
        prefix = QStringList{setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                             QStringLiteral("--clear-groups")};
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
    const Run r = cli(db({"members", "add", "--first-name", "C", "--last-name", "D", "--no-email"}), env, prefix);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("cannot be written")), qPrintable(r.err));
    QCOMPARE(hashOf(m_path), before);
}

namespace {
const QString kData = QStringLiteral(CARNET_SOURCE_DIR "/tests/data/");
}

void TestCli::previewContract()
{
    const Run r = cli({"preview", kData + "cagette_membres_cp1252.csv", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json().object();
    for (const char *key : {"encoding", "bom", "delimiter", "has_header", "header", "mapping", "rows"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value("encoding").toString(), QStringLiteral("windows-1252"));
    QCOMPARE(o.value("bom").toBool(), false);
    QCOMPARE(o.value("delimiter").toString(), QStringLiteral(";"));
    QCOMPARE(o.value("has_header").toBool(), true);
    QCOMPARE(o.value("header").toArray().first().toString(), QStringLiteral("firstName"));
    const QJsonObject mapping = o.value("mapping").toObject();
    QCOMPARE(mapping.value("firstName").toString(), QStringLiteral("first_name"));
    QCOMPARE(mapping.value("zipCode").toString(), QStringLiteral("postal_code"));
    QCOMPARE(mapping.value("firstName2").toString(), QStringLiteral("extra.firstName2"));
    const QJsonArray rows = o.value("rows").toArray();
    QCOMPARE(rows.size(), 40); // every data row without --limit
    QCOMPARE(rows.first().toArray().first().toString(), QString::fromUtf8("Jérôme"));
    QCOMPARE(rows.first().toArray().size(), 12);

    const Run bom = cli({"preview", kData + "excel_fr_utf8_bom.csv", "--json", "--limit", "3"});
    QCOMPARE(bom.exitCode, 0);
    const QJsonObject b = bom.json().object();
    QCOMPARE(b.value("encoding").toString(), QStringLiteral("UTF-8"));
    QCOMPARE(b.value("bom").toBool(), true);
    QCOMPARE(b.value("header").toArray().first().toString(), QString::fromUtf8("Prénom")); // no BOM in the cell
    QCOMPARE(b.value("rows").toArray().size(), 3);
    QCOMPARE(b.value("mapping").toObject().value(QStringLiteral("Date d'adhésion")).toString(),
             QStringLiteral("membership_start"));

    const Run utf16 = cli({"preview", kData + "outlook_contacts_utf16.txt", "--json"});
    QCOMPARE(utf16.json().object().value("encoding").toString(), QStringLiteral("UTF-16LE"));
    QCOMPARE(utf16.json().object().value("delimiter").toString(), QStringLiteral("\t"));
    const Run paheko = cli({"preview", kData + "paheko_membres_cp1252.csv", "--json"});
    QCOMPARE(paheko.json().object().value("mapping").toObject().value(QString::fromUtf8("Nom & prénom")).toString(),
             QStringLiteral("full_name"));
}

void TestCli::previewOptions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("spaces.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Nom|Courriel\n  Roy  |\"roy@example.org\"\n");
    f.close();
    const Run r = cli({"preview", path, "--json"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().object().value("delimiter").toString(), QStringLiteral("|"));
    // Cells exactly as in the file after unquoting: not trimmed.
    QCOMPARE(r.json().object().value("rows").toArray().first().toArray().first().toString(), QStringLiteral("  Roy  "));

    const Run noHeader = cli({"preview", path, "--json", "--no-header"});
    const QJsonObject n = noHeader.json().object();
    QCOMPARE(n.value("has_header").toBool(), false);
    QCOMPARE(n.value("header").toArray().size(), 0);
    QCOMPARE(n.value("rows").toArray().size(), 2);
    QCOMPARE(n.value("mapping").toObject().value("column_2").toString(), QStringLiteral("email"));

    const Run comma = cli({"preview", path, "--json", "--delimiter", ","});
    QCOMPARE(comma.json().object().value("delimiter").toString(), QStringLiteral(","));
    QCOMPARE(comma.json().object().value("header").toArray().size(), 1);

    const Run forced = cli({"preview", kData + "cagette_membres_cp1252.csv", "--json", "--encoding", "utf-8"});
    QCOMPARE(forced.exitCode, 0);
    QCOMPARE(forced.json().object().value("encoding").toString(), QStringLiteral("UTF-8"));
    QVERIFY(forced.json().object().value("problems").toArray().size() > 5); // the accents, line by line
    const Run cp = cli({"preview", kData + "no_header_iso885915.csv", "--json", "--encoding", "latin9"});
    QCOMPARE(cp.json().object().value("encoding").toString(), QStringLiteral("ISO-8859-15"));
}

void TestCli::previewRefusesUnusableFiles_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("binary") << QStringList{"preview", kData + "not_a_spreadsheet.png", "--json"} << "binary";
    QTest::newRow("empty") << QStringList{"preview", kData + "empty.csv", "--json"} << "empty";
    QTest::newRow("missing") << QStringList{"preview", kData + "nope.csv", "--json"} << "does not exist";
    QTest::newRow("folder") << QStringList{"preview", kData, "--json"} << "folder";
    QTest::newRow("unknown encoding") << QStringList{"preview", kData + "koha_patrons.csv", "--encoding", "klingon"}
                                      << "Unknown encoding";
    QTest::newRow("bad delimiter") << QStringList{"preview", kData + "koha_patrons.csv", "--delimiter", ",;"}
                                   << "one character";
    QTest::newRow("no file") << QStringList{"preview"} << "one file";
}

void TestCli::previewRefusesUnusableFiles()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::importContract()
{
    Run r = cli(db({"import", kData + "excel_fr_utf8_bom.csv", "--json"}));
    QCOMPARE(r.exitCode, 0);
    QJsonObject o = r.json().object();
    for (const char *key : {"batch", "created", "updated", "unchanged", "duplicates", "rejected", "no_email", "errors"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value("created").toInt(), 40);
    QCOMPARE(o.value("duplicates").toInt(), 5);
    const qint64 batch = o.value("batch").toInteger();
    QVERIFY(batch > 0);

    // Dry run: counts, no batch, nothing written.
    r = cli(db({"import", kData + "koha_patrons.csv", "--dry-run", "--json"}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().object().value("batch").isNull());
    QCOMPARE(r.json().object().value("created").toInt(), 40);
    QCOMPARE(cli(db({"members", "list", "--json"})).json().array().size(), 40);

    // Rejected rows: exit code 1 and where/why in "errors".
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Prénom;Nom;Courriel;Statut\nLéa;David;lea@@example.org;x\nMarc;Roy;marc@example.org;y\n");
    f.close();
    r = cli(db({"import", bad, "--json", "--map", "Statut=extra.status"}));
    QCOMPARE(r.exitCode, 1);
    o = r.json().object();
    QCOMPARE(o.value("created").toInt(), 1);
    QCOMPARE(o.value("rejected").toInt(), 1);
    const QJsonObject e = o.value("errors").toArray().first().toObject();
    QCOMPARE(e.value("line").toInt(), 2);
    QCOMPARE(e.value("column").toString(), QStringLiteral("Courriel"));
    QCOMPARE(e.value("value").toString(), QStringLiteral("lea@@example.org"));
    QVERIFY(!e.value("message").toString().isEmpty());
    QCOMPARE(cli(db({"members", "show", "marc@example.org", "--json"}))
                 .json()
                 .object()
                 .value("extra")
                 .toObject()
                 .value("status")
                 .toString(),
             QStringLiteral("y"));

    // Modes and the list of imports, then undo.
    r = cli(db({"import", kData + "excel_fr_utf8_bom.csv", "--mode", "fill", "--json"}));
    QCOMPARE(r.json().object().value("unchanged").toInt(), 40);
    r = cli(db({"import", "list", "--json"}));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().array().size(), 3);
    QCOMPARE(cli(db({"import", "undo", QString::number(batch)})).exitCode, 0);
    QCOMPARE(cli(db({"members", "list", "--json"})).json().array().size(), 1); // Marc, from the later import
    QCOMPARE(cli(db({"import", "undo", QString::number(batch)})).exitCode, 1); // already undone
    QCOMPARE(cli(db({"import", "undo", "999"})).exitCode, 1);
    QCOMPARE(cli(db({"import", kData + "not_a_spreadsheet.png"})).exitCode, 2);
    QCOMPARE(cli(db({"import", kData + "koha_patrons.csv", "--mode", "merge"})).exitCode, 2);
    QCOMPARE(cli(db({"import", kData + "koha_patrons.csv", "--map", "email=colour"})).exitCode, 2);
}

// Scripts editing the same member at once with --if-version: a stale version is refused with exit 3 and the
// member's current values, never overwritten. Four processes each read the member and write their own city
// in a loop: the final row equals a serial replay of the edits that succeeded (its city the last one's, its
// version one more per success).
void TestCli::editIfVersionNeverOverwrites()
{
    Run add = cli(
        db({"members", "add", "--first-name", "Léa", "--last-name", "Roy", "--email", "lea@example.org", "--json"}));
    QCOMPARE(add.exitCode, 0);
    QCOMPARE(add.json().object().value(QStringLiteral("version")).toInteger(), 1);
    Run first = cli(db({"members", "edit", "1", "--city", "Lyon", "--if-version", "1", "--json"}));
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.json().object().value(QStringLiteral("version")).toInteger(), 2);
    Run stale = cli(db({"members", "edit", "1", "--city", "Nantes", "--if-version", "1", "--json"}));
    QCOMPARE(stale.exitCode, 3);
    QCOMPARE(stale.json().object().value(QStringLiteral("city")).toString(), QStringLiteral("Lyon"));
    QCOMPARE(stale.json().object().value(QStringLiteral("version")).toInteger(), 2);
    QVERIFY2(stale.err.contains(QStringLiteral("nothing was overwritten")), qPrintable(stale.err));
    QCOMPARE(cli(db({"members", "edit", "1", "--city", "Nantes", "--if-version", "x"})).exitCode, 2);
    // A delete at a stale version: exit 3, the member as it is, still there.
    Run staleDelete = cli(db({"members", "delete", "1", "--if-version", "1", "--json"}));
    QCOMPARE(staleDelete.exitCode, 3);
    QCOMPARE(staleDelete.json().object().value(QStringLiteral("version")).toInteger(), 2);
    QCOMPARE(cli(db({"members", "show", "1", "--json"})).exitCode, 0);
    QCOMPARE(cli(db({"members", "delete", "1", "--if-version", "0"})).exitCode, 2);

    // Four writers, each: read, then write its own city at the version read.
    constexpr int writers = 4, rounds = 6;
    QList<QProcess *> processes;
    const QString script =
        QStringLiteral("for i in $(seq 1 %1); do "
                       "v=$(\"$CLI\" --database \"$DB\" members show 1 --json | python3 -c 'import json,sys; "
                       "print(json.load(sys.stdin)[\"version\"])'); "
                       "if \"$CLI\" --database \"$DB\" members edit 1 --city \"w$W-$i\" --if-version \"$v\" >/dev/null "
                       "2>&1; then echo \"ok w$W-$i $v\"; else echo \"stale $?\"; fi; done")
            .arg(rounds);
    for (int w = 0; w < writers; ++w) {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLI"), QStringLiteral(CARNET_CLI_PATH));
        env.insert(QStringLiteral("DB"), m_path);
        env.insert(QStringLiteral("W"), QString::number(w));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
        processes.append(p);
    }
    QMap<qint64, QString> successes; // the version each success was made at -> the city it wrote
    int refused = 0;
    for (QProcess *p : std::as_const(processes)) {
        QVERIFY(p->waitForFinished(240000));
        for (const QByteArray &line : p->readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.value(0) == "ok") {
                QVERIFY2(!successes.contains(parts.value(2).toLongLong()), "two edits succeeded from one version");
                successes.insert(parts.value(2).toLongLong(), QString::fromUtf8(parts.value(1)));
            } else if (parts.value(0) == "stale") {
                QCOMPARE(parts.value(1), QByteArray("3"));
                ++refused;
            }
        }
        delete p;
    }
    QCOMPARE(successes.size() + refused, writers * rounds);
    QVERIFY(!successes.isEmpty());
    // A serial replay: each success started from the version the previous one left.
    QCOMPARE(successes.firstKey(), 2);
    QCOMPARE(successes.lastKey(), 2 + successes.size() - 1);
    Run final = cli(db({"members", "show", "1", "--json"}));
    QCOMPARE(final.json().object().value(QStringLiteral("city")).toString(), successes.last());
    QCOMPARE(final.json().object().value(QStringLiteral("version")).toInteger(), 2 + successes.size());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
