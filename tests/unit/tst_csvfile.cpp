// Reading member files: encodings, separators, headers, bad bytes and bad files.
#include "import/ColumnMapper.h"
#include "import/CsvFile.h"
#include "import/ReadAhead.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using Import::CsvFile;
using Import::CsvRecord;
using Import::ReadOptions;

namespace {
const QString kData = QStringLiteral(CARNET_SOURCE_DIR "/tests/data/");

QList<QStringList> readAll(CsvFile &file)
{
    QList<QStringList> rows;
    CsvRecord r;
    while (file.next(r))
        rows.append(r.fields);
    return rows;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}
} // namespace

class TestCsvFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodingMatrix_data();
    void encodingMatrix();
    void separatorMatrix_data();
    void separatorMatrix();
    void realFiles_data();
    void realFiles();
    void headerDetection();
    void undecodableBytesAreReportedByLine();
    void wrongEncodingForced();
    void badFiles_data();
    void badFiles();
    void aHundredMegabyteLineIsRefused();
    void readsInChunksAcrossABigFile();
    void readAheadGivesTheSameRecordsAndProblems();
    void readAheadStoppedEarly();
};

void TestCsvFile::encodingMatrix_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<bool>("bom");
    const QString text =
        QString::fromUtf8("Prénom;Nom;Courriel\r\nHélène;Côté;helene@exemple.fr\r\nZoé;Lœuvre;zoe@example.org\r\n");
    auto encode = [&text](const char *name) { return QByteArray(QStringEncoder(name).encode(text)); };
    QTest::newRow("UTF-8") << encode("UTF-8") << QByteArray("UTF-8") << false;
    QTest::newRow("UTF-8 BOM (Excel)") << QByteArray("\xEF\xBB\xBF") + encode("UTF-8") << QByteArray("UTF-8") << true;
    QTest::newRow("UTF-16LE BOM") << QByteArray("\xFF\xFE") + encode("UTF-16LE") << QByteArray("UTF-16LE") << true;
    QTest::newRow("UTF-16BE BOM") << QByteArray("\xFE\xFF") + encode("UTF-16BE") << QByteArray("UTF-16BE") << true;
    QTest::newRow("UTF-16LE without BOM") << encode("UTF-16LE") << QByteArray("UTF-16LE") << false;
    QTest::newRow("windows-1252 (œ is 0x9C)") << encode("windows-1252") << QByteArray("windows-1252") << false;
}

void TestCsvFile::encodingMatrix()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoding);
    QFETCH(bool, bom);
    QTemporaryDir dir;
    auto file = CsvFile::open(write(dir, QStringLiteral("m.csv"), bytes));
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE(file.value()->encoding().name, encoding);
    QCOMPARE(file.value()->encoding().bom, bom);
    QCOMPARE(file.value()->delimiter(), QLatin1Char(';'));
    QVERIFY(file.value()->hasHeader());
    QCOMPARE(file.value()->header(), (QStringList{QString::fromUtf8("Prénom"), "Nom", "Courriel"}));
    const auto rows = readAll(*file.value());
    QCOMPARE(rows, (QList<QStringList>{{QString::fromUtf8("Hélène"), QString::fromUtf8("Côté"), "helene@exemple.fr"},
                                       {QString::fromUtf8("Zoé"), QString::fromUtf8("Lœuvre"), "zoe@example.org"}}));
    QVERIFY(file.value()->problems().isEmpty());
}

void TestCsvFile::separatorMatrix_data()
{
    QTest::addColumn<QString>("separator");
    QTest::newRow("comma") << ",";
    QTest::newRow("semicolon") << ";";
    QTest::newRow("tab") << "\t";
    QTest::newRow("pipe") << "|";
}

void TestCsvFile::separatorMatrix()
{
    QFETCH(QString, separator);
    // Values holding the other separators (a comma in an address, a semicolon in notes) do not fool it.
    QString text = QStringLiteral("first_name,last_name,email,address,notes\n");
    text += QStringLiteral("Léa,David,lea@example.org,\"12, rue Bertrand\",\"a;b\"\n");
    text += QStringLiteral("Marc,Roy,marc@example.org,\"3, place du Marché\",\"c;d|e\"\n");
    text.replace(QLatin1Char(','), separator);
    if (separator != QLatin1String(","))
        text.replace(QStringLiteral("12") + separator + QStringLiteral(" rue"), QStringLiteral("12, rue"))
            .replace(QStringLiteral("3") + separator + QStringLiteral(" place"), QStringLiteral("3, place"));
    QTemporaryDir dir;
    auto file = CsvFile::open(write(dir, QStringLiteral("m.csv"), text.toUtf8()));
    QVERIFY(file.ok());
    QCOMPARE(QString(file.value()->delimiter()), separator);
    const auto rows = readAll(*file.value());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].size(), 5);
    QCOMPARE(rows[0][3], QStringLiteral("12, rue Bertrand"));
}

