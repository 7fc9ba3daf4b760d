// carnet-cli as scripts use it: the real executable on a real SQLite file.
#include "RawSqlite.h"
#include "TempDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

Run cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
        const QStringList &prefix = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (prefix.isEmpty())
        p.start(QStringLiteral(CARNET_CLI_PATH), args);
    else
        p.start(prefix.first(), prefix.mid(1) + QStringList{QStringLiteral(CARNET_CLI_PATH)} + args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

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
    void consentContract();
    void consentExitCodes_data();
    void consentExitCodes();
    void accessExportAndErasure();
    void importRecordsConsentOnlyForAPurpose();
    void smtpPasswordNeverInTheFile();
    void reportsContract();
    void campaignCreateAndPreview();

private:
    QStringList db(const QStringList &args) const { return QStringList{QStringLiteral("--database"), m_path} + args; }
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCli::init()
{
    m_path = m_dir.filePath(QStringLiteral("cli-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
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
                                            "membership_end,language,notes,household_id,extra,created_at,updated_at")
                                 .split(QLatin1Char(','));
    QCOMPARE(o.size(), keys.size());
    for (const QString &k : keys)
        QVERIFY2(o.contains(k), qPrintable(k));
    QVERIFY(o.value(QStringLiteral("email")).isNull());
    QVERIFY(o.value(QStringLiteral("membership_end")).isNull());
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
    QVERIFY(QFile::exists(m_path));
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

void TestCli::consentContract()
{
    QCOMPARE(cli(db({"members", "add", "--first-name", "Ana", "--last-name", "Lima", "--email", "ana@example.org"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Bo", "--last-name", "Roy", "--email", "bo@example.org",
                     "--membership-end", "2020-06-30"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Cy", "--last-name", "Nil", "--no-email"})).exitCode, 0);

    Run org = cli(db({"organisation", "set", "--name", "Les Amis", "--address", "12 rue des Lilas, Lyon", "--email",
                      "bureau@amis.example.org", "--phone", "04 00 00 00 00", "--website", "https://amis.example.org",
                      "--jurisdiction", "ca", "--json"}));
    QCOMPARE(org.exitCode, 0);
    QCOMPARE(org.json().object().value(QStringLiteral("jurisdiction")).toString(), QStringLiteral("ca"));
    QCOMPARE(cli(db({"organisation", "set", "--jurisdiction", "fr"})).exitCode, 2);

    Run purposes = cli(db({"purposes", "list", "--json"}));
    QCOMPARE(purposes.exitCode, 0);
    QStringList keys;
    for (const QJsonValue &v : purposes.json().array())
        keys.append(v.toObject().value(QStringLiteral("key")).toString());
    QCOMPARE(keys, (QStringList{QStringLiteral("association"), QStringLiteral("newsletter")}));
    QCOMPARE(cli(db({"purposes", "add", "events", "--label", QString::fromUtf8("Événements")})).exitCode, 0);
    QCOMPARE(cli(db({"purposes", "add", "events", "--label", "again"})).exitCode, 1);

    // Record by email and by id; --evidence keeps the file's hash.
    const QString scan = m_dir.filePath(QStringLiteral("form.pdf"));
    QFile f(scan);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("%PDF scanned form");
    f.close();
    Run rec = cli(db({"consent", "record", "ana@example.org", "--purpose", "newsletter", "--basis", "express",
                      "--source", "paper form", "--date", "2026-09-12", "--wording", "form v3", "--evidence", scan,
                      "--recorded-by", "Claire", "--json"}));
    QCOMPARE(rec.exitCode, 0);
    QCOMPARE(rec.json().object().value(QStringLiteral("evidence_sha256")).toString().size(), 64);
    QCOMPARE(cli(db({"consent", "record", "2", "--purpose", "events", "--basis", "implied", "--source", "phone",
                     "--date", "2026-01-10", "--expires", "2026-12-31"}))
                 .exitCode,
             0);

    Run status = cli(db({"consent", "status", "1", "--json"}));
    QCOMPARE(status.exitCode, 0);
    const QJsonObject st = status.json().object();
    QCOMPARE(st.value(QStringLiteral("member")).toInt(), 1);
    const QJsonObject news =
        st.value(QStringLiteral("purposes")).toObject().value(QStringLiteral("newsletter")).toObject();
    for (const char *key : {"eligible", "basis", "since", "valid_until", "reason"})
        QVERIFY2(news.contains(QLatin1String(key)), key);
    QCOMPARE(news.value(QStringLiteral("eligible")).toBool(), true);
    QCOMPARE(news.value(QStringLiteral("basis")).toString(), QStringLiteral("express"));
    QCOMPARE(news.value(QStringLiteral("since")).toString(), QStringLiteral("2026-09-12"));
    QVERIFY(news.value(QStringLiteral("valid_until")).isNull());
    // Membership ended in 2020: implied consent ended 2022-06-30.
    const QJsonObject bo = cli(db({"consent", "status", "bo@example.org", "--json"})).json().object();
    const QJsonObject boAssociation =
        bo.value(QStringLiteral("purposes")).toObject().value(QStringLiteral("association")).toObject();
    QCOMPARE(boAssociation.value(QStringLiteral("eligible")).toBool(), false);
    QCOMPARE(boAssociation.value(QStringLiteral("reason")).toString(), QStringLiteral("expired"));
    QCOMPARE(boAssociation.value(QStringLiteral("valid_until")).toString(), QStringLiteral("2022-06-30"));
    // --at: in 2021 it still held.
    const QJsonObject bo2021 = cli(db({"consent", "status", "2", "--at", "2021-01-01", "--json"})).json().object();
    QCOMPARE(bo2021.value(QStringLiteral("purposes"))
                 .toObject()
                 .value(QStringLiteral("association"))
                 .toObject()
                 .value(QStringLiteral("eligible"))
                 .toBool(),
             true);

    Run eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}));
    QCOMPARE(eligible.exitCode, 0);
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), QJsonArray{1});
    const QJsonObject excluded = eligible.json().object().value(QStringLiteral("excluded")).toObject();
    QCOMPARE(excluded.keys(),
             (QStringList{"expired", "invalid_email", "no_consent", "no_email", "suppressed", "withdrawn"}));
    QCOMPARE(excluded.value(QStringLiteral("no_consent")).toInt(), 1);
    QCOMPARE(excluded.value(QStringLiteral("no_email")).toInt(), 1);

    // Withdrawal: never eligible again, whatever the selection.
    QCOMPARE(cli(db({"consent", "withdraw", "1", "--purpose", "newsletter", "--source", "unsubscribe reply"})).exitCode,
             0);
    eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}));
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), QJsonArray());
    QCOMPARE(eligible.json()
                 .object()
                 .value(QStringLiteral("excluded"))
                 .toObject()
                 .value(QStringLiteral("withdrawn"))
                 .toInt(),
             1);
    eligible = cli(db({"consent", "eligible", "--purpose", "newsletter", "--selection", "all", "--json"}));
    QCOMPARE(eligible.json().object().value(QStringLiteral("eligible")).toArray(), QJsonArray());

    Run history = cli(db({"consent", "history", "ana@example.org", "--json"}));
    QCOMPARE(history.exitCode, 0);
    const QJsonArray events = history.json().array();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("grant"));
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("recorded_by")).toString(), QStringLiteral("Claire"));
    QCOMPARE(events.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("withdraw"));

    // --all: every purpose, and the address suppressed.
    Run all = cli(db({"consent", "withdraw", "2", "--all", "--source", "letter", "--json"}));
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.json().array().size(), 3);
    const QJsonObject boNow = cli(db({"consent", "status", "2", "--json"})).json().object();
    QCOMPARE(boNow.value(QStringLiteral("purposes"))
                 .toObject()
                 .value(QStringLiteral("events"))
                 .toObject()
                 .value(QStringLiteral("reason"))
                 .toString(),
             QStringLiteral("suppressed"));

    Run audit = cli(db({"audit", "list", "--json"}));
    QCOMPARE(audit.exitCode, 0);
    QStringList actions;
    for (const QJsonValue &v : audit.json().array())
        actions.append(v.toObject().value(QStringLiteral("action")).toString());
    QCOMPARE(actions, (QStringList{"consent.grant", "consent.grant", "consent.withdraw", "consent.withdraw"}));
}

