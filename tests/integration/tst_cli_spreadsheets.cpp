// `carnet-cli preview` and `import` on .xlsx and .ods files written by openpyxl and odfpy
// (tests/support/make_spreadsheets.py), on a real member file (SQLite, or the PostgreSQL server in the
// _pg run): the sheets in the JSON contract, --sheet, the members as the cells showed them, the undo,
// a workbook LibreOffice protected with a password,
// and hostile files refused with nothing written.
#include "CliRun.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliSpreadsheets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void previewListsTheSheets();
    void previewAnotherSheet();
    void importsAnXlsxAsTheCellsShowedIt();
    void importsAnOdsSheetAndUndoes();
    void theSameFileAsCsvXlsxAndOdsGivesTheSameMembers();
    void hostileFilesWriteNothing_data();
    void hostileFilesWriteNothing();

private:
    QString file(const QString &name) const { return m_files.filePath(name); }
    QJsonArray members() const;

    QTemporaryDir m_files;
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCliSpreadsheets::initTestCase()
{
    QVERIFY(m_files.isValid() && m_dir.isValid());
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/make_spreadsheets.py"), m_files.path()});
    QVERIFY(python.waitForFinished(120000));
    QVERIFY2(python.exitCode() == 0, python.readAll().constData());
    // LibreOffice itself saving a workbook with a password (its UNO bridge: headless --convert-to takes none).
    QProcess office;
    office.setProcessChannelMode(QProcess::MergedChannels);
    office.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/protect_with_libreoffice.py"),
                  file(QStringLiteral("openpyxl_members.xlsx")), m_files.path()});
    QVERIFY(office.waitForFinished(180000));
    QVERIFY2(office.exitCode() == 0 && QFile::exists(file(QStringLiteral("lo_protected.ods"))),
             office.readAll().constData());
}

void TestCliSpreadsheets::init()
{
    m_path = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
    m_path = TestServer::databaseOr(m_path);
    QVERIFY(!m_path.isEmpty());
}

void TestCliSpreadsheets::cleanup()
{
    TestServer::release(m_path);
}

QJsonArray TestCliSpreadsheets::members() const
{
    const Run r = cli({"--database", m_path, "members", "list", "--json"});
    return r.json().array();
}

