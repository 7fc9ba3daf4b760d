// A board's volunteers on the run's real PostgreSQL server: one login each, a role and optional sections,
// enforced by the server itself. As a reader, every write path of carnet-cli and of the service layer is
// refused (exit 4, with the reason) and a raw UPDATE as that login fails; a section-limited editor's counts,
// lists, reports, exports, consent answers and imports hold only its sections, and a raw SELECT as that
// login returns only those rows; a member added outside them is refused. The audit log and the ledger carry
// the login of whoever acted, and a volunteer cannot write another name in. An owner without the right to
// create logins (the usual hosted database) still gives access to logins that exist; a volunteer cannot
// upgrade the schema and is told who can.
#include "CliRun.h"
#include "TestServer.h"
#include "core/Clock.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/Volunteers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestVolunteers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void grantListRevoke();
    void readerChangesNothing();
    void sectionEditorSeesOnlyItsSections();
    void whoDidWhatComesFromTheServer();
    void ownerWithoutCreateRole();

private:
    // A login unique to this run (logins are the whole server's).
    QString login(const QString &name)
    {
        const QString l = QStringLiteral("%1_%2").arg(name, m_suffix);
        m_logins.append(l);
        return l;
    }
    QString newDatabase()
    {
        const QString url = TestServer::createDatabase();
        m_databases.append(url);
        return url;
    }
    // The same database as `url`, connected as `who`.
    static QString as(const QString &url, const QString &who)
    {
        QUrl u(url);
        u.setUserName(who);
        return u.toString();
    }
    Run run(const QString &database, const QStringList &args, const QString &password = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), password);
        return ::cli(QStringList{QStringLiteral("--database"), database} + args, env);
    }
    QString passwordFile(const QString &password)
    {
        return writeFile(m_dir.path(), QStringLiteral("pw-%1").arg(++m_files), password.toUtf8() + '\n');
    }
    // A new database holding Léa Roy (member 1), and a new login given `role` with that password.
    QString databaseWithLea();
    int grantNew(const QString &url, const QString &who, const QString &role, const QString &password);
    // A raw statement as `who` (what psql would do): its first value, or "ERROR: …".
    static QString raw(const QString &url, const QString &who, const QString &password, const QString &sql);

    QTemporaryDir m_dir;
    QString m_suffix;
    QStringList m_logins;
    QStringList m_databases;
    int m_files = 0;
};

QString TestVolunteers::databaseWithLea()
{
    const QString url = newDatabase();
    const Run r = run(url, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"),
                            QStringLiteral("Léa"), QStringLiteral("--last-name"), QStringLiteral("Roy"),
                            QStringLiteral("--email"), QStringLiteral("lea@example.org")});
    return r.exitCode == 0 ? url : QString();
}

int TestVolunteers::grantNew(const QString &url, const QString &who, const QString &role, const QString &password)
{
    return run(url, {QStringLiteral("server"), QStringLiteral("grant"), who, QStringLiteral("--role"), role,
                     QStringLiteral("--create"), QStringLiteral("--password-file"), passwordFile(password)})
        .exitCode;
}