void TestCli::consentExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no member") << QStringList{"consent", "status"} << 2 << "needs one member";
    QTest::newRow("unknown member") << QStringList{"consent", "status", "nobody@example.org", "--json"} << 1
                                    << "No member matches";
    QTest::newRow("missing basis") << QStringList{"consent", "record", "1", "--purpose", "newsletter", "--source", "x"}
                                   << 2 << "--basis";
    QTest::newRow("bad basis") << QStringList{"consent", "record", "1",        "--purpose", "newsletter",
                                              "--basis", "opt-in", "--source", "x"}
                               << 2 << "express";
    QTest::newRow("unknown purpose") << QStringList{"consent", "record",  "1",        "--purpose", "raffle",
                                                    "--basis", "express", "--source", "x"}
                                     << 1 << "raffle";
    QTest::newRow("bad date") << QStringList{"consent", "record",   "1", "--purpose", "newsletter", "--basis",
                                             "express", "--source", "x", "--date",    "12/09/2026"}
                              << 2 << "YYYY-MM-DD";
    QTest::newRow("future date") << QStringList{"consent", "record",   "1", "--purpose", "newsletter", "--basis",
                                                "express", "--source", "x", "--date",    "2999-01-01"}
                                 << 1 << "future";
    QTest::newRow("implied without expiry")
        << QStringList{"consent", "record", "1", "--purpose", "newsletter", "--basis", "implied", "--source", "x"} << 1
        << "expiry";
    QTest::newRow("missing evidence")
        << QStringList{"consent", "record",   "1", "--purpose",  "newsletter",           "--basis",
                       "express", "--source", "x", "--evidence", "/nonexistent/scan.pdf"}
        << 1 << "scan.pdf";
    QTest::newRow("withdraw both") << QStringList{"consent",   "withdraw",   "1",        "--all",
                                                  "--purpose", "newsletter", "--source", "x"}
                                   << 2 << "--purpose P or --all";
    QTest::newRow("withdraw without source") << QStringList{"consent", "withdraw", "1", "--all"} << 2 << "--source";
    QTest::newRow("eligible without purpose") << QStringList{"consent", "eligible", "--json"} << 2 << "--purpose";
    QTest::newRow("eligible bad selection")
        << QStringList{"consent", "eligible", "--purpose", "newsletter", "--selection", "bogus"} << 2 << "bogus";
    QTest::newRow("bad purpose key") << QStringList{"purposes", "add", "Bad Key", "--label", "x"} << 1 << "lower-case";
    QTest::newRow("organisation without address")
        << QStringList{"organisation", "set", "--name", "A", "--email", "a@example.org", "--jurisdiction", "eu"} << 1
        << "postal address";
    QTest::newRow("unknown consent command") << QStringList{"consent", "grant"} << 2 << "grant";
    QTest::newRow("unknown audit command") << QStringList{"audit", "purge"} << 2 << "purge";
    QTest::newRow("erase nobody") << QStringList{"members", "erase", "99"} << 1 << "No member matches";
}