void TestCsvFile::realFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("mapping"); // the first columns' mapping
    QTest::newRow("Koha") << "koha_patrons.csv" << QByteArray("UTF-8") << "," << 40
                          << QStringList{"member_number",   "last_name",         "first_name", "email",
                                         "phone",           "address",           "city",       "extra.state",
                                         "postal_code",     "extra.dateofbirth", "section",    "category",
                                         "membership_start"};
    QTest::newRow("Cagette export cp1252")
        << "cagette_membres_cp1252.csv" << QByteArray("windows-1252") << ";" << 40
        << QStringList{"first_name", "last_name", "email", "phone", "extra.firstName2"};
    QTest::newRow("Cagette import template") << "cagette_import_template_cp1252.csv" << QByteArray("windows-1252")
                                             << ";" << 3 << QStringList{"first_name", "last_name", "email", "mobile"};
    QTest::newRow("Mailchimp") << "mailchimp_subscribed.csv" << QByteArray("UTF-8") << "," << 40
                               << QStringList{"email", "first_name",          "last_name",       "address",
                                              "phone", "extra.MEMBER_RATING", "extra.OPTIN_TIME"};
    QTest::newRow("French Excel UTF-8 BOM")
        << "excel_fr_utf8_bom.csv" << QByteArray("UTF-8") << ";" << 45
        << QStringList{"first_name", "last_name", "email", "phone", "city", "section", "category", "membership_start"};
    QTest::newRow("Galette") << "galette_export.csv" << QByteArray("UTF-8") << ";" << 2
                             << QStringList{"last_name",        "first_name",     "email",   "city",
                                            "membership_start", "membership_end", "category"};
    // Galette's import model: its database column names; an empty formatted row (;;;) is a blank line.
    QTest::newRow("Galette import model")
        << "galette_import_model.csv" << QByteArray("UTF-8") << ";" << 2
        << QStringList{
               "last_name",        "first_name",      "extra.ddn_adh", "address", "postal_code",           "city",
               "country",          "phone",           "mobile",        "email",   "extra.info_public_adh", "notes",
               "membership_start", "extra.id_statut", "language"};
    QTest::newRow("Paheko cp1252")
        << "paheko_membres_cp1252.csv" << QByteArray("windows-1252") << ";" << 2
        << QStringList{"member_number", "full_name", "email",
                       "phone",         "city",      QString::fromUtf8("extra.Inscription à la lettre d'information")};
    QTest::newRow("CiviCRM") << "civicrm_contacts.csv" << QByteArray("UTF-8") << "," << 1
                             << QStringList{"extra.Contact ID", "first_name", "last_name",   "email",  "phone",
                                            "address",          "city",       "postal_code", "country"};
    QTest::newRow("listmonk") << "listmonk_import.csv" << QByteArray("UTF-8") << "," << 2
                              << QStringList{"email", "full_name", "extra.attributes"};
    QTest::newRow("Google contacts") << "google_contacts.csv" << QByteArray("UTF-8") << "," << 1
                                     << QStringList{"extra.Name", "first_name", "last_name", "email", "phone", "city"};
    QTest::newRow("Outlook UTF-16 tab") << "outlook_contacts_utf16.txt" << QByteArray("UTF-16LE") << "\t" << 1
                                        << QStringList{"first_name", "last_name", "email", "mobile", "city"};
}

void TestCsvFile::realFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, separator);
    QFETCH(int, rows);
    QFETCH(QStringList, mapping);
    auto file = CsvFile::open(kData + name);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE(file.value()->encoding().name, encoding);
    QCOMPARE(QString(file.value()->delimiter()), separator);
    QVERIFY(file.value()->hasHeader());
    const QStringList mapped = Import::ColumnMapper::map(file.value()->header());
    QCOMPARE(mapped.mid(0, mapping.size()), mapping);
    const auto all = readAll(*file.value());
    QCOMPARE(all.size(), rows);
    for (const QStringList &row : all)
        QCOMPARE(row.size(), file.value()->header().size());
    QVERIFY(file.value()->problems().isEmpty());
}

