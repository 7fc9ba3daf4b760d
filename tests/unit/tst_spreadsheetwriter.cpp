// The spreadsheets Carnet writes (.xlsx and .ods), read back by independent readers: openpyxl and odfpy
// (tests/support/read_spreadsheet.py) cell by cell with their types, LibreOffice headless converting them to
// CSV as a user would see them, and Carnet's own reader. Text stays text, dates are dates, nothing is a
// formula, the header is bold and frozen, a full sheet goes on to the next, and a failed write leaves the
// previous file as it was.
#include "import/TableSource.h"
#include "reports/SpreadsheetWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using Reports::CellType;
using Reports::SheetColumn;
using Reports::SpreadsheetWriter;

Q_DECLARE_METATYPE(Reports::SpreadsheetWriter::Format)

namespace {

const QString kLongText = QString(40000, QLatin1Char('x'));

QList<SheetColumn> columns()
{
    return {{QStringLiteral("Code postal"), CellType::Text}, {QStringLiteral("Téléphone"), CellType::Text},
            {QStringLiteral("Formule"), CellType::Text},     {QStringLiteral("Né le"), CellType::Date},
            {QStringLiteral("Créé"), CellType::DateTime},    {QStringLiteral("N°"), CellType::Number},
            {QStringLiteral("Notes"), CellType::Text}};
}

QList<QVariantList> rows()
{
    const QString hostile =
        QStringLiteral("ctrl\x01\x1f end ") + QString::fromUtf8("😀") + QChar(0xD800) + QStringLiteral(" <b>&amp;\"");
    return {
        {QStringLiteral("01310"), QStringLiteral("+33 6 12 34 56 78"), QStringLiteral("=1+1"), QDate(2024, 3, 5),
         QDateTime(QDate(2024, 3, 5), QTime(10, 11)), qint64(42), QStringLiteral("a  b\nc\td")},
        {QStringLiteral("-5"), QStringLiteral("@SUM(A1)"), QStringLiteral("_x0041_"), QDate(1899, 12, 31), QVariant(),
         3.5, hostile},
        {QString(), QVariant(), QStringLiteral(" lead"), QDate(), QDateTime(), QVariant(), kLongText},
    };
}

QJsonObject readBack(const QString &path)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/read_spreadsheet.py"), path});
    if (!python.waitForFinished(120000) || python.exitCode() != 0) {
        qWarning().noquote() << python.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

// LibreOffice converting the file to CSV, every cell as it shows it (token 9: "as shown").
QStringList libreOfficeLines(const QString &path, const QString &workDir)
{
    QProcess soffice;
    soffice.setProcessChannelMode(QProcess::MergedChannels);
    const QString outDir = workDir + QStringLiteral("/lo-out");
    soffice.start(QStringLiteral("soffice"),
                  {QStringLiteral("-env:UserInstallation=file://") + workDir + QStringLiteral("/lo-profile"),
                   QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                   QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false"),
                   QStringLiteral("--outdir"), outDir, path});
    if (!soffice.waitForFinished(180000) || soffice.exitCode() != 0) {
        qWarning().noquote() << soffice.readAll();
        return {};
    }
    QFile csv(outDir + QLatin1Char('/') + QFileInfo(path).completeBaseName() + QStringLiteral(".csv"));
    if (!csv.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(csv.readAll()).split(QStringLiteral("\n"));
}

QJsonObject cell(const QJsonObject &sheet, int row, int column)
{
    return sheet.value(QStringLiteral("rows")).toArray().at(row).toArray().at(column).toObject();
}

} // namespace

class TestSpreadsheetWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cellsKeepTheirTypes_data();
    void cellsKeepTheirTypes();
    void libreOfficeShowsWhatWasWritten_data();
    void libreOfficeShowsWhatWasWritten();
    void aFullSheetGoesOnToTheNext_data();
    void aFullSheetGoesOnToTheNext();
    void sheetNamesMadeValid();
    void aFailedWriteLeavesThePreviousFile_data();
    void aFailedWriteLeavesThePreviousFile();

private:
    QString write(SpreadsheetWriter::Format format, const QString &name, const SpreadsheetWriter::Options &options);
    QTemporaryDir m_dir;
};

void TestSpreadsheetWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestSpreadsheetWriter::write(SpreadsheetWriter::Format format, const QString &name,
                                     const SpreadsheetWriter::Options &options)
{
    const QString path = m_dir.filePath(name + QLatin1Char('.') + SpreadsheetWriter::suffix(format));
    auto writer = SpreadsheetWriter::create(format, path, options);
    if (!writer->addSheet(QStringLiteral("Adhérents"), columns()).ok())
        return {};
    for (const QVariantList &row : rows()) {
        if (!writer->addRow(row).ok())
            return {};
    }
    if (!writer->commit().ok() || writer->rowsWritten() != 3 || writer->truncatedCells() != 1)
        return {};
    return path;
}

void TestSpreadsheetWriter::cellsKeepTheirTypes_data()
{
    QTest::addColumn<SpreadsheetWriter::Format>("format");
    QTest::newRow("xlsx") << SpreadsheetWriter::Format::Xlsx;
    QTest::newRow("ods") << SpreadsheetWriter::Format::Ods;
}

void TestSpreadsheetWriter::cellsKeepTheirTypes()
{
    QFETCH(SpreadsheetWriter::Format, format);
    const bool xlsx = format == SpreadsheetWriter::Format::Xlsx;
    SpreadsheetWriter::Options options;
    options.title = QStringLiteral("Adhérents 2026");
    options.datePattern = QStringLiteral("dd/MM/yyyy");
    const QString path = write(format, QStringLiteral("types"), options);
    QVERIFY(!path.isEmpty());

    const QJsonObject book = readBack(path);
    QCOMPARE(book.value("sheets").toArray().size(), 1);
    const QJsonObject sheet = book.value("sheets").toArray().first().toObject();
    QCOMPARE(sheet.value("name").toString(), QStringLiteral("Adhérents"));
    QCOMPARE(sheet.value("rows").toArray().size(), 4);
    // The header: text, bold.
    for (int c = 0; c < columns().size(); ++c) {
        QCOMPARE(cell(sheet, 0, c).value("v").toString(), columns()[c].title);
        QVERIFY(cell(sheet, 0, c).value("bold").toBool());
    }
    QVERIFY(!cell(sheet, 1, 0).value("bold").toBool());
    // Text stays text: leading zeros, a phone, a would-be formula, a minus, an @.
    for (const auto &[row, column, text] : QList<std::tuple<int, int, QString>>{{1, 0, "01310"},
                                                                                {1, 1, "+33 6 12 34 56 78"},
                                                                                {1, 2, "=1+1"},
                                                                                {2, 0, "-5"},
                                                                                {2, 1, "@SUM(A1)"},
                                                                                {3, 2, " lead"}}) {
        QCOMPARE(cell(sheet, row, column).value("t").toString(), QStringLiteral("s"));
        QCOMPARE(cell(sheet, row, column).value("v").toString(), text);
    }
    // Spaces, new lines and tabs kept; the characters XML cannot hold left out, the rest intact.
    QCOMPARE(cell(sheet, 1, 6).value("v").toString(), QStringLiteral("a  b\nc\td"));
    const QString hostile = cell(sheet, 2, 6).value("v").toString();
    QVERIFY2(hostile.endsWith(QStringLiteral(" end ") + QString::fromUtf8("😀") + QStringLiteral(" <b>&amp;\"")),
             qPrintable(hostile));
    // Longer than a cell takes: cut at 32,767 characters.
    QCOMPARE(cell(sheet, 3, 6).value("v").toString().size(), 32767);
    // Dates are dates (and a date-time keeps its time), numbers numbers.
    QCOMPARE(cell(sheet, 1, 3).value("t").toString(), QStringLiteral("d"));
    QCOMPARE(cell(sheet, 1, 3).value("v").toString(), QStringLiteral("2024-03-05"));
    QCOMPARE(cell(sheet, 1, 4).value("t").toString(), QStringLiteral("d"));
    QCOMPARE(cell(sheet, 1, 4).value("v").toString().left(16), QStringLiteral("2024-03-05T10:11"));
    QCOMPARE(cell(sheet, 1, 5).value("t").toString(), QStringLiteral("n"));
    QCOMPARE(cell(sheet, 1, 5).value("v").toInt(), 42);
    QCOMPARE(cell(sheet, 2, 5).value("v").toDouble(), 3.5);
    // Empty values are empty cells.
    QCOMPARE(cell(sheet, 2, 4).value("t").toString(), QStringLiteral("e"));
    QCOMPARE(cell(sheet, 3, 0).value("t").toString(), QStringLiteral("e"));
    if (xlsx) {
        // Before 1 March 1900 Excel's dates are off by one: such a date is written as the text shown.
        QCOMPARE(cell(sheet, 2, 3).value("t").toString(), QStringLiteral("s"));
        QCOMPARE(cell(sheet, 2, 3).value("v").toString(), QStringLiteral("31/12/1899"));
        QCOMPARE(cell(sheet, 2, 2).value("v").toString(), QStringLiteral("_x005F_x0041_")); // Excel shows _x0041_
        QCOMPARE(cell(sheet, 1, 3).value("fmt").toString(), QStringLiteral("dd\\/mm\\/yyyy"));
        QCOMPARE(cell(sheet, 1, 0).value("fmt").toString(), QStringLiteral("@"));
        QCOMPARE(sheet.value("frozen").toString(), QStringLiteral("A2"));
        const QJsonArray widths = sheet.value("widths").toArray();
        QCOMPARE(widths.size(), 7);
        QVERIFY(widths[1].toDouble() >= 17);  // "+33 6 12 34 56 78"
        QCOMPARE(widths[6].toDouble(), 62.0); // a long note: wide, up to a point
    } else {
        QCOMPARE(cell(sheet, 2, 3).value("t").toString(), QStringLiteral("d"));
        QCOMPARE(cell(sheet, 2, 3).value("v").toString(), QStringLiteral("1899-12-31"));
        QCOMPARE(cell(sheet, 1, 3).value("shown").toString(), QStringLiteral("05/03/2024"));
        QCOMPARE(cell(sheet, 2, 2).value("v").toString(), QStringLiteral("_x0041_"));
    }

    // Carnet's own reader reads back what it wrote, as shown.
    Import::ReadOptions read;
    auto source = Import::TableSource::open(path, read);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().message));
    QCOMPARE(source.value()->header().value(1), QStringLiteral("Téléphone"));
    Import::CsvRecord record;
    QVERIFY(source.value()->next(record));
    QCOMPARE(record.fields.value(0), QStringLiteral("01310"));
    QCOMPARE(record.fields.value(2), QStringLiteral("=1+1"));
    QCOMPARE(record.fields.value(3), QStringLiteral("2024-03-05"));
    QCOMPARE(record.fields.value(6), QStringLiteral("a  b\nc\td"));
    QVERIFY(source.value()->next(record));
    QCOMPARE(record.fields.value(2), QStringLiteral("_x0041_"));
}