void TestCli::consentExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Ana", "--last-name", "Lima", "--email", "ana@example.org"}))
                 .exitCode,
             0);
    const Run r = cli(db(args));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    // Nothing was recorded by a refused command.
    const Run history = cli(db({"consent", "history", "1", "--json"}));
    QCOMPARE(history.json().array().size(), 0);
}

void TestCli::accessExportAndErasure()
{
    QCOMPARE(cli(db({"members", "add", "--first-name", QString::fromUtf8("Hélène"), "--last-name",
                     QString::fromUtf8("Côté"), "--email", "helene@example.org"}))
                 .exitCode,
             0);
    QCOMPARE(
        cli(db({"consent", "record", "1", "--purpose", "newsletter", "--basis", "express", "--source", "web form"}))
            .exitCode,
        0);
    Run exported = cli(db({"members", "export", "helene@example.org", "--json"}));
    QCOMPARE(exported.exitCode, 0);
    const QJsonObject data = exported.json().object();
    QCOMPARE(data.value(QStringLiteral("member")).toObject().value(QStringLiteral("last_name")).toString(),
             QString::fromUtf8("Côté"));
    QCOMPARE(data.value(QStringLiteral("consent_history")).toArray().size(), 1);
    for (const char *key : {"consent", "imports", "messages", "audit"})
        QVERIFY2(data.contains(QLatin1String(key)), key);

    const QString file = m_dir.filePath(QStringLiteral("helene.json"));
    QCOMPARE(cli(db({"members", "export", "1", "--output", file})).exitCode, 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("format")).toString(),
             QStringLiteral("carnet-member-export"));
    // A folder that does not exist: a clear message, exit 1.
    const Run bad = cli(db({"members", "export", "1", "--output", "/nonexistent/dir/x.json"}));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QStringLiteral("/nonexistent/dir/x.json")));

    Run erased = cli(db({"members", "erase", "1", "--json"}));
    QCOMPARE(erased.exitCode, 0);
    QCOMPARE(erased.json().object().value(QStringLiteral("erased")).toInt(), 1);
    QCOMPARE(cli(db({"members", "show", "1"})).exitCode, 1);
    // Not in the file, nor in its write-ahead log: deleted pages are overwritten.
    for (const QString &path : QStringList{m_path, m_path + QStringLiteral("-wal")}) {
        QFile raw(path);
        if (!raw.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = raw.readAll();
        QVERIFY2(!bytes.contains("helene@example.org"), qPrintable(path));
        QVERIFY2(!bytes.contains("web form"), qPrintable(path));
    }
    // The person is re-added: suppressed, not eligible.
    QCOMPARE(
        cli(db({"members", "add", "--first-name", "H", "--last-name", "C", "--email", "Helene@example.org"})).exitCode,
        0);
    const Run eligible = cli(db({"consent", "eligible", "--purpose", "association", "--json"}));
    QCOMPARE(eligible.json()
                 .object()
                 .value(QStringLiteral("excluded"))
                 .toObject()
                 .value(QStringLiteral("suppressed"))
                 .toInt(),
             1);
    Run audit = cli(db({"audit", "list", "--member", "1", "--json"}));
    QCOMPARE(audit.json().array().last().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("member.erase"));
}

