// Reading .xlsx and .ods member files written by real programs (openpyxl, odfpy, LibreOffice), and odd or
// hostile ones written byte by byte (tests/support/make_spreadsheets.py): every cell as the user saw it,
// every bad file a clear message and nothing else.
#include "import/CellFormat.h"
#include "import/SpreadsheetFile.h"
#include "import/TableSource.h"
#include "import/ZipArchive.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Import;

namespace {

struct Read
{
    std::unique_ptr<TableSource> file;
    QList<CsvRecord> records;
};

} // namespace

class TestSpreadsheetFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numberFormats_data();
    void numberFormats();
    void serialDates();
    void openpyxlWorkbook();
    void activeSheetHiddenSheetAndSheetByNameOrNumber();
    void date1904();
    void richTextPhoneticRunsEscapesAndCellsWithoutReferences_data();
    void richTextPhoneticRunsEscapesAndCellsWithoutReferences();
    void odfpyWorkbook();
    void libreOfficeFiles();
    void emptyWorkbooks();
    void badFiles_data();
    void badFiles();
    void zipBombStopsEarly();
    void billionsOfDeclaredCellsCostNothing();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    Read readAll(const QString &name, const ReadOptions &options = {});

    QTemporaryDir m_dir;
};

void TestSpreadsheetFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/make_spreadsheets.py"), m_dir.path(),
                  QStringLiteral("--libreoffice")});
    QVERIFY(python.waitForFinished(300000));
    QVERIFY2(python.exitCode() == 0,
             qPrintable(QStringLiteral("python3-openpyxl, python3-odf and libreoffice-calc-nogui are needed "
                                       "(packaging/deps.sh installs them): %1")
                            .arg(QString::fromUtf8(python.readAll()))));
}

Read TestSpreadsheetFile::readAll(const QString &name, const ReadOptions &options)
{
    Read out;
    auto opened = TableSource::open(path(name), options);
    if (!opened.ok()) {
        qWarning().noquote() << opened.error().message;
        return out;
    }
    out.file = std::move(opened).value();
    CsvRecord r;
    while (out.file->next(r))
        out.records.append(r);
    return out;
}

void TestSpreadsheetFile::numberFormats_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("general integer") << 0 << "General" << 612345678.0 << "612345678";
    QTest::newRow("general big") << 0 << "General" << 33612345678.0 << "33612345678";
    QTest::newRow("general decimal") << 0 << "" << 12.5 << "12.5";
    QTest::newRow("general tiny") << 0 << "" << 0.000125 << "0.000125";
    QTest::newRow("postal code") << 164 << "00000" << 1310.0 << "01310";
    QTest::newRow("postal code full") << 164 << "00000" << 75011.0 << "75011";
    QTest::newRow("french phone") << 164 << "0# ## ## ## ##" << 612345678.0 << "06 12 34 56 78";
    QTest::newRow("escaped spaces") << 164 << "0#\\ ##\\ ##\\ ##\\ ##" << 612345678.0 << "06 12 34 56 78";
    QTest::newRow("more digits than placeholders") << 164 << "000" << 123456.0 << "123456";
    QTest::newRow("quoted prefix") << 164 << "\"n° \"00000" << 42.0 << "n° 00042";
    QTest::newRow("plain zero pads nothing") << 1 << "0" << 42.0 << "42";
    QTest::newRow("decimals are not digits") << 2 << "0.00" << 12.5 << "12.5";
    QTest::newRow("built-in date") << 14 << "" << 45366.0 << "2024-03-15";
    QTest::newRow("built-in date time") << 22 << "" << 45366.5729166667 << "2024-03-15 13:45:00";
    QTest::newRow("built-in time") << 20 << "" << 0.5729166667 << "13:45:00";
    QTest::newRow("custom dd/mm/yyyy") << 170 << "dd/mm/yyyy" << 45366.0 << "2024-03-15";
    QTest::newRow("locale and escapes") << 170 << "[$-40C]d\\ mmmm\\ yyyy;@" << 45366.0 << "2024-03-15";
    QTest::newRow("colour") << 170 << "[Red]dd/mm/yyyy" << 45366.0 << "2024-03-15";
    QTest::newRow("quoted letters are not a date") << 170 << "\"day \"0" << 5.0 << "5";
    QTest::newRow("quoted text then a date") << 170 << "\"le \"dd/mm/yy" << 45366.0 << "2024-03-15";
    QTest::newRow("elapsed hours") << 170 << "[h]:mm" << 1.5 << "36:00:00";
    QTest::newRow("minutes with hours") << 170 << "hh:mm" << 0.75 << "18:00:00";
    QTest::newRow("text format") << 49 << "@" << 1310.0 << "1310";
    QTest::newRow("month alone is a date") << 170 << "mmmm yyyy" << 45366.0 << "2024-03-15";
}