QString TestVolunteers::raw(const QString &url, const QString &who, const QString &password, const QString &sql)
{
    const QUrl u(url);
    const QString name = QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate());
    QString out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setDatabaseName(u.path().mid(1));
        db.setUserName(who);
        db.setPassword(password);
        db.setConnectOptions(QStringLiteral("sslmode=disable"));
        if (!db.open()) {
            out = QStringLiteral("ERROR: ") + db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                out =
                    QStringLiteral("ERROR: ") + q.lastError().databaseText().remove(QStringLiteral("ERROR:")).trimmed();
            else if (q.next())
                out = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

void TestVolunteers::initTestCase()
{
    QVERIFY(TestServer::enabled());
    QVERIFY(m_dir.isValid());
    m_suffix = QString::number(QRandomGenerator::global()->generate() % 1000000);
}

void TestVolunteers::cleanupTestCase()
{
    for (const QString &url : std::as_const(m_databases))
        TestServer::release(url);
    const QString postgres = TestServer::createDatabase(); // any database of the server, to drop the logins
    for (const QString &l : std::as_const(m_logins))
        TestServer::exec(postgres, QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(l));
    TestServer::release(postgres);
}

void TestVolunteers::grantListRevoke()
{
    const QString url = newDatabase();
    QCOMPARE(run(url, {QStringLiteral("server"), QStringLiteral("setup")}).exitCode, 0);
    const QString ana = login(QStringLiteral("ana")), bob = login(QStringLiteral("bob"));

    Run r = run(url, {QStringLiteral("server"), QStringLiteral("grant"), ana, QStringLiteral("--role"),
                      QStringLiteral("admin"), QStringLiteral("--create"), QStringLiteral("--password-file"),
                      passwordFile(QStringLiteral("ana-secret-1"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The password itself never reached the server: it stores a SCRAM verifier.
    QVERIFY(TestServer::scalar(url, QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = '%1'").arg(ana))
                .startsWith(QLatin1String("SCRAM-SHA-256$")));

    // An admin volunteer gives access in turn; sections given twice count once.
    r = run(as(url, ana),
            {QStringLiteral("server"), QStringLiteral("grant"), bob, QStringLiteral("--role"), QStringLiteral("editor"),
             QStringLiteral("--section"), QStringLiteral("Nord"), QStringLiteral("--section"), QStringLiteral("Sud"),
             QStringLiteral("--section"), QStringLiteral("Nord"), QStringLiteral("--create"),
             QStringLiteral("--password-file"), passwordFile(QStringLiteral("bob-secret-1"))},
            QStringLiteral("ana-secret-1"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = run(url, {QStringLiteral("server"), QStringLiteral("volunteers"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = r.json().array();
    QCOMPARE(list.size(), 2);
    const QJsonObject first = list.at(0).toObject(), second = list.at(1).toObject();
    QCOMPARE(QStringList(first.keys()), (QStringList{QStringLiteral("last_seen"), QStringLiteral("login"),
                                                     QStringLiteral("role"), QStringLiteral("sections")}));
    QCOMPARE(first.value(QStringLiteral("login")).toString(), ana);
    QCOMPARE(first.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QVERIFY(first.value(QStringLiteral("last_seen")).isString()); // ana connected to grant bob
    QCOMPARE(second.value(QStringLiteral("role")).toString(), QStringLiteral("editor"));
    QCOMPARE(second.value(QStringLiteral("sections")).toArray(),
             (QJsonArray{QStringLiteral("Nord"), QStringLiteral("Sud")}));
    QVERIFY(second.value(QStringLiteral("last_seen")).isNull());

    // An editor cannot list nor give access (exit 4, and why).
    r = run(as(url, bob), {QStringLiteral("server"), QStringLiteral("volunteers")}, QStringLiteral("bob-secret-1"));
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QStringLiteral("Only an admin")), qPrintable(r.err));
    r = run(as(url, bob),
            {QStringLiteral("server"), QStringLiteral("grant"), bob, QStringLiteral("--role"), QStringLiteral("admin")},
            QStringLiteral("bob-secret-1"));
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT role FROM volunteers WHERE login = '%1'").arg(bob)),
             QStringLiteral("editor"));

    // Bad requests: no role, --create without a password file, an owner made a volunteer, a login that exists.
    r = run(url, {QStringLiteral("server"), QStringLiteral("grant"), bob});
    QCOMPARE(r.exitCode, 2);
    r = run(url, {QStringLiteral("server"), QStringLiteral("grant"), bob, QStringLiteral("--role"),
                  QStringLiteral("reader"), QStringLiteral("--create")});
    QCOMPARE(r.exitCode, 2);
    r = run(url,
            {QStringLiteral("server"), QStringLiteral("grant"), TestServer::value(QStringLiteral("CARNET_PG_USER")),
             QStringLiteral("--role"), QStringLiteral("reader")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("superuser")), qPrintable(r.err));
    r = run(url, {QStringLiteral("server"), QStringLiteral("grant"), bob, QStringLiteral("--role"),
                  QStringLiteral("reader"), QStringLiteral("--create"), QStringLiteral("--password-file"),
                  passwordFile(QStringLiteral("another-one"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("already has a login")), qPrintable(r.err));
    r = run(url, {QStringLiteral("server"), QStringLiteral("grant"), QStringLiteral("nobody_%1").arg(m_suffix),
                  QStringLiteral("--role"), QStringLiteral("reader")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("has no login")), qPrintable(r.err));

    // Revoked: bob's login stays, but it can no longer read a member.
    r = run(url, {QStringLiteral("server"), QStringLiteral("revoke"), bob, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().object().value(QStringLiteral("revoked")).toBool(), true);
    QVERIFY(raw(url, bob, QStringLiteral("bob-secret-1"), QStringLiteral("SELECT count(*) FROM members"))
                .startsWith(QLatin1String("ERROR: permission denied")));
    r = run(url, {QStringLiteral("server"), QStringLiteral("revoke"), bob, QStringLiteral("--json")});
    QCOMPARE(r.json().object().value(QStringLiteral("revoked")).toBool(), false);

    // The owner's own rights cannot be taken away (that would lock the owner out of its member file).
    r = run(url,
            {QStringLiteral("server"), QStringLiteral("revoke"), TestServer::value(QStringLiteral("CARNET_PG_USER"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("superuser")), qPrintable(r.err));
    QCOMPARE(run(url, {QStringLiteral("members"), QStringLiteral("list")}).exitCode, 0);

    // A local file has no volunteers.
    r = run(m_dir.filePath(QStringLiteral("local.sqlite")), {QStringLiteral("server"), QStringLiteral("volunteers")});
    QCOMPARE(r.exitCode, 2);
}

void TestVolunteers::readerChangesNothing()
{
    const QString url = databaseWithLea();
    QVERIFY(!url.isEmpty());
    const QString reader = login(QStringLiteral("rita"));
    QCOMPARE(grantNew(url, reader, QStringLiteral("reader"), QStringLiteral("rita-secret-1")), 0);
    const QString mine = as(url, reader);
    const QString pw = QStringLiteral("rita-secret-1");
    const QString report = writeFile(
        m_dir.path(), QStringLiteral("report.json"),
        R"({"name": "Tous", "columns": ["last_name", "email"], "conditions": [], "sort": [{"field": "last_name", "order": "asc"}]})");
    QCOMPARE(
        run(url, {QStringLiteral("report"), QStringLiteral("save"), QStringLiteral("--definition"), report}).exitCode,
        0);

    // What a reader does: look, search, run a report, export for administration (audited).
    Run r = run(mine, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}, pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().array().size(), 1);
    r = run(mine, {QStringLiteral("report"), QStringLiteral("run"), QStringLiteral("Tous")}, pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("lea@example.org"));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'export'")), reader);

    // Every write path refuses with exit 4 and the reason; nothing changed.
    const QString csv = writeFile(m_dir.path(), QStringLiteral("new.csv"),
                                  "first_name,last_name,email\nMarc,Gagnon,marc@example.org\n");
    const QList<QStringList> writes{
        {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("A"),
         QStringLiteral("--last-name"), QStringLiteral("B"), QStringLiteral("--email"),
         QStringLiteral("ab@example.org")},
        {QStringLiteral("members"), QStringLiteral("edit"), QStringLiteral("1"), QStringLiteral("--city"),
         QStringLiteral("Lyon")},
        {QStringLiteral("members"), QStringLiteral("delete"), QStringLiteral("1")},
        {QStringLiteral("import"), csv},
        {QStringLiteral("consent"), QStringLiteral("record"), QStringLiteral("1"), QStringLiteral("--purpose"),
         QStringLiteral("newsletter"), QStringLiteral("--basis"), QStringLiteral("express"), QStringLiteral("--source"),
         QStringLiteral("form")},
        {QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("1"), QStringLiteral("--purpose"),
         QStringLiteral("newsletter"), QStringLiteral("--source"), QStringLiteral("phone")},
        {QStringLiteral("report"), QStringLiteral("save"), QStringLiteral("--definition"), report},
        {QStringLiteral("report"), QStringLiteral("delete"), QStringLiteral("Tous")},
        {QStringLiteral("report"), QStringLiteral("run"), QStringLiteral("Tous"), QStringLiteral("--for-mailing"),
         QStringLiteral("association")},
        {QStringLiteral("purposes"), QStringLiteral("add"), QStringLiteral("club"), QStringLiteral("--label"),
         QStringLiteral("Club")},
        {QStringLiteral("members"), QStringLiteral("erase"), QStringLiteral("1")},
    };
    for (const QStringList &args : writes) {
        r = run(mine, args, pw);
        QVERIFY2(r.exitCode == 4, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                             QString::number(r.exitCode) + QLatin1Char(' ') + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("reader")), qPrintable(r.err));
    }
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT count(*) || ' ' || coalesce(max(city), '-') || ' ' || "
                                                    "(SELECT count(*) FROM consent_events) || ' ' || (SELECT count(*) "
                                                    "FROM saved_reports) || ' ' || (SELECT count(*) FROM purposes) "
                                                    "FROM members")),
             QStringLiteral("1 - 0 1 2"));

    // The service layer says so before asking the server…
    QUrl withPassword(mine);
    withPassword.setPassword(pw);
    auto db = Storage::Database::open(withPassword.toString());
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->access().role, Storage::Role::Reader);
    QCOMPARE(db.value()->access().login, reader);
    const Core::SystemClock clock;
    Storage::MemberRepository members(*db.value(), clock);
    auto lea = members.find(1);
    QVERIFY(lea.ok());
    Core::Member changed = lea.value();
    changed.city = QStringLiteral("Lyon");
    auto saved = members.save(changed);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Core::Error::Code::Forbidden);
    // …and the server refuses the same change made around Carnet.
    QVERIFY(raw(url, reader, pw, QStringLiteral("UPDATE members SET city = 'Lyon'"))
                .startsWith(QLatin1String("ERROR: permission denied")));
    QVERIFY(raw(url, reader, pw, QStringLiteral("DELETE FROM consent_events"))
                .startsWith(QLatin1String("ERROR: permission denied")));
    QVERIFY(raw(url, reader, pw, QStringLiteral("UPDATE settings SET value = 'x'"))
                .startsWith(QLatin1String("ERROR: permission denied")));
    QVERIFY(raw(url, reader, pw,
                QStringLiteral("INSERT INTO volunteers (login, role, created_at) VALUES ('x', 'admin', "
                               "'now')"))
                .startsWith(QLatin1String("ERROR: permission denied")));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT coalesce(city, '-') FROM members")), QStringLiteral("-"));
}

void TestVolunteers::sectionEditorSeesOnlyItsSections()
{
    const QString url = newDatabase();
    const QString csv = writeFile(m_dir.path(), QStringLiteral("all.csv"),
                                  "first_name,last_name,email,section\n"
                                  "Ana,Nord,ana@example.org,Nord\n"
                                  "Ben,Nord,ben@example.org,Nord\n"
                                  "Cléo,Sud,cleo@example.org,Sud\n"
                                  "Dan,Est,dan@example.org,Est\n"
                                  "Eve,Sans,eve@example.org,\n");
    QCOMPARE(run(url, {QStringLiteral("import"), csv}).exitCode, 0);
    const QString ed = login(QStringLiteral("ed"));
    QCOMPARE(run(url, {QStringLiteral("server"), QStringLiteral("grant"), ed, QStringLiteral("--role"),
                       QStringLiteral("editor"), QStringLiteral("--section"), QStringLiteral("Nord"),
                       QStringLiteral("--section"), QStringLiteral("Est"), QStringLiteral("--create"),
                       QStringLiteral("--password-file"), passwordFile(QStringLiteral("ed-secret-12"))})
                 .exitCode,
             0);
    const QString mine = as(url, ed);
    const QString pw = QStringLiteral("ed-secret-12");
    // Consent for everyone, recorded by the owner.
    for (int id = 1; id <= 5; ++id)
        QCOMPARE(run(url, {QStringLiteral("consent"), QStringLiteral("record"), QString::number(id),
                           QStringLiteral("--purpose"), QStringLiteral("newsletter"), QStringLiteral("--basis"),
                           QStringLiteral("express"), QStringLiteral("--source"), QStringLiteral("form")})
                     .exitCode,
                 0);

    auto lastNames = [](const Run &r) {
        QStringList out;
        for (const QJsonValue &v : r.json().array())
            out.append(v.toObject().value(QStringLiteral("email")).toString());
        out.sort();
        return out;
    };
    const QStringList visible{QStringLiteral("ana@example.org"), QStringLiteral("ben@example.org"),
                              QStringLiteral("dan@example.org")};
    Run r = run(mine, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}, pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lastNames(r), visible);
    r = run(mine,
            {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("example"),
             QStringLiteral("--json")},
            pw);
    QCOMPARE(lastNames(r), visible);
    r = run(mine, {QStringLiteral("members"), QStringLiteral("show"), QStringLiteral("3")}, pw);
    QCOMPARE(r.exitCode, 1); // Cléo (Sud) is not there for ed

    // A report, its totals, its export, the consent answer: the same three.
    const QString report = writeFile(
        m_dir.path(), QStringLiteral("sections.json"),
        R"({"name": "Par section", "columns": ["email", "section"], "conditions": [], "sort": [{"field": "email", "order": "asc"}], "group_by": "section"})");
    QCOMPARE(
        run(url, {QStringLiteral("report"), QStringLiteral("save"), QStringLiteral("--definition"), report}).exitCode,
        0);
    r = run(mine,
            {QStringLiteral("report"), QStringLiteral("run"), QStringLiteral("Par section"), QStringLiteral("--json")},
            pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lastNames(r), visible);
    r = run(
        mine,
        {QStringLiteral("report"), QStringLiteral("totals"), QStringLiteral("Par section"), QStringLiteral("--json")},
        pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().object().value(QStringLiteral("count")).toInteger(), 3);
    QVERIFY(!r.out.contains("Sud"));
    r = run(mine,
            {QStringLiteral("report"), QStringLiteral("run"), QStringLiteral("Par section"),
             QStringLiteral("--for-mailing"), QStringLiteral("newsletter")},
            pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("ana@example.org") && r.out.contains("dan@example.org"));
    QVERIFY(!r.out.contains("cleo@") && !r.out.contains("eve@"));
    r = run(mine,
            {QStringLiteral("consent"), QStringLiteral("eligible"), QStringLiteral("--purpose"),
             QStringLiteral("newsletter"), QStringLiteral("--json")},
            pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().object().value(QStringLiteral("eligible")).toArray(), (QJsonArray{1, 2, 4}));

    // Around Carnet, the server shows the same rows (members and what refers to them).
    QCOMPARE(raw(url, ed, pw, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("3"));
    QCOMPARE(raw(url, ed, pw, QStringLiteral("SELECT count(*) FROM consent_events")), QStringLiteral("3"));
    QCOMPARE(raw(url, ed, pw, QStringLiteral("SELECT count(*) FROM members WHERE section = 'Sud'")),
             QStringLiteral("0"));
    QVERIFY(raw(url, ed, pw, QStringLiteral("UPDATE members SET section = 'Sud' WHERE id = 1"))
                .contains(QLatin1String("row-level security")));
    QCOMPARE(raw(url, ed, pw, QStringLiteral("UPDATE members SET city = 'x' WHERE section = 'Sud' RETURNING id")),
             QString());

    // Adding outside the sections: refused with the sections named; inside: saved.
    r = run(mine,
            {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("Flo"),
             QStringLiteral("--last-name"), QStringLiteral("Sud"), QStringLiteral("--email"),
             QStringLiteral("flo@example.org"), QStringLiteral("--section"), QStringLiteral("Sud")},
            pw);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QStringLiteral("Nord, Est")), qPrintable(r.err));
    r = run(mine,
            {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("Flo"),
             QStringLiteral("--last-name"), QStringLiteral("Sans"), QStringLiteral("--email"),
             QStringLiteral("flo@example.org")},
            pw);
    QCOMPARE(r.exitCode, 4);
    r = run(mine,
            {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("Flo"),
             QStringLiteral("--last-name"), QStringLiteral("Est"), QStringLiteral("--email"),
             QStringLiteral("flo@example.org"), QStringLiteral("--section"), QStringLiteral("Est")},
            pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // An import: rows of other sections are rejected with the reason, the others land (inserted row by row:
    // PostgreSQL does not COPY into a table with row-level security) and can be undone.
    const QString mixed = writeFile(m_dir.path(), QStringLiteral("mixed.csv"),
                                    "first_name,last_name,email,section\n"
                                    "Gus,Nord,gus@example.org,Nord\n"
                                    "Hal,Sud,hal@example.org,Sud\n"
                                    "Ida,Est,ida@example.org,Est\n"
                                    "Ben,Nord,ben@example.org,Sud\n");
    r = run(
        mine,
        {QStringLiteral("import"), mixed, QStringLiteral("--mode"), QStringLiteral("update"), QStringLiteral("--json")},
        pw);
    QCOMPARE(r.exitCode, 1); // rows were rejected
    const QJsonObject imported = r.json().object();
    QCOMPARE(imported.value(QStringLiteral("created")).toInt(), 2);
    QCOMPARE(imported.value(QStringLiteral("rejected")).toInt(), 2);
    const QJsonArray errors = imported.value(QStringLiteral("errors")).toArray();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).toObject().value(QStringLiteral("column")).toString(), QStringLiteral("section"));
    QCOMPARE(errors.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Sud"));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT string_agg(email || ':' || coalesce(section, '-'), ' ' "
                                                    "ORDER BY id) FROM members WHERE id > 5")),
             QStringLiteral("flo@example.org:Est gus@example.org:Nord ida@example.org:Est"));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT section FROM members WHERE email = 'ben@example.org'")),
             QStringLiteral("Nord"));
    const qint64 batch = imported.value(QStringLiteral("batch")).toInteger();
    r = run(mine, {QStringLiteral("import"), QStringLiteral("undo"), QString::number(batch)}, pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("6"));

    // Once no volunteer is limited, row-level security is off again (imports stream with COPY).
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT relrowsecurity FROM pg_class WHERE relname = 'members'")),
             QStringLiteral("true"));
    QCOMPARE(run(url, {QStringLiteral("server"), QStringLiteral("grant"), ed, QStringLiteral("--role"),
                       QStringLiteral("editor")})
                 .exitCode,
             0);
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT relrowsecurity FROM pg_class WHERE relname = 'members'")),
             QStringLiteral("false"));
    QCOMPARE(raw(url, ed, pw, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("6"));
}