void TestCli::importRecordsConsentOnlyForAPurpose()
{
    const QString file = QStringLiteral(CARNET_SOURCE_DIR "/tests/data/mailchimp_subscribed.csv");
    Run plain = cli(db({"import", file, "--json"}));
    QCOMPARE(plain.exitCode, 0);
    QJsonObject consent = plain.json().object().value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("detected")).toString(), QStringLiteral("mailchimp-optin"));
    QVERIFY(consent.value(QStringLiteral("purpose")).isNull());
    QCOMPARE(cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}))
                 .json()
                 .object()
                 .value(QStringLiteral("eligible"))
                 .toArray()
                 .size(),
             0);
    // Text output says why nothing was recorded.
    QVERIFY(cli(db({"import", file, "--dry-run"})).out.contains("--consent-purpose"));

    QCOMPARE(cli(db({"import", file, "--consent-purpose", "raffle"})).exitCode, 2);
    Run withPurpose = cli(db({"import", file, "--consent-purpose", "newsletter", "--json"}));
    QCOMPARE(withPurpose.exitCode, 0);
    consent = withPurpose.json().object().value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("granted")).toInt(), 40);
    QCOMPARE(consent.value(QStringLiteral("purpose")).toString(), QStringLiteral("newsletter"));
    const int batch = withPurpose.json().object().value(QStringLiteral("batch")).toInt();
    QCOMPARE(cli(db({"consent", "eligible", "--purpose", "newsletter", "--json"}))
                 .json()
                 .object()
                 .value(QStringLiteral("eligible"))
                 .toArray()
                 .size(),
             40);
    const QJsonArray history = cli(db({"consent", "history", "lea.david.0@asso.example.net", "--json"})).json().array();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("import mailchimp_subscribed.csv, line 2"));
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("date")).toString(), QStringLiteral("2025-01-27"));
    // Undoing that import takes its consent away, and leaves the members of the first import.
    QCOMPARE(cli(db({"import", "undo", QString::number(batch)})).exitCode, 0);
    QCOMPARE(cli(db({"consent", "history", "lea.david.0@asso.example.net", "--json"})).json().array().size(), 0);
    Run audit = cli(db({"audit", "list", "--json"}));
    QCOMPARE(audit.json().array().last().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("import.consent"));
}

