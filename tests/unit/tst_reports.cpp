// Reports on a real SQLite file: the filter's value object and its JSON, counts and totals, and the
// exporter — presets byte for byte, formula cells neutralised on both paths, for-mailing exclusions,
// atomic writes on a read-only or full target, cancel, the BCC address list, the audit entry.
#include "TempDatabase.h"
#include "consent/ConsentService.h"
#include "reports/FilterSpec.h"
#include "reports/Report.h"
#include "reports/ReportExporter.h"
#include "storage/AuditLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using Reports::FilterSpec;

class TestReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filterSpecRoundTrip_data();
    void filterSpecRoundTrip();
    void filterSpecParameters();
    void countsAndTotals();
    void presetsAreByteExact_data();
    void presetsAreByteExact();
    void formulaCellsNeutralised();
    void forMailingLeavesOutWithdrawnAndSuppressed();
    void readOnlyTargetKeepsThePreviousFile();
    void fullTargetKeepsThePreviousFile();
    void cancelWritesNothing();
    void bccAddressesOncePerMailbox();

private:
    Reports::ReportDefinition report(const QString &json) const;
    QByteArray exportBytes(const Reports::ExportRequest &request, qint64 *rows = nullptr);
    Reports::ReportRunner runner();
    Reports::ReportExporter exporter();

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<Reports::ReportRunner> m_runner;
    qint64 m_ana = 0, m_bo = 0, m_cy = 0, m_di = 0;
};

void TestReports::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY(m_db->ok());
    Core::Member ana = m_db->add(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("ana@example.org"),
                                 QStringLiteral("CPL"), QStringLiteral("A"));
    ana.membershipStart = QDate(2024, 3, 5);
    ana.membershipEnd = QDate(2026, 12, 31);
    QVERIFY(m_db->members().save(ana).ok());
    Core::Member bo = m_db->add(QStringLiteral("=HYPERLINK(\"http://evil.example\")"), QStringLiteral("Roy"),
                                QStringLiteral("bo@example.org"), QStringLiteral("CPL"), QStringLiteral("B"));
    Core::Member cy = m_db->add(QStringLiteral("Cy"), QStringLiteral("Nil, \"the\" third"),
                                QStringLiteral("cy@example.org"), QStringLiteral("MPL"), QStringLiteral("B"));
    // Same household mailbox as Ana, different case.
    Core::Member di = m_db->add(QStringLiteral("Di"), QStringLiteral("Lima"), QStringLiteral("di@example.org"),
                                QStringLiteral("MPL"), QStringLiteral("A"));
    di.email = QStringLiteral("Ana@Example.org");
    QVERIFY(m_db->members().save(di, ana.id).ok());
    m_ana = ana.id;
    m_bo = bo.id;
    m_cy = cy.id;
    m_di = di.id;
    QVERIFY(m_ana && m_bo && m_cy && m_di);
    m_runner = std::make_unique<Reports::ReportRunner>(m_db->context().database(), m_db->members(),
                                                       m_db->context().consent(), m_db->clock());
}

void TestReports::cleanup()
{
    m_runner.reset();
    m_db.reset();
}

Reports::ReportDefinition TestReports::report(const QString &json) const
{
    auto r = Reports::ReportDefinition::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    if (!r.ok())
        qWarning("%s", qPrintable(r.error().message));
    return r.ok() ? r.value() : Reports::ReportDefinition();
}

Reports::ReportExporter TestReports::exporter()
{
    return Reports::ReportExporter(*m_runner, m_db->context().consent(), m_db->context().database(),
                                   m_db->context().audit());
}

QByteArray TestReports::exportBytes(const Reports::ExportRequest &request, qint64 *rows)
{
    const Reports::ReportExporter e = exporter();
    auto plan = e.plan(request);
    if (!plan.ok())
        return "plan: " + plan.error().message.toUtf8();
    QByteArray out;
    auto written = e.write(request, plan.value(), [&out](const QByteArray &bytes) { out += bytes; });
    if (!written.ok())
        return "write: " + written.error().message.toUtf8();
    if (rows)
        *rows = written.value();
    return out;
}

void TestReports::filterSpecRoundTrip_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("every member") << "{}";
    QTest::newRow("one condition") << R"({"field":"section","op":"eq","value":"CPL"})";
    QTest::newRow("is_empty, no value") << R"({"field":"email","op":"is_empty"})";
    QTest::newRow("a parameter") << R"({"field":"section","op":"eq","value":{"label":"Which?","param":"s"}})";
    QTest::newRow("membership ending") << R"({"days":30,"field":"membership","op":"eq","value":"ending"})";
    QTest::newRow("nested groups")
        << R"({"all":[{"field":"section","op":"in","value":["CPL","MPL"]},{"any":[{"field":"consent.newsletter","op":"eq","value":"withdrawn"},{"field":"extra.Bénévole","op":"eq","value":"oui"}]}]})";
    QTest::newRow("empty any") << R"({"any":[]})";
}