void TestSpreadsheetWriter::libreOfficeShowsWhatWasWritten_data()
{
    cellsKeepTheirTypes_data();
}

void TestSpreadsheetWriter::libreOfficeShowsWhatWasWritten()
{
    QFETCH(SpreadsheetWriter::Format, format);
    SpreadsheetWriter::Options options;
    options.datePattern = QStringLiteral("yyyy-MM-dd");
    const QString path = write(format, QStringLiteral("shown"), options);
    QVERIFY(!path.isEmpty());
    const QStringList lines = libreOfficeLines(path, m_dir.path());
    QVERIFY2(lines.size() >= 4, qPrintable(lines.join(QLatin1Char('|'))));
    QCOMPARE(lines[0], QStringLiteral("Code postal,Téléphone,Formule,Né le,Créé,N°,Notes"));
    // "=1+1" shown as written (a formula would show 2); the date in the pattern asked for.
    QVERIFY2(lines[1].startsWith(QStringLiteral("01310,+33 6 12 34 56 78,=1+1,2024-03-05,2024-03-05 10:11,42,")),
             qPrintable(lines[1]));
    QVERIFY2(lines[3].startsWith(QStringLiteral("-5,@SUM(A1),_x0041_,")), qPrintable(lines[3]));
}

void TestSpreadsheetWriter::aFullSheetGoesOnToTheNext_data()
{
    cellsKeepTheirTypes_data();
}