void TestSpreadsheetFile::numberFormats()
{
    QFETCH(int, id);
    QFETCH(QString, code);
    QFETCH(double, value);
    QFETCH(QString, shown);
    QCOMPARE(CellFormat::fromExcel(id, code).format(value, false), shown);
}

void TestSpreadsheetFile::serialDates()
{
    // The 1900 system and its leap-year bug: 59 is 1900-02-28, 60 the day that never was, 61 is 1 March.
    QCOMPARE(CellFormat::fromSerial(1, false).date(), QDate(1900, 1, 1));
    QCOMPARE(CellFormat::fromSerial(59, false).date(), QDate(1900, 2, 28));
    QCOMPARE(CellFormat::fromSerial(61, false).date(), QDate(1900, 3, 1));
    QCOMPARE(CellFormat::fromSerial(45366, false).date(), QDate(2024, 3, 15));
    QCOMPARE(CellFormat::fromSerial(43904, true).date(), QDate(2024, 3, 15));
    QCOMPARE(CellFormat::fromSerial(45366.75, false), QDateTime(QDate(2024, 3, 15), QTime(18, 0)));
    QVERIFY(!CellFormat::fromSerial(-1, false).isValid());
    QVERIFY(!CellFormat::fromSerial(1e12, false).isValid());
    QCOMPARE(CellFormat::unescape(QStringLiteral("a_x000D_b_x005F_x0041_c_xZZZZ_")),
             QStringLiteral("a\rb_x0041_c_xZZZZ_"));
}

void TestSpreadsheetFile::openpyxlWorkbook()
{
    const Read r = readAll(QStringLiteral("openpyxl_members.xlsx"));
    QVERIFY(r.file);
    QCOMPARE(r.file->format(), FileFormat::Xlsx);
    QCOMPARE(r.file->sheetName(), QStringLiteral("Adhérents")); // the active sheet, not the first
    QVERIFY(r.file->hasHeader());
    QCOMPARE(r.file->header().value(3), QStringLiteral("Téléphone"));
    QCOMPARE(r.records.size(), 3);
    const QStringList theo = r.records[0].fields;
    QCOMPARE(r.records[0].line, 2);
    QCOMPARE(theo.value(3), QStringLiteral("06 12 34 56 78")); // the number as its format showed it
    QCOMPARE(theo.value(4), QStringLiteral("01310"));
    QCOMPARE(theo.value(5), QStringLiteral("2024-03-15"));
    QCOMPARE(theo.value(6), QStringLiteral("2025-03-14")); // [$-40C]d mmmm yyyy
    QCOMPARE(theo.value(7), QStringLiteral("TRUE"));
    QCOMPARE(theo.value(8), QStringLiteral("12.5"));
    QCOMPARE(theo.value(9), QStringLiteral("33612345678")); // never 3.36E10
    QCOMPARE(theo.value(10), QStringLiteral("13:45:00"));
    const QStringList helene = r.records[1].fields;
    QCOMPARE(helene.value(3), QStringLiteral("0612345679")); // text stays text
    QCOMPARE(helene.value(4), QStringLiteral("01310"));
    QCOMPARE(helene.value(5), QStringLiteral("2024-04-01 13:45:00"));
    QCOMPARE(helene.value(6), QStringLiteral("2025-12-09")); // a serial through "le "dd/mm/yy
    QCOMPARE(helene.value(7), QStringLiteral("FALSE"));
    QCOMPARE(helene.size(), 9); // trailing empty cells dropped
    const QStringList ana = r.records[2].fields;
    QCOMPARE(ana.value(3), QStringLiteral("612345670")); // a phone stored as a number: its digits
    QCOMPARE(ana.value(4), QStringLiteral("75011"));
    QCOMPARE(ana.value(5), QStringLiteral("2024-03-15")); // [Red]dd/mm/yyyy
    QCOMPARE(ana.value(6), QStringLiteral("2025-03-15"));
    QCOMPARE(ana.value(10), QStringLiteral("45366")); // General: the number it is
    QCOMPARE(ana.value(8), QStringLiteral("1234567.89"));
    QVERIFY(r.file->problems().isEmpty());
}