void TestReports::filterSpecRoundTrip()
{
    QFETCH(QString, json);
    const QJsonValue in = QJsonDocument::fromJson(json.toUtf8()).object();
    auto spec = FilterSpec::fromJson(in);
    QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().message));
    QCOMPARE(spec.value().toJson(), in);
    QCOMPARE(FilterSpec::fromJson(spec.value().toJson()).value(), spec.value());
}

void TestReports::filterSpecParameters()
{
    auto spec =
        FilterSpec::fromJson(QJsonDocument::fromJson(
                                 R"({"all":[{"field":"section","op":"eq","value":{"param":"s","label":"Section?"}},
                     {"any":[{"field":"membership_end","op":"after","value":{"param":"since","label":"Since?"}},
                             {"field":"section","op":"ne","value":{"param":"s","label":"Section?"}}]}]})")
                                 .object());
    QVERIFY(spec.ok());
    const auto params = spec.value().parameters();
    QCOMPARE(params.size(), 2); // asked once each, in order
    QCOMPARE(params.at(0).first, QStringLiteral("s"));
    QCOMPARE(params.at(1).second, QStringLiteral("Since?"));
    // Structure errors say why.
    for (const char *bad : {R"({"all":{}})", R"({"all":[],"any":[]})", R"({"field":"email"})",
                            R"({"field":"section","op":"eq","value":{"label":"no key"}})"}) {
        auto r = FilterSpec::fromJson(QJsonDocument::fromJson(bad).object());
        QVERIFY2(!r.ok(), bad);
        QVERIFY(!r.error().message.isEmpty());
    }
}

void TestReports::countsAndTotals()
{
    const Reports::ReportDefinition r = report(
        R"({"name":"t","columns":["email"],"filter":{"field":"category","op":"eq","value":{"param":"c","label":"Category?"}},
            "group_by":"section"})");
    QVERIFY(!r.name.isEmpty());
    QCOMPARE(m_runner->count(r, {{QStringLiteral("c"), QStringLiteral("B")}}).value(), 2);
    QCOMPARE(qint64(m_runner->ids(r, {{QStringLiteral("c"), QStringLiteral("B")}}).value().size()), 2);
    // An answer in another case finds the category as the members have it; an unknown one finds nobody.
    QCOMPARE(m_runner->count(r, {{QStringLiteral("c"), QStringLiteral("b")}}).value(), 2);
    QCOMPARE(m_runner->count(r, {{QStringLiteral("c"), QStringLiteral("Z")}}).value(), 0);
    // The preview's page: the total, and only the first ids, in the report's order.
    auto page = m_runner->firstRows(r, {{QStringLiteral("c"), QStringLiteral("B")}}, 1);
    QVERIFY(page.ok());
    QCOMPARE(page.value().total, 2);
    QCOMPARE(page.value().ids,
             std::vector<qint64>{m_runner->ids(r, {{QStringLiteral("c"), QStringLiteral("B")}}).value().front()});
    auto totals = m_runner->totals(r, {{QStringLiteral("c"), QStringLiteral("A")}});
    QVERIFY(totals.ok());
    QCOMPARE(totals.value().size(), 2);
    QCOMPARE(totals.value().at(0).value, QStringLiteral("CPL"));
    QCOMPARE(totals.value().at(0).count, 1);
    QCOMPARE(totals.value().at(1).value, QStringLiteral("MPL"));
    // A missing parameter is a reason, not a count.
    auto missing = m_runner->count(r, {});
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QStringLiteral("Category?")));
    // A consent condition counts through the consent service.
    const Reports::ReportDefinition c = report(
        R"({"name":"c","columns":["email"],"filter":{"field":"consent.newsletter","op":"eq","value":"eligible"}})");
    QCOMPARE(m_runner->count(c, {}).value(), 0);
    Consent::GrantRequest grant;
    grant.purpose = QStringLiteral("newsletter");
    grant.source = QStringLiteral("form");
    QVERIFY(m_db->context().consent().record(m_cy, grant).ok());
    QCOMPARE(m_runner->count(c, {}).value(), 1);
}