void TestCli::smtpPasswordNeverInTheFile()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // no desktop session: the keychain may be unreachable
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CARNET_CLI_PATH),
            {QStringLiteral("--database"), m_path, QStringLiteral("smtp"), QStringLiteral("set"),
             QStringLiteral("--preset"), QStringLiteral("gandi"), QStringLiteral("--user"),
             QStringLiteral("bureau@asso.example.org"), QStringLiteral("--from"),
             QStringLiteral("Bureau <bureau@asso.example.org>"), QStringLiteral("--store-password")});
    QVERIFY(p.waitForStarted());
    p.write("tr3s-s3cr3t\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    // With a keychain the password is kept there; without one, the command says so and how to send anyway.
    if (p.exitCode() != 0) {
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("keychain")) && err.contains(QStringLiteral("CARNET_SMTP_PASSWORD")),
                 qPrintable(err));
    }
    // Either way the account is saved, and the password is nowhere in the file.
    const Run show = cli(db({"smtp", "show", "--json"}));
    QCOMPARE(show.json().object().value(QStringLiteral("host")).toString(), QStringLiteral("mail.gandi.net"));
    QVERIFY(!show.out.contains("tr3s"));
    for (const QString &path : QStringList{m_path, m_path + QStringLiteral("-wal")}) {
        QFile raw(path);
        if (raw.open(QIODevice::ReadOnly))
            QVERIFY2(!raw.readAll().contains("tr3s-s3cr3t"), qPrintable(path));
    }
    // Sending without any password source says where to give it.
    QProcessEnvironment noPassword = QProcessEnvironment::systemEnvironment();
    noPassword.remove(QStringLiteral("CARNET_SMTP_PASSWORD"));
    noPassword.remove(QStringLiteral("DISPLAY"));
    QCOMPARE(cli(db({"mail", "send", "--to", "a@example.org", "--subject", "x", "--text", m_path})).exitCode, 0);
    if (p.exitCode() != 0) {
        const Run run = cli(db({"outbox", "run"}), noPassword);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--store-password")), qPrintable(run.err));
    }
}

void TestCli::reportsContract()
{
    for (const QStringList &add :
         QList<QStringList>{{"--first-name", "Ana", "--last-name", "Lima", "--email", "ana@example.org", "--section",
                             "CPL", "--membership-start", "2024-03-05"},
                            {"--first-name", "=HYPERLINK(\"http://evil.example\")", "--last-name", "Roy", "--email",
                             "bo@example.org", "--section", "CPL"},
                            {"--first-name", "Cy", "--last-name", "Nil, \"the\" third", "--email", "cy@example.org",
                             "--section", "MPL"}})
        QCOMPARE(cli(db(QStringList{"members", "add"} + add)).exitCode, 0);
    const QString def = m_dir.filePath(QStringLiteral("report.json"));
    QFile f(def);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name":"By section","group":"AG","subgroup":"","notes":"",
               "columns":["email","first_name","last_name","membership_start"],
               "filter":{"field":"section","op":"eq","value":{"param":"section","label":"Which section?"}},
               "sort":[{"field":"last_name","order":"asc"}],"group_by":null})");
    f.close();
    QCOMPARE(cli(db({"report", "save", "--definition", def})).exitCode, 0);
    QCOMPARE(cli(db({"report", "list", "--json"}))
                 .json()
                 .array()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("By section"));
    QCOMPARE(cli(db({"report", "show", "By section", "--json"}))
                 .json()
                 .object()
                 .value(QStringLiteral("columns"))
                 .toArray()
                 .size(),
             4);
    // A parameter the report asks for.
    const Run missing = cli(db({"report", "run", "By section"}));
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QStringLiteral("--param section=")));
    // Byte-exact presets; formula cells neutralised, separators and quotes quoted.
    const Run mailchimp = cli(db({"report", "run", "By section", "--param", "section=CPL", "--preset", "mailchimp"}));
    QCOMPARE(mailchimp.exitCode, 0);
    QCOMPARE(mailchimp.out, QByteArray("Email Address,First Name,Last Name\r\n"
                                       "ana@example.org,Ana,Lima\r\n"
                                       "bo@example.org,\"'=HYPERLINK(\"\"http://evil.example\"\")\",Roy\r\n"));
    const Run excelEn = cli(db({"report", "run", "By section", "--param", "section=MPL", "--preset", "excel-en"}));
    QCOMPARE(excelEn.out, QByteArray("\xEF\xBB\xBF"
                                     "Email,First name,Last name,Member since\r\n"
                                     "cy@example.org,Cy,\"Nil, \"\"the\"\" third\",\r\n"));
    const Run excelFr = cli(db({"report", "run", "By section", "--param", "section=CPL", "--preset", "excel-fr"}));
    QVERIFY(excelFr.out.startsWith("\xEF\xBB\xBF"));
    QVERIFY(excelFr.out.contains("ana@example.org;Ana;Lima;05/03/2024\r\n"));
    const Run json = cli(db({"report", "run", "By section", "--param", "section=CPL", "--json"}));
    QCOMPARE(json.json().array().first().toObject().value(QStringLiteral("membership_start")).toString(),
             QStringLiteral("2024-03-05"));
    // For mailing: withdrawn and suppressed members are never in the file.
    QCOMPARE(cli(db({"consent", "record", "ana@example.org", "--purpose", "newsletter", "--basis", "express",
                     "--source", "form"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"consent", "record", "bo@example.org", "--purpose", "newsletter", "--basis", "express", "--source",
                     "form"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"consent", "withdraw", "bo@example.org", "--all", "--source", "letter"})).exitCode, 0);
    const Run mailing =
        cli(db({"report", "run", "By section", "--param", "section=CPL", "--for-mailing", "newsletter", "--json"}));
    QCOMPARE(mailing.json().object().value(QStringLiteral("rows")).toArray().size(), 1);
    QCOMPARE(mailing.json()
                 .object()
                 .value(QStringLiteral("excluded"))
                 .toObject()
                 .value(QStringLiteral("suppressed"))
                 .toInt(),
             1);
    // Written whole or not at all: an unwritable target leaves the previous file as it was.
    const QString out = m_dir.filePath(QStringLiteral("export.csv"));
    QCOMPARE(cli(db({"report", "run", "By section", "--param", "section=CPL", "--output", out})).exitCode, 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray before = written.readAll();
    written.close();
    QVERIFY(before.startsWith("email,first_name"));
    const Run bad =
        cli(db({"report", "run", "By section", "--param", "section=MPL", "--output", "/nonexistent/dir/x.csv"}));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QStringLiteral("/nonexistent/dir/x.csv")));
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    const Run readOnly = cli(db({"report", "run", "By section", "--param", "section=MPL", "--output", out}));
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    if (::geteuid() != 0) { // root writes anywhere
        QCOMPARE(readOnly.exitCode, 1);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), before);
    }
    // Every export is in the audit log.
    const QJsonArray audit = cli(db({"audit", "list", "--json"})).json().array();
    int exports = 0;
    for (const QJsonValue &v : audit)
        exports += v.toObject().value(QStringLiteral("action")).toString() == QLatin1String("export");
    QVERIFY(exports >= 6);
    QCOMPARE(cli(db({"report", "delete", "By section"})).exitCode, 0);
    QCOMPARE(cli(db({"report", "delete", "By section"})).exitCode, 1);
    // A definition that is not one is refused.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"name":"Bad","columns":["password"]})");
    f.close();
    QCOMPARE(cli(db({"report", "save", "--definition", def})).exitCode, 1);
}