void TestSpreadsheetFile::activeSheetHiddenSheetAndSheetByNameOrNumber()
{
    auto opened = TableSource::open(path(QStringLiteral("openpyxl_members.xlsx")));
    QVERIFY(opened.ok());
    const QList<SheetInfo> sheets = opened.value()->sheets();
    QCOMPARE(sheets.size(), 3);
    QCOMPARE(sheets[0].name, QStringLiteral("Notes"));
    QCOMPARE(sheets[0].rows, 1);
    QCOMPARE(sheets[1].rows, 4);
    QCOMPARE(sheets[2].name, QStringLiteral("Archive"));
    QVERIFY(sheets[2].hidden);
    QVERIFY(!sheets[1].hidden);
    QCOMPARE(opened.value()->sheet(), 1);

    ReadOptions byName;
    byName.sheet = QStringLiteral("archive"); // case does not matter when nothing else matches
    Read r = readAll(QStringLiteral("openpyxl_members.xlsx"), byName);
    QVERIFY(r.file);
    QCOMPARE(r.file->sheetName(), QStringLiteral("Archive"));
    QCOMPARE(r.records.size(), 1);
    QCOMPARE(r.records[0].fields, (QStringList{QStringLiteral("Old"), QStringLiteral("Member")}));

    ReadOptions byNumber;
    byNumber.sheet = QStringLiteral("1");
    byNumber.hasHeader = false;
    r = readAll(QStringLiteral("openpyxl_members.xlsx"), byNumber);
    QVERIFY(r.file);
    QCOMPARE(r.file->sheetName(), QStringLiteral("Notes"));
    QCOMPARE(r.records.value(0).fields, QStringList{QStringLiteral("Liste tenue par le bureau")});

    ReadOptions missing;
    missing.sheet = QStringLiteral("Budget");
    auto refused = TableSource::open(path(QStringLiteral("openpyxl_members.xlsx")), missing);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("\"Adhérents\"")));
    missing.sheet = QStringLiteral("4");
    QVERIFY(!TableSource::open(path(QStringLiteral("openpyxl_members.xlsx")), missing).ok());

    // The same in an .ods: the active table from settings.xml, the hidden one from its style.
    auto ods = TableSource::open(path(QStringLiteral("odfpy_members.ods")));
    QVERIFY(ods.ok());
    QCOMPARE(ods.value()->sheetName(), QStringLiteral("Membres"));
    QCOMPARE(ods.value()->sheet(), 1);
    // Listing the tables takes a pass over content.xml: stopped, it gives nothing, and lists whole when asked again.
    const std::atomic<bool> stop = true;
    QVERIFY(ods.value()->sheets(&stop).isEmpty());
    const QList<SheetInfo> tables = ods.value()->sheets();
    QCOMPARE(tables.size(), 3);
    QCOMPARE(tables[1].rows, 5); // header, Théo, Ana and the repeated row twice; a million empty rows: none
    QVERIFY(tables[2].hidden);
    ReadOptions odsByName;
    odsByName.sheet = QStringLiteral("Caché");
    odsByName.hasHeader = false;
    r = readAll(QStringLiteral("odfpy_members.ods"), odsByName);
    QVERIFY(r.file);
    QCOMPARE(r.records.value(0).fields, QStringList{QStringLiteral("x")});
    odsByName.sheet = QStringLiteral("Nulle part");
    QVERIFY(!TableSource::open(path(QStringLiteral("odfpy_members.ods")), odsByName).ok());
}

void TestSpreadsheetFile::date1904()
{
    for (const QString &name : {QStringLiteral("openpyxl_1904.xlsx"), QStringLiteral("lo/openpyxl_1904.xlsx")}) {
        const Read r = readAll(name);
        QVERIFY2(r.file, qPrintable(name));
        QCOMPARE(r.records.value(0).fields.value(1), QStringLiteral("2024-03-15"));
    }
}

void TestSpreadsheetFile::richTextPhoneticRunsEscapesAndCellsWithoutReferences_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("transitional") << "handmade_rich.xlsx";
    QTest::newRow("stored, not compressed") << "stored.xlsx";
    QTest::newRow("strict") << "handmade_strict.xlsx";
}