void TestReports::presetsAreByteExact_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("excel-fr") << "excel-fr"
                              << R"(["email","first_name","membership_start"])"
                              << QByteArray("\xEF\xBB\xBF"
                                            "Email;First name;Member since\r\n"
                                            "ana@example.org;Ana;05/03/2024\r\n");
    QTest::newRow("excel-en") << "excel-en"
                              << R"(["email","first_name","membership_start"])"
                              << QByteArray("\xEF\xBB\xBF"
                                            "Email,First name,Member since\r\n"
                                            "ana@example.org,Ana,2024-03-05\r\n");
    QTest::newRow("mailchimp") << "mailchimp"
                               << R"(["section"])"
                               << QByteArray("Email Address,First Name,Last Name\r\n"
                                             "ana@example.org,Ana,Lima\r\n");
    QTest::newRow("field names, comma") << ""
                                        << R"(["email","membership_start"])"
                                        << QByteArray("email,membership_start\r\n"
                                                      "ana@example.org,2024-03-05\r\n");
}

void TestReports::presetsAreByteExact()
{
    QFETCH(QString, preset);
    QFETCH(QString, columns);
    QFETCH(QByteArray, expected);
    Reports::ExportRequest request;
    request.report =
        report(QStringLiteral(R"({"name":"p","columns":%1,"filter":{"field":"first_name","op":"eq","value":"Ana"}})")
                   .arg(columns));
    if (!preset.isEmpty())
        QVERIFY(Reports::ReadOptions::preset(preset, &request.options));
    QCOMPARE(exportBytes(request), expected);
    // The same through the consent-aware path (a consent column sends rows through the consent service).
    if (preset == QLatin1String("excel-fr")) {
        request.report.columns.append(QStringLiteral("consent.newsletter"));
        // For people, the table's wording; for scripts (plain CSV), the codes of the CLI contract.
        QCOMPARE(exportBytes(request), QByteArray("\xEF\xBB\xBF"
                                                  "Email;First name;Member since;Consent: Newsletter\r\n"
                                                  "ana@example.org;Ana;05/03/2024;No consent\r\n"));
        request.options = Reports::ReadOptions();
        QCOMPARE(exportBytes(request), QByteArray("email,first_name,membership_start,consent.newsletter\r\n"
                                                  "ana@example.org,Ana,2024-03-05,no_consent\r\n"));
    }
}

void TestReports::formulaCellsNeutralised()
{
    for (const QString &note : {QStringLiteral("+1"), QStringLiteral("-2"), QStringLiteral("@SUM(A1)"),
                                QStringLiteral("\tX"), QStringLiteral("\rY")}) {
        Core::Member m = m_db->add(note.trimmed(), QStringLiteral("Formula"), QString());
        m.extra.insert(QStringLiteral("Remarque"), note); // attributes keep their text as imported
        QVERIFY(m_db->members().save(m).ok());
    }
    Reports::ExportRequest request;
    request.report = report(
        R"({"name":"f","columns":["first_name","extra.Remarque"],"filter":{"any":[{"field":"last_name","op":"eq","value":"Formula"},{"field":"last_name","op":"eq","value":"Roy"}]},"sort":[{"field":"id"}]})");
    const QByteArray fast = exportBytes(request);
    QCOMPARE(fast, QByteArray("first_name,extra.Remarque\r\n"
                              "\"'=HYPERLINK(\"\"http://evil.example\"\")\",\r\n"
                              "'+1,'+1\r\n'-2,'-2\r\n'@SUM(A1),'@SUM(A1)\r\nX,'\tX\r\nY,\"'\rY\"\r\n"));
    // The general path (with a consent column) neutralises the same way.
    request.report.columns.append(QStringLiteral("consent.newsletter"));
    const QByteArray general = exportBytes(request);
    QCOMPARE(general.left(general.indexOf("'-2")),
             QByteArray("first_name,extra.Remarque,consent.newsletter\r\n"
                        "\"'=HYPERLINK(\"\"http://evil.example\"\")\",,no_consent\r\n"
                        "'+1,'+1,no_email\r\n"));
    QVERIFY(general.endsWith("Y,\"'\rY\",no_email\r\n"));
}