void TestCli::campaignCreateAndPreview()
{
    QCOMPARE(
        cli(db({"organisation", "set", "--name", "Bibliothèque du quartier", "--address",
                "12 rue des Lilas\n69001 Lyon", "--email", "contact@biblio-quartier.fr", "--jurisdiction", "both"}))
            .exitCode,
        0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "<b>Zoé</b> & Cie", "--last-name", "Côté", "--email",
                     "zoe@exemple.fr", "--section", "CPL"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Jean", "--last-name", "Roy", "--email", "jean@example.org",
                     "--language", "en"}))
                 .exitCode,
             0);
    const QString body = m_dir.filePath(QStringLiteral("body.md"));
    QFile f(body);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Bonjour {{prenom|à vous}},\n\nLes **nouvelles** de la section {{section|de la bibliothèque}}.\n");
    f.close();
    const QString pdf = m_dir.filePath(QStringLiteral("programme été.pdf"));
    QFile a(pdf);
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("%PDF-1.4\n" + QByteArray(3000, 'x'));
    a.close();
    const QStringList base = {"campaign",   "create",    "--name",     "Novembre",  "--kind",
                              "newsletter", "--purpose", "newsletter", "--subject", "Nouvelles pour {{first_name}}",
                              "--body",     body,        "--audience", "all"};
    // Refusals: exit 2 with the reason, nothing created.
    const QList<QPair<QStringList, QString>> refusals = {
        {QStringList(base).mid(0, 8) + QStringList{"--body", body, "--audience", "all"}, "--subject"},
        {[&base] {
             QStringList unknownPurpose = base;
             unknownPurpose[7] = QStringLiteral("nope");
             return unknownPurpose;
         }(),
         "nope"},
        {QStringList(base) << "--audience"
                           << "everyone",
         "everyone"},
        {QStringList(base) << "--audience"
                           << "report:missing",
         "missing"},
        {QStringList(base) << "--attach" << m_dir.filePath(QStringLiteral("absent.pdf")), "absent.pdf"},
        {QStringList(base).replaceInStrings(body, m_dir.filePath(QStringLiteral("none.md"))), "none.md"},
        {QStringList(base) << "--kind"
                           << "spam",
         "--kind"},
    };
    for (const auto &[args, why] : refusals) {
        const Run r = cli(db(args));
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(0x20))));
        QVERIFY2(r.err.contains(why), qPrintable(r.err));
    }
    QCOMPARE(cli(db({"campaign", "list", "--json"})).json().array().size(), 0);
    const Run created = cli(db(QStringList(base) << "--attach" << pdf << "--json"));
    QCOMPARE(created.exitCode, 0);
    const int id = created.json().object().value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    QCOMPARE(cli(db({"campaign", "list", "--json"})).json().array().first().toObject().value("name").toString(),
             QStringLiteral("Novembre"));
    // The message as it would arrive, read by Python's email package.
    auto parsed = [this](const QByteArray &bytes) {
        QFile eml(m_dir.filePath(QStringLiteral("preview.eml")));
        eml.open(QIODevice::WriteOnly | QIODevice::Truncate);
        eml.write(bytes);
        eml.close();
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/check_campaign.py"), eml.fileName()});
        python.waitForFinished(30000);
        return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    };
    const Run fr = cli(db({"campaign", "preview", QString::number(id), "--member", "zoe@exemple.fr"}));
    QCOMPARE(fr.exitCode, 0);
    const QJsonObject m = parsed(fr.out);
    QCOMPARE(m.value("defects").toArray().size(), 0);
    QVERIFY(m.value("crlf_only").toBool());
    QCOMPARE(m.value("subject").toString(), QStringLiteral("Nouvelles pour <b>Zoé</b> & Cie"));
    QCOMPARE(m.value("reply_to").toString(), QStringLiteral("Bibliothèque du quartier <contact@biblio-quartier.fr>"));
    QCOMPARE(m.value("list_id").toString(), QStringLiteral("Newsletter <newsletter.biblio-quartier.fr>"));
    QCOMPARE(m.value("list_unsubscribe_post").toString(), QString()); // no HTTPS page: no one-click claim
    const QString unsubscribe = m.value("list_unsubscribe").toString();
    QVERIFY2(unsubscribe.startsWith(QStringLiteral("<mailto:contact@biblio-quartier.fr?subject=unsubscribe%20")),
             qPrintable(unsubscribe));
    const QString token = unsubscribe.section(QStringLiteral("%20"), 1).chopped(1);
    QVERIFY(token.contains(QLatin1Char('.')));
    const QString plain = m.value("plain").toString().replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QVERIFY(plain.startsWith(QStringLiteral("Bonjour <b>Zoé</b> & Cie,")));
    QVERIFY2(
        plain.contains(QStringLiteral("Message envoyé par Bibliothèque du quartier\n12 rue des Lilas\n69001 Lyon")),
        qPrintable(plain));
    QVERIFY(plain.contains(token));
    const QString html = m.value("html").toString();
    QVERIFY2(html.contains(QStringLiteral("<p>Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; Cie,</p>")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<strong>nouvelles</strong> de la section CPL")));
    QVERIFY(!html.contains(QStringLiteral("<b>Zoé")));
    QCOMPARE(m.value("attachments").toArray().first().toObject().value("name").toString(),
             QStringLiteral("programme été.pdf"));
    QCOMPARE(m.value("attachments").toArray().first().toObject().value("size").toInt(), 3009);
    // Each member has a token of their own; the English member's footer is in English, the empty section
    // takes its fallback.
    const Run en = cli(db({"campaign", "preview", QString::number(id), "--member", "jean@example.org"}));
    QCOMPARE(en.exitCode, 0);
    const QJsonObject e = parsed(en.out);
    QVERIFY(e.value("plain").toString().contains(QStringLiteral("To stop receiving these messages:")));
    QVERIFY(e.value("plain").toString().contains(QStringLiteral("de la section de la bibliothèque.")));
    QVERIFY(!e.value("list_unsubscribe").toString().contains(token));
    // No such member or campaign: said, exit 1.
    QCOMPARE(cli(db({"campaign", "preview", QString::number(id), "--member", "nobody@example.org"})).exitCode, 1);
    QCOMPARE(cli(db({"campaign", "preview", "999", "--member", "jean@example.org"})).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