void TestCsvFile::headerDetection()
{
    auto file = CsvFile::open(kData + QStringLiteral("no_header_iso885915.csv"));
    QVERIFY(file.ok());
    QCOMPARE(file.value()->encoding().name, QByteArray("ISO-8859-15"));
    QVERIFY(!file.value()->hasHeader());
    const auto rows = readAll(*file.value());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0][3], QString::fromUtf8("Cotisation 20 €"));
    QCOMPARE(Import::ColumnMapper::mapByContent(rows, 4),
             (QStringList{"extra.column_1", "extra.column_2", "email", "extra.column_4"}));
    // The user can say there is a header after all, or none where one was seen.
    ReadOptions options;
    options.hasHeader = false;
    auto forced = CsvFile::open(kData + QStringLiteral("plain_utf8.csv"), options);
    QVERIFY(forced.ok());
    QVERIFY(forced.value()->header().isEmpty());
    QCOMPARE(readAll(*forced.value()).first().first(), QString::fromUtf8("Prénom"));
}

void TestCsvFile::undecodableBytesAreReportedByLine()
{
    // Invalid UTF-8 in the first 64 KiB makes the file windows-1252 (as Excel's are)…
    auto guessed = CsvFile::open(kData + QStringLiteral("utf8_one_bad_byte.csv"));
    QVERIFY(guessed.ok());
    QCOMPARE(guessed.value()->encoding().name, QByteArray("windows-1252"));
    // …and a bad byte further down a UTF-8 file is reported with its line, and kept visible.
    QTemporaryDir dir;
    QByteArray big = "Prénom,Nom,Courriel\n";
    for (int i = 0; i < 3000; ++i)
        big += QStringLiteral("Léa,David,lea%1@example.org\n").arg(i).toUtf8();
    big += "Zo\xe9,Roy,zoe@example.org\n";
    auto late = CsvFile::open(write(dir, QStringLiteral("late.csv"), big));
    QVERIFY(late.ok());
    QCOMPARE(late.value()->encoding().name, QByteArray("UTF-8"));
    const auto lateRows = readAll(*late.value());
    QCOMPARE(lateRows.size(), 3001);
    QCOMPARE(lateRows.last().first(), QString::fromUtf8("Zo\uFFFD"));
    QCOMPARE(late.value()->problems().size(), 1);
    QCOMPARE(late.value()->problems().first().line, 3002);

    ReadOptions utf8;
    utf8.encoding = "UTF-8";
    auto file = CsvFile::open(kData + QStringLiteral("utf8_one_bad_byte.csv"), utf8);
    QVERIFY(file.ok());
    const auto rows = readAll(*file.value());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1][0], QString::fromUtf8("Zo\uFFFD")); // kept visible, never dropped
    QCOMPARE(file.value()->problems().size(), 1);
    QCOMPARE(file.value()->problems().first().line, 3);
    QVERIFY(file.value()->problems().first().message.contains(QStringLiteral("UTF-8")));
}

void TestCsvFile::wrongEncodingForced()
{
    ReadOptions options;
    options.encoding = "UTF-8";
    auto file = CsvFile::open(kData + QStringLiteral("cagette_membres_cp1252.csv"), options);
    QVERIFY(file.ok());
    QCOMPARE(file.value()->encoding().name, QByteArray("UTF-8"));
    readAll(*file.value());
    QVERIFY(file.value()->problems().size() > 5); // every line with an accent is reported
    options.encoding = "windows-1252";
    auto right = CsvFile::open(kData + QStringLiteral("cagette_membres_cp1252.csv"), options);
    QCOMPARE(readAll(*right.value()).first().first(), QString::fromUtf8("Jérôme"));
    QVERIFY(right.value()->problems().isEmpty());
}

void TestCsvFile::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("binary") << "not_a_spreadsheet.png"
                            << "binary";
    QTest::newRow("empty") << "empty.csv"
                           << "is empty";
    QTest::newRow("missing") << "no_such_file.csv"
                             << "does not exist";
    QTest::newRow("folder") << ""
                            << "folder";
}

void TestCsvFile::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, message);
    auto file = CsvFile::open(kData + name);
    QVERIFY(!file.ok());
    QVERIFY2(file.error().message.contains(message), qPrintable(file.error().message));
    // A header-only file is fine: no rows.
    auto header = CsvFile::open(kData + QStringLiteral("header_only.csv"));
    QVERIFY(header.ok());
    QCOMPARE(header.value()->header().size(), 3);
    QCOMPARE(readAll(*header.value()).size(), 0);
}