void TestSpreadsheetFile::richTextPhoneticRunsEscapesAndCellsWithoutReferences()
{
    QFETCH(QString, name);
    const Read r = readAll(name);
    QVERIFY(r.file);
    QCOMPARE(r.file->header(), (QStringList{"Nom", "Courriel", "Notes", "Adhésion", "Numéro"}));
    QCOMPARE(r.records.size(), 3);
    // Runs joined, the phonetic guide left out; a formula's cached value; escapes undone.
    QCOMPARE(r.records[0].fields,
             (QStringList{"Marie Curie", "marie@example.org", "Ligne\r\nsuivante_x0041_", "2024-03-15", "n° 00042"}));
    QCOMPARE(r.records[0].line, 2); // a row without r follows the one before
    // Cells out of order placed by their reference; t="d"; a boolean; an error value as shown.
    QCOMPARE(r.records[1].line, 5);
    QCOMPARE(r.records[1].fields, (QStringList{"Pierre", "pierre@example.org", "TRUE", "2024-03-15", "#N/A"}));
    QCOMPARE(r.records[2].fields, (QStringList{"Zoé", "", "", "2024-03-15 13:45:00"}));
}

void TestSpreadsheetFile::odfpyWorkbook()
{
    const Read r = readAll(QStringLiteral("odfpy_members.ods"));
    QVERIFY(r.file);
    QCOMPARE(r.file->format(), FileFormat::Ods);
    QCOMPARE(r.file->header(),
             (QStringList{"Prénom", "Nom", "Courriel", "Code postal", "Adhésion", "Bénévole", "Notes", "Cotisation"}));
    QCOMPARE(r.records.size(), 4);
    const QStringList theo = r.records[0].fields;
    QCOMPARE(theo.value(3), QStringLiteral("01310")); // the zeros its number style showed
    QCOMPARE(theo.value(4), QStringLiteral("2024-03-15"));
    QCOMPARE(theo.value(5), QStringLiteral("TRUE"));
    // text:s, a span, a tab, a line break, two paragraphs; the annotation left out.
    QCOMPARE(theo.value(6), QStringLiteral("Deux   espaces\t\nfin\nsecond paragraphe"));
    QCOMPARE(theo.value(7), QStringLiteral("12.5")); // the value, not "12,50 €"
    QCOMPARE(r.records[1].line, 6);                  // three empty rows counted, not read
    QCOMPARE(r.records[1].fields, (QStringList{"Ana", "Lima", "", "", "2024-04-01 13:45:00"}));
    QCOMPARE(r.records[2].fields, (QStringList{"Jumeau", "Double", "Double"}));
    QCOMPARE(r.records[3].fields, r.records[2].fields);
    QCOMPARE(r.records[3].line, 8);
}

void TestSpreadsheetFile::libreOfficeFiles()
{
    // LibreOffice's own .xlsx of the same workbook: shared strings, its styles, its dimension.
    Read r = readAll(QStringLiteral("lo/odfpy_members.xlsx"));
    QVERIFY(r.file);
    QCOMPARE(r.file->sheetName(), QStringLiteral("Membres"));
    QCOMPARE(r.records.size(), 4);
    QCOMPARE(r.records[0].fields.value(0), QStringLiteral("Théo"));
    QVERIFY(r.records[0].fields.value(4).startsWith(QStringLiteral("2024-03-15")));
    QCOMPARE(r.records[0].fields.value(5), QStringLiteral("TRUE"));
    QVERIFY(r.file->sheets().value(2).hidden);
    // A formula LibreOffice computed: its cached value, never the formula.
    r = readAll(QStringLiteral("lo/formula.xlsx"));
    QVERIFY(r.file);
    QCOMPARE(r.records.value(0).fields, (QStringList{"Ana", "21", "42"}));
}

void TestSpreadsheetFile::emptyWorkbooks()
{
    auto empty = TableSource::open(path(QStringLiteral("openpyxl_empty.xlsx")));
    QVERIFY(!empty.ok());
    QVERIFY(empty.error().message.contains(QStringLiteral("none of its sheets holds anything")));
    auto allEmpty = TableSource::open(path(QStringLiteral("openpyxl_all_empty.xlsx")));
    QVERIFY(!allEmpty.ok());
    QVERIFY(allEmpty.error().message.contains(QStringLiteral("none of its sheets holds anything")));
    // The active sheet is empty, another is not: that one is read, and the user is told.
    const Read r = readAll(QStringLiteral("openpyxl_active_empty.xlsx"));
    QVERIFY(r.file);
    QCOMPARE(r.file->sheetName(), QStringLiteral("Données"));
    QCOMPARE(r.records.value(0).fields, (QStringList{"Ana", "ana@example.org"}));
    QVERIFY(r.file->problems().value(0).message.contains(QStringLiteral("\"Vide\" is empty")));
    // Asked for by name, an empty sheet is refused rather than swapped.
    ReadOptions options;
    options.sheet = QStringLiteral("Vide");
    auto asked = TableSource::open(path(QStringLiteral("openpyxl_active_empty.xlsx")), options);
    QVERIFY(!asked.ok());
    QVERIFY(asked.error().message.contains(QStringLiteral("is empty")));
}