void TestCliSpreadsheets::previewListsTheSheets()
{
    const Run r = cli({"preview", file("openpyxl_members.xlsx"), "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value("format").toString(), QStringLiteral("xlsx"));
    QCOMPARE(o.value("sheet").toString(), QStringLiteral("Adhérents"));
    QVERIFY(o.value("encoding").isNull());
    QVERIFY(o.value("delimiter").isNull());
    const QJsonArray sheets = o.value("sheets").toArray();
    QCOMPARE(sheets.size(), 3);
    QCOMPARE(sheets[0].toObject().value("name").toString(), QStringLiteral("Notes"));
    QCOMPARE(sheets[1].toObject().value("rows").toInt(), 4);
    QCOMPARE(sheets[2].toObject().value("hidden").toBool(), true);
    QCOMPARE(sheets[1].toObject().value("hidden").toBool(), false);
    QCOMPARE(o.value("mapping").toObject().value("Courriel").toString(), QStringLiteral("email"));
    const QJsonArray first = o.value("rows").toArray().first().toArray();
    QCOMPARE(first[3].toString(), QStringLiteral("06 12 34 56 78"));
    QCOMPARE(first[4].toString(), QStringLiteral("01310"));

    // The same from an .ods, in words.
    const Run text = cli({"preview", file("odfpy_members.ods")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Sheet: Membres"));
    QVERIFY(text.out.contains("Caché"));
}

void TestCliSpreadsheets::previewAnotherSheet()
{
    Run r = cli({"preview", file("openpyxl_members.xlsx"), "--sheet", "Archive", "--json"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().object().value("sheet").toString(), QStringLiteral("Archive"));
    r = cli({"preview", file("odfpy_members.ods"), "--sheet", "1", "--json", "--no-header"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().object().value("sheet").toString(), QStringLiteral("Lisez-moi"));
    r = cli({"preview", file("openpyxl_members.xlsx"), "--sheet", "Budget", "--json"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("no sheet \"Budget\"")));
    QVERIFY(r.err.contains(QStringLiteral("\"Archive\"")));
    QVERIFY(r.out.isEmpty());
}

void TestCliSpreadsheets::importsAnXlsxAsTheCellsShowedIt()
{
    const Run r = cli({"--database", m_path, "import", file("openpyxl_members.xlsx"), "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = r.json().object();
    QCOMPARE(report.value("format").toString(), QStringLiteral("xlsx"));
    QCOMPARE(report.value("sheet").toString(), QStringLiteral("Adhérents"));
    QCOMPARE(report.value("created").toInt(), 3);
    // A phone stored as a plain number lost its zero long ago: flagged, as for a CSV.
    bool flagged = false;
    for (const QJsonValue &w : report.value("warnings").toArray())
        flagged = flagged || (w.toObject().value("line").toInt() == 4 &&
                              w.toObject().value("message").toString().contains(QStringLiteral("leading zero")));
    QVERIFY2(flagged, r.out.constData());
    // Short rows are not a fault in a spreadsheet (its rows end at their last value).
    for (const QJsonValue &w : report.value("warnings").toArray())
        QVERIFY(!w.toObject().value("message").toString().contains(QStringLiteral("values where the header")));
    QHash<QString, QJsonObject> byEmail;
    for (const QJsonValue &m : members())
        byEmail.insert(m.toObject().value("email").toString(), m.toObject());
    const QJsonObject theo = byEmail.value("theo@example.org");
    QCOMPARE(theo.value("phone").toString(), QStringLiteral("06 12 34 56 78"));
    QCOMPARE(theo.value("postal_code").toString(), QStringLiteral("01310"));
    QCOMPARE(theo.value("membership_start").toString(), QStringLiteral("2024-03-15"));
    QCOMPARE(theo.value("membership_end").toString(), QStringLiteral("2025-03-14"));
    QCOMPARE(byEmail.value("helene@example.org").value("membership_start").toString(), QStringLiteral("2024-04-01"));
    QCOMPARE(byEmail.value("ana@example.org").value("postal_code").toString(), QStringLiteral("75011"));
}

void TestCliSpreadsheets::importsAnOdsSheetAndUndoes()
{
    const Run r = cli({"--database", m_path, "import", file("odfpy_members.ods"), "--json"});
    QCOMPARE(r.exitCode, 1); // rows were rejected: the repeated row's "Double" is no email address
    const QJsonObject report = r.json().object();
    QCOMPARE(report.value("rejected").toInt(), 2);
    QCOMPARE(report.value("errors").toArray().at(0).toObject().value("line").toInt(), 7);
    QCOMPARE(report.value("errors").toArray().at(1).toObject().value("line").toInt(), 8);
    QCOMPARE(report.value("format").toString(), QStringLiteral("ods"));
    QCOMPARE(report.value("sheet").toString(), QStringLiteral("Membres"));
    const QJsonArray list = members();
    QVERIFY(!list.isEmpty());
    bool theo = false;
    for (const QJsonValue &m : list) {
        const QJsonObject o = m.toObject();
        if (o.value("email").toString() == QLatin1String("theo@example.org")) {
            theo = true;
            QCOMPARE(o.value("postal_code").toString(), QStringLiteral("01310"));
            QCOMPARE(o.value("membership_start").toString(), QStringLiteral("2024-03-15"));
        }
    }
    QVERIFY(theo);
    const Run undo = cli({"--database", m_path, "import", "undo", QString::number(report.value("batch").toInt())});
    QCOMPARE(undo.exitCode, 0);
    QVERIFY(members().isEmpty());

    // Another sheet by its name: the hidden one has a single value and no header.
    const Run hidden = cli({"--database", m_path, "import", file("odfpy_members.ods"), "--sheet", "Caché",
                            "--no-header", "--dry-run", "--json"});
    QCOMPARE(hidden.exitCode, 1); // its one value, "x", is no member: the row is rejected, and said
    QCOMPARE(hidden.json().object().value("sheet").toString(), QStringLiteral("Caché"));
    QCOMPARE(hidden.json().object().value("errors").toArray().at(0).toObject().value("line").toInt(), 1);
}

// A real member file (../shared/data) as its CSV, as an .xlsx written by openpyxl with real date cells, and as
// the .ods LibreOffice saves from that workbook: each imported into an empty list gives the same members.
void TestCliSpreadsheets::theSameFileAsCsvXlsxAndOdsGivesTheSameMembers()
{
    const QString csv = QStringLiteral(CARNET_SOURCE_DIR "/../shared/data/excel_fr_utf8_bom.csv");
    if (!QFile::exists(csv))
        QSKIP("../shared/data is not beside the project");
    QTemporaryDir dir;
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/csv_to_spreadsheets.py"), csv, dir.path()});
    QVERIFY(python.waitForFinished(300000));
    QVERIFY2(python.exitCode() == 0, python.readAll().constData());
    const QStringList fields = {
        "first_name", "last_name",        "email",         "phone", "city", "section", "category",
        "extra",      "membership_start", "membership_end"};
    QList<QJsonArray> results;
    QList<QJsonObject> outcomes;
    for (const QString &f :
         {csv, dir.filePath(QStringLiteral("members.xlsx")), dir.filePath(QStringLiteral("members.ods"))}) {
        const Run r = cli({"--database", m_path, "import", f, "--json"});
        QVERIFY2(r.exitCode <= 1, r.err.toUtf8().constData()); // 1: the file's own rejected rows
        // The same outcome row by row: created, duplicates, rejected.
        QJsonObject counts;
        for (const char *k : {"created", "duplicates", "rejected", "no_email", "updated"})
            counts.insert(QLatin1String(k), r.json().object().value(QLatin1String(k)));
        outcomes.append(counts);
        QJsonArray kept;
        for (const QJsonValue &m : members()) {
            QJsonObject o;
            for (const QString &k : fields)
                o.insert(k, m.toObject().value(k));
            kept.append(o);
        }
        results.append(kept);
        QCOMPARE(
            cli({"--database", m_path, "import", "undo", QString::number(r.json().object().value("batch").toInt())})
                .exitCode,
            0);
        QCOMPARE(members().size(), 0);
    }
    QCOMPARE(results[0].size(), outcomes[0].value("created").toInt());
    QVERIFY(results[0].size() >= 40);
    QCOMPARE(outcomes[1], outcomes[0]);
    QCOMPARE(outcomes[2], outcomes[0]);
    QCOMPARE(results[0].first().toObject().value("membership_start").toString(), QStringLiteral("2016-05-26"));
    QCOMPARE(results[1], results[0]);
    QCOMPARE(results[2], results[0]);
}

void TestCliSpreadsheets::hostileFilesWriteNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zip bomb") << "bomb.xlsx"
                              << "zip bomb";
    QTest::newRow("password") << "encrypted.xlsx"
                              << "password";
    QTest::newRow("password set by LibreOffice") << "lo_protected.ods"
                                                 << "password";
    QTest::newRow("truncated") << "truncated.xlsx"
                               << "incomplete";
    QTest::newRow("damaged") << "corrupted.xlsx"
                             << "damaged";
    QTest::newRow("entities") << "handmade_dtd.xlsx"
                              << "entities";
    QTest::newRow("web page") << "page.xls"
                              << "web page";
    QTest::newRow("empty workbook") << "openpyxl_all_empty.xlsx"
                                    << "empty";
    QTest::newRow("billions of rows") << "odfpy_billions.ods"
                                      << "more rows";
}

void TestCliSpreadsheets::hostileFilesWriteNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const Run r = cli({"--database", m_path, "import", file(name), "--json"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(members().isEmpty());
    const Run batches = cli({"--database", m_path, "import", "list", "--json"});
    QCOMPARE(batches.json().array().size(), 0);
}

QTEST_GUILESS_MAIN(TestCliSpreadsheets)
#include "tst_cli_spreadsheets.moc"