void TestCsvFile::aHundredMegabyteLineIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b\n");
        const QByteArray block(1024 * 1024, 'x');
        for (int i = 0; i < 100; ++i)
            f.write(block);
        f.write("\n");
    }
    auto file = CsvFile::open(path); // the reader stops at 1 M characters: memory stays small
    QVERIFY(!file.ok());
    QVERIFY2(file.error().message.contains(QStringLiteral("million characters")), qPrintable(file.error().message));
    QVERIFY(file.error().message.contains(QStringLiteral("Line 2")));
}

void TestCsvFile::readsInChunksAcrossABigFile()
{
    QTemporaryDir dir;
    QByteArray bytes = "Prénom;Nom;Courriel\r\n";
    for (int i = 0; i < 60000; ++i)
        bytes += QStringLiteral("Élodie;\"Côté; %1\";m%1@example.org\r\n").arg(i).toUtf8();
    auto file = CsvFile::open(write(dir, QStringLiteral("big.csv"), bytes));
    QVERIFY(file.ok());
    QVERIFY(file.value()->size() > 2 * 1024 * 1024); // several chunks
    qint64 n = 0;
    CsvRecord r;
    while (file.value()->next(r)) {
        QCOMPARE(r.fields.size(), 3);
        QCOMPARE(r.line, n + 2);
        QCOMPARE(r.fields[1], QStringLiteral("Côté; %1").arg(n));
        ++n;
    }
    QCOMPARE(n, 60000);
}

// The import reads the file on a thread of its own: the same records in the same order, with their lines,
// and what the file said about itself (a bad byte far down, a quote never closed) once its end is reached.
void TestCsvFile::readAheadGivesTheSameRecordsAndProblems()
{
    QTemporaryDir dir;
    QByteArray bytes = "Prénom,Nom,Courriel\n";
    const int rows = Import::ReadAhead::kBatchRecords * (Import::ReadAhead::kQueuedBatches + 3) + 17;
    for (int i = 0; i < rows; ++i)
        bytes += QStringLiteral("Élodie,Côté %1,m%1@example.org\n").arg(i).toUtf8();
    bytes += "Zo\xe9,Roy,zoe@example.org\n\"never closed,x\n";
    const QString path = write(dir, QStringLiteral("ahead.csv"), bytes);
    auto direct = CsvFile::open(path);
    QVERIFY(direct.ok());
    const QList<QStringList> expected = readAll(*direct.value());
    auto opened = CsvFile::open(path);
    QVERIFY(opened.ok());
    Import::ReadAhead ahead(std::move(opened).value());
    QCOMPARE(ahead.header(), direct.value()->header());
    QCOMPARE(ahead.encoding().name, QByteArray("UTF-8"));
    QCOMPARE(ahead.delimiter(), QLatin1Char(','));
    QList<QStringList> got;
    CsvRecord r;
    qint64 lastLine = 0;
    while (ahead.next(r)) {
        QVERIFY(r.line > lastLine);
        lastLine = r.line;
        got.append(r.fields);
        QVERIFY(ahead.position() <= ahead.size());
    }
    QVERIFY(!ahead.next(r)); // and stays at its end
    QCOMPARE(got.size(), rows + 2);
    QCOMPARE(got, expected);
    QCOMPARE(ahead.position(), ahead.size());
    QCOMPARE(ahead.problems().size(), direct.value()->problems().size());
    QCOMPARE(ahead.problems().size(), 2); // the bad byte and the quote
    QCOMPARE(ahead.problems().first().line, rows + 2);
    QVERIFY(!ahead.readError());
}

// A cancelled import drops the reader after a few rows: its thread stops at once rather than reading on.
void TestCsvFile::readAheadStoppedEarly()
{
    QTemporaryDir dir;
    QByteArray bytes = "a,b\n";
    for (int i = 0; i < 200000; ++i)
        bytes += QStringLiteral("%1,x\n").arg(i).toUtf8();
    auto opened = CsvFile::open(write(dir, QStringLiteral("stop.csv"), bytes));
    QVERIFY(opened.ok());
    {
        Import::ReadAhead ahead(std::move(opened).value());
        CsvRecord r;
        for (int i = 0; i < 10; ++i) {
            QVERIFY(ahead.next(r));
            QCOMPARE(r.fields.first(), QString::number(i));
        }
    } // joins its thread: a hang here fails the test by its timeout
}

QTEST_GUILESS_MAIN(TestCsvFile)
#include "tst_csvfile.moc"