void TestReports::forMailingLeavesOutWithdrawnAndSuppressed()
{
    Consent::GrantRequest grant;
    grant.purpose = QStringLiteral("newsletter");
    grant.source = QStringLiteral("form");
    for (qint64 id : {m_ana, m_bo, m_cy})
        QVERIFY(m_db->context().consent().record(id, grant).ok());
    Consent::WithdrawRequest newsletterOnly;
    newsletterOnly.purposes = {QStringLiteral("newsletter")};
    newsletterOnly.source = QStringLiteral("reply");
    QVERIFY(m_db->context().consent().withdraw(m_cy, newsletterOnly).ok());
    Consent::WithdrawRequest everything;
    everything.source = QStringLiteral("letter");
    QVERIFY(m_db->context().consent().withdraw(m_bo, everything).ok()); // suppressed
    Reports::ExportRequest request;
    request.report = report(R"({"name":"m","columns":["email"],"filter":{},"sort":[{"field":"email"}]})");
    request.purpose = QStringLiteral("newsletter");
    auto plan = exporter().plan(request);
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().rowCount, 1);
    QCOMPARE(plan.value().excluded().value(QStringLiteral("withdrawn")).toInt(), 1);
    QCOMPARE(plan.value().excluded().value(QStringLiteral("suppressed")).toInt(), 1);
    QCOMPARE(plan.value().excluded().value(QStringLiteral("no_consent")).toInt(), 1); // Di
    qint64 rows = 0;
    QCOMPARE(exportBytes(request, &rows), QByteArray("email\r\nana@example.org\r\n"));
    QCOMPARE(rows, 1);
    // For administration: everyone, and the audit log says which was which.
    request.purpose.clear();
    QCOMPARE(exportBytes(request, &rows).count('\n'), 5);
    auto audit = m_db->context().audit().list();
    QVERIFY(audit.ok());
    QStringList purposes;
    for (const auto &entry : audit.value())
        if (entry.action == QLatin1String("export"))
            purposes.append(entry.details.value(QStringLiteral("purpose")).toString());
    QVERIFY2(purposes.contains(QStringLiteral("mailing:newsletter")), qPrintable(purposes.join(u',')));
    QVERIFY(purposes.contains(QStringLiteral("administration")));
}

void TestReports::readOnlyTargetKeepsThePreviousFile()
{
    if (::geteuid() == 0)
        QSKIP("root writes into read-only folders");
    const QString path = m_db->dir() + QStringLiteral("/out/list.csv");
    QVERIFY(QDir().mkpath(m_db->dir() + QStringLiteral("/out")));
    Reports::ExportRequest request;
    request.report = report(R"({"name":"r","columns":["email"]})");
    request.path = path;
    auto plan = exporter().plan(request);
    QVERIFY(plan.ok());
    QCOMPARE(exporter().write(request, plan.value()).value(), 4);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    QVERIFY(QFile::setPermissions(m_db->dir() + QStringLiteral("/out"), QFile::ReadOwner | QFile::ExeOwner));
    request.report.columns = {QStringLiteral("first_name")};
    auto refused = exporter().write(request, plan.value());
    QVERIFY(QFile::setPermissions(m_db->dir() + QStringLiteral("/out"),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(path), qPrintable(refused.error().message));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestReports::fullTargetKeepsThePreviousFile()
{
    // A disk that fills up mid-write: the process may not grow any file past 16 KiB (SIGXFSZ ignored, so
    // write() fails with EFBIG as it would with ENOSPC).
    for (int i = 0; i < 3000; ++i)
        m_db->add(QStringLiteral("Prénom%1").arg(i), QStringLiteral("Nom"), QString());
    QVERIFY(m_db->reopen()); // the WAL checkpointed: reading needs no file to grow
    m_runner = std::make_unique<Reports::ReportRunner>(m_db->context().database(), m_db->members(),
                                                       m_db->context().consent(), m_db->clock());
    const QString path = m_db->dir() + QStringLiteral("/big.csv");
    QFile previous(path);
    QVERIFY(previous.open(QIODevice::WriteOnly));
    previous.write("previous export\r\n");
    previous.close();
    Reports::ExportRequest request;
    request.report = report(R"({"name":"big","columns":["first_name","last_name","email","section","category"]})");
    request.path = path;
    auto plan = exporter().plan(request);
    QVERIFY(plan.ok());
    rlimit old{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 16 * 1024;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    auto refused = exporter().write(request, plan.value());
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Core::Error::Code::Storage);
    QVERIFY2(refused.error().message.contains(path), qPrintable(refused.error().message));
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), QByteArray("previous export\r\n"));
    // No temporary file left beside it.
    QCOMPARE(QDir(m_db->dir()).entryList({QStringLiteral("big.csv*")}, QDir::Files | QDir::Hidden).size(), 1);
}

void TestReports::cancelWritesNothing()
{
    const QString path = m_db->dir() + QStringLiteral("/c.csv");
    Reports::ExportRequest request;
    request.report = report(R"({"name":"c","columns":["email"]})");
    request.path = path;
    auto plan = exporter().plan(request);
    QVERIFY(plan.ok());
    const std::atomic_bool cancel(true);
    auto stopped = exporter().write(request, plan.value(), {}, &cancel);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().code, Core::Error::Code::Cancelled);
    QVERIFY(!QFile::exists(path));
}

void TestReports::bccAddressesOncePerMailbox()
{
    auto addresses = exporter().addresses({m_di, m_ana, m_cy});
    QVERIFY(addresses.ok());
    QCOMPARE(addresses.value().join(QStringLiteral("; ")),
             QStringLiteral("Ana@example.org; cy@example.org")); // the domain is stored lower-cased
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