void TestSpreadsheetFile::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("encrypted xlsx") << "encrypted.xlsx"
                                    << "protected by a password";
    QTest::newRow("encrypted ods") << "encrypted.ods"
                                   << "protected by a password";
    QTest::newRow("old xls from LibreOffice") << "lo/openpyxl_members.xls"
                                              << "Save as";
    QTest::newRow("html named xls") << "page.xls"
                                    << "web page";
    QTest::newRow("truncated") << "truncated.xlsx"
                               << "incomplete";
    QTest::newRow("checksum") << "corrupted.xlsx"
                              << "damaged";
    QTest::newRow("dtd and entities") << "handmade_dtd.xlsx"
                                      << "document type or entities";
    QTest::newRow("zip of photos") << "photos.xlsx"
                                   << "zip archive";
    QTest::newRow("word document") << "letter.xlsx"
                                   << "not a spreadsheet";
    QTest::newRow("billions of rows") << "odfpy_billions.ods"
                                      << "more rows";
}

void TestSpreadsheetFile::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    auto opened = TableSource::open(path(name));
    QString message;
    if (opened.ok()) {
        CsvRecord r;
        while (opened.value()->next(r)) {
        }
        QVERIFY2(opened.value()->readError().has_value(), "read to the end without a word");
        message = opened.value()->readError()->message;
    } else {
        message = opened.error().message;
    }
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QFileInfo(name).fileName()), qPrintable(message)); // says which file
}

void TestSpreadsheetFile::zipBombStopsEarly()
{
    // 300 MB of blanks behind 300 KB: refused once the ratio shows, long before the end.
    auto archive = ZipArchive::open(path(QStringLiteral("bomb.xlsx")));
    QVERIFY(archive.ok());
    auto entry = archive.value()->entry(QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(entry);
    QByteArray buffer(1 << 20, '\0');
    qint64 n = 0;
    while ((n = entry->read(buffer.data(), buffer.size())) > 0) {
    }
    QCOMPARE(n, -1);
    QVERIFY(archive.value()->lastError().contains(QStringLiteral("zip bomb")));
    QVERIFY2(archive.value()->inflated() < (qint64(32) << 20),
             qPrintable(QString::number(archive.value()->inflated())));
    // A total budget holds across entries, whatever their ratio.
    ZipArchive::Limits tight;
    tight.totalBytes = 2000;
    auto small = ZipArchive::open(path(QStringLiteral("openpyxl_members.xlsx")), tight);
    QVERIFY(small.ok());
    auto read = small.value()->readAll(QStringLiteral("xl/styles.xml"));
    QVERIFY(!read.ok());
    QVERIFY(small.value()->lastError().contains(QStringLiteral("zip bomb")));
    // The whole file through the reader: the message, and nothing read.
    auto opened = TableSource::open(path(QStringLiteral("bomb.xlsx")));
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(QStringLiteral("zip bomb")));
}

void TestSpreadsheetFile::billionsOfDeclaredCellsCostNothing()
{
    // A dimension of 17 billion cells and one value in the last cell: read as declared, nothing allocated
    // for the cells in between but that one row.
    Read r = readAll(QStringLiteral("handmade_declared.xlsx"));
    QVERIFY(r.file);
    QCOMPARE(r.records.size(), 2);
    QCOMPARE(r.records[1].line, 1048576);
    QCOMPARE(r.records[1].fields.size(), 16384);
    QCOMPARE(r.records[1].fields.last(), QStringLiteral("au bout"));
    // A value beyond the last column a spreadsheet can have: left out, and said.
    r = readAll(QStringLiteral("handmade_far.xlsx"));
    QVERIFY(r.file);
    QCOMPARE(r.records.value(0).fields, QStringList{QStringLiteral("Ana")});
    QVERIFY(r.file->problems().value(0).message.contains(QStringLiteral("last column")));
    r = readAll(QStringLiteral("odfpy_wide.ods"));
    QVERIFY(r.file);
    QCOMPARE(r.file->header().size(), 16384);
    QVERIFY(r.file->problems().value(0).message.contains(QStringLiteral("last column")));
}

QTEST_GUILESS_MAIN(TestSpreadsheetFile)
#include "tst_spreadsheetfile.moc"