void TestVolunteers::whoDidWhatComesFromTheServer()
{
    const QString url = databaseWithLea();
    QVERIFY(!url.isEmpty());
    const QString ed = login(QStringLiteral("edith"));
    QCOMPARE(grantNew(url, ed, QStringLiteral("editor"), QStringLiteral("edith-secret")), 0);
    const QString pw = QStringLiteral("edith-secret");
    // --recorded-by names someone else: on a server the ledger keeps the login that recorded it.
    Run r = run(as(url, ed),
                {QStringLiteral("consent"), QStringLiteral("record"), QStringLiteral("1"), QStringLiteral("--purpose"),
                 QStringLiteral("newsletter"), QStringLiteral("--basis"), QStringLiteral("express"),
                 QStringLiteral("--source"), QStringLiteral("form"), QStringLiteral("--recorded-by"),
                 QStringLiteral("The president")},
                pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT recorded_by FROM consent_events")), ed);
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'consent.grant'")), ed);
    r = run(as(url, ed),
            {QStringLiteral("members"), QStringLiteral("edit"), QStringLiteral("1"), QStringLiteral("--city"),
             QStringLiteral("Québec")},
            pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT updated_by || ' ' || version FROM members")), ed + " 2");

    // Written around Carnet, another name does not stick.
    raw(url, ed, pw,
        QStringLiteral("INSERT INTO audit_log (at, actor, action, details) VALUES ('2026-01-01T00:00:00Z', "
                       "'someone_else', 'forged', '{}')"));
    raw(url, ed, pw, QStringLiteral("UPDATE members SET notes = 'x', updated_by = 'someone_else'"));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'forged'")), ed);
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT updated_by || ' ' || version FROM members")), ed + " 3");
    QVERIFY(raw(url, ed, pw, QStringLiteral("UPDATE audit_log SET actor = 'someone_else'"))
                .startsWith(QLatin1String("ERROR: permission denied")));

    // An editor may erase; the tables' rewrite is the owner's, and the answer says it did not happen.
    r = run(as(url, ed),
            {QStringLiteral("members"), QStringLiteral("erase"), QStringLiteral("1"), QStringLiteral("--json")}, pw);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().object().value(QStringLiteral("rewritten")).toBool(true), false);
    QVERIFY2(!r.err.contains(QStringLiteral("WARNING")), qPrintable(r.err));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT count(*) FROM members")), QStringLiteral("0"));

    // The audit list filters by volunteer.
    r = run(url,
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--actor"), ed, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().array().size(), 3); // the consent, the forged entry, the erasure
    for (const QJsonValue &v : r.json().array())
        QCOMPARE(v.toObject().value(QStringLiteral("actor")).toString(), ed);
}

void TestVolunteers::ownerWithoutCreateRole()
{
    // A hosted database: its owner is an ordinary login, without CREATEROLE.
    const QString url = newDatabase();
    const QString owner = login(QStringLiteral("owner")), existing = login(QStringLiteral("vera"));
    const QString database = QUrl(url).path().mid(1);
    QVERIFY(TestServer::exec(url, QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD 'owner-secret'").arg(owner)));
    QVERIFY(TestServer::exec(url, QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD 'vera-secret'").arg(existing)));
    QVERIFY(TestServer::exec(url, QStringLiteral("ALTER DATABASE \"%1\" OWNER TO \"%2\"").arg(database, owner)));
    const QString mine = as(url, owner);
    Run r = run(mine, {QStringLiteral("server"), QStringLiteral("setup")}, QStringLiteral("owner-secret"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run(mine,
            {QStringLiteral("server"), QStringLiteral("grant"), login(QStringLiteral("newbie")),
             QStringLiteral("--role"), QStringLiteral("reader"), QStringLiteral("--create"),
             QStringLiteral("--password-file"), passwordFile(QStringLiteral("newbie-secret"))},
            QStringLiteral("owner-secret"));
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QStringLiteral("CREATEROLE")), qPrintable(r.err));
    r = run(mine,
            {QStringLiteral("server"), QStringLiteral("grant"), existing, QStringLiteral("--role"),
             QStringLiteral("editor"), QStringLiteral("--section"), QStringLiteral("Nord")},
            QStringLiteral("owner-secret"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run(as(url, existing),
            {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("A"),
             QStringLiteral("--last-name"), QStringLiteral("B"), QStringLiteral("--email"),
             QStringLiteral("ab@example.org"), QStringLiteral("--section"), QStringLiteral("Nord")},
            QStringLiteral("vera-secret"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run(mine, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")},
            QStringLiteral("owner-secret"));
    QCOMPARE(r.json().array().size(), 1); // the owner sees every member, with row-level security on

    // A schema that needs an upgrade: a volunteer is told who can do it, and nothing changes.
    QVERIFY(TestServer::exec(url, QStringLiteral("UPDATE carnet_schema SET version = 7")));
    r = run(as(url, existing), {QStringLiteral("members"), QStringLiteral("list")}, QStringLiteral("vera-secret"));
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(owner), qPrintable(r.err));
    QCOMPARE(TestServer::scalar(url, QStringLiteral("SELECT version FROM carnet_schema")), QStringLiteral("7"));
    QVERIFY(TestServer::exec(url, QStringLiteral("UPDATE carnet_schema SET version = 8")));
}

QTEST_GUILESS_MAIN(TestVolunteers)
#include "tst_volunteers.moc"