void TestSpreadsheetWriter::aFullSheetGoesOnToTheNext()
{
    QFETCH(SpreadsheetWriter::Format, format);
    SpreadsheetWriter::Options options;
    options.maxRows = 3; // the header and two rows a sheet (1,048,576 in a real one)
    const QString path = m_dir.filePath(QStringLiteral("full.") + SpreadsheetWriter::suffix(format));
    auto writer = SpreadsheetWriter::create(format, path, options);
    QVERIFY(writer->addSheet(QStringLiteral("Membres"), {{QStringLiteral("N°"), CellType::Number}}).ok());
    for (int i = 1; i <= 5; ++i)
        QVERIFY(writer->addRow({qint64(i)}).ok());
    QVERIFY(writer->addSheet(QStringLiteral("Membres"), {{QStringLiteral("Autre"), CellType::Text}}).ok());
    QVERIFY(writer->addRow({QStringLiteral("x")}).ok());
    QVERIFY(writer->commit().ok());
    QCOMPARE(writer->rowsWritten(), 6);
    const QJsonArray sheets = readBack(path).value("sheets").toArray();
    QStringList names;
    for (const QJsonValue &s : sheets)
        names.append(s.toObject().value("name").toString());
    QCOMPARE(names, QStringList({"Membres", "Membres (2)", "Membres (3)", "Membres (4)"}));
    QCOMPARE(cell(sheets[1].toObject(), 0, 0).value("v").toString(), QStringLiteral("N°")); // header repeated
    QCOMPARE(cell(sheets[1].toObject(), 1, 0).value("v").toInt(), 3);
    QCOMPARE(cell(sheets[2].toObject(), 1, 0).value("v").toInt(), 5);
    QCOMPARE(sheets[2].toObject().value("rows").toArray().size(), 2);
    QCOMPARE(cell(sheets[3].toObject(), 1, 0).value("v").toString(), QStringLiteral("x"));
}

void TestSpreadsheetWriter::sheetNamesMadeValid()
{
    const QString path = m_dir.filePath(QStringLiteral("names.xlsx"));
    auto writer = SpreadsheetWriter::create(SpreadsheetWriter::Format::Xlsx, path, {});
    for (const QString &name : {QStringLiteral("AG 2026: [présents] / excusés?"), QStringLiteral("'cité'"),
                                QStringLiteral("   "), QStringLiteral("Une liste au nom bien trop long pour un onglet"),
                                QStringLiteral("une liste au nom bien trop long pour un onglet")})
        QVERIFY(writer->addSheet(name, {{QStringLiteral("A"), CellType::Text}}).ok());
    QVERIFY(writer->commit().ok());
    QStringList names;
    for (const QJsonValue &s : readBack(path).value("sheets").toArray())
        names.append(s.toObject().value("name").toString());
    QCOMPARE(names, QStringList({"AG 2026_ _présents_ _ excusés_", "cité", "Carnet", "Une liste au nom bien trop long",
                                 "une liste au nom bien trop (2)"}));
}

void TestSpreadsheetWriter::aFailedWriteLeavesThePreviousFile_data()
{
    cellsKeepTheirTypes_data();
}

void TestSpreadsheetWriter::aFailedWriteLeavesThePreviousFile()
{
    QFETCH(SpreadsheetWriter::Format, format);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("previous.") + SpreadsheetWriter::suffix(format));
    QFile previous(path);
    QVERIFY(previous.open(QIODevice::WriteOnly) && previous.write("the previous export") > 0);
    previous.close();
    {
        // Stopped before commit (a cancel): nothing written, nothing left behind.
        auto writer = SpreadsheetWriter::create(format, path, {});
        QVERIFY(writer->addSheet(QStringLiteral("A"), {{QStringLiteral("A"), CellType::Text}}).ok());
        QVERIFY(writer->addRow({QStringLiteral("new")}).ok());
    }
    // A folder that does not exist, a folder as the destination: said, nothing written.
    for (const QString &target : {dir.filePath(QStringLiteral("missing/out.xlsx")), dir.path()}) {
        auto writer = SpreadsheetWriter::create(format, target, {});
        QVERIFY(writer->addSheet(QStringLiteral("A"), {{QStringLiteral("A"), CellType::Text}}).ok());
        auto committed = writer->commit();
        QVERIFY(!committed.ok());
        QVERIFY2(committed.error().message.contains(QDir::toNativeSeparators(target)),
                 qPrintable(committed.error().message));
    }
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), QByteArray("the previous export"));
    previous.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList({QFileInfo(path).fileName()}));
    // And a good write replaces it whole.
    auto writer = SpreadsheetWriter::create(format, path, {});
    QVERIFY(writer->addSheet(QStringLiteral("A"), {{QStringLiteral("A"), CellType::Text}}).ok());
    QVERIFY(writer->addRow({QStringLiteral("new")}).ok());
    QVERIFY(writer->commit().ok());
    QCOMPARE(cell(readBack(path).value("sheets").toArray().first().toObject(), 1, 0).value("v").toString(),
             QStringLiteral("new"));
}

QTEST_GUILESS_MAIN(TestSpreadsheetWriter)
#include "tst_spreadsheetwriter.moc"
