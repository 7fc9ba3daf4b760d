#include "import/CsvReader.h"

#include <QTest>

using Import::CsvReader;
using Import::CsvRecord;

namespace {
QList<QStringList> parse(const QString &text, QChar delimiter = QLatin1Char(','), int chunk = 0,
                         QList<qint64> *lines = nullptr)
{
    CsvReader reader(delimiter);
    if (chunk <= 0) {
        reader.feed(text);
    } else {
        for (qsizetype i = 0; i < text.size(); i += chunk)
            reader.feed(QStringView(text).mid(i, chunk));
    }
    reader.finish();
    QList<QStringList> out;
    while (reader.hasRecord()) {
        const CsvRecord r = reader.takeRecord();
        out.append(r.fields);
        if (lines)
            lines->append(r.line);
    }
    return out;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void records_data();
    void records();
    void sameResultWhateverTheChunks_data() { records_data(); }
    void sameResultWhateverTheChunks();
    void lineNumbers();
    void unterminatedQuoteIsReported();
    void otherDelimiters();
    void keptColumnsOnly();
};

void TestCsvReader::records_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QList<QStringList>>("expected");
    using L = QList<QStringList>;
    QTest::newRow("simple") << "a,b,c\n1,2,3\n" << L{{"a", "b", "c"}, {"1", "2", "3"}};
    QTest::newRow("CRLF") << "a,b\r\n1,2\r\n" << L{{"a", "b"}, {"1", "2"}};
    QTest::newRow("CR only (old Mac Excel)") << "a,b\r1,2\r" << L{{"a", "b"}, {"1", "2"}};
    QTest::newRow("last line without newline") << "a,b\n1,2" << L{{"a", "b"}, {"1", "2"}};
    QTest::newRow("blank lines skipped") << "a,b\n\n\r\n1,2\n\n" << L{{"a", "b"}, {"1", "2"}};
    QTest::newRow("trailing separator") << "a,b,\n" << L{{"a", "b", ""}};
    QTest::newRow("empty fields") << ",,\n" << L{{"", "", ""}};
    QTest::newRow("quoted separator") << "\"Côté, Hélène\",x\n" << L{{QString::fromUtf8("Côté, Hélène"), "x"}};
    QTest::newRow("doubled quotes") << "\"say \"\"hi\"\"\",x\n" << L{{"say \"hi\"", "x"}};
    QTest::newRow("LF inside quotes") << "\"4122 rue Bertrand\nApp. 3\",x\n" << L{{"4122 rue Bertrand\nApp. 3", "x"}};
    QTest::newRow("CRLF inside quotes kept") << "\"a\r\nb\",x\r\n" << L{{"a\r\nb", "x"}};
    QTest::newRow("quoted empty") << "\"\",\"\"\n" << L{{"", ""}};
    QTest::newRow("a quoted empty line is a record") << "\"\"\n" << L{{""}};
    QTest::newRow("quote inside unquoted field") << "O\"Brien,x\n" << L{{"O\"Brien", "x"}};
    QTest::newRow("text after closing quote") << "\"a\"b,c\n" << L{{"ab", "c"}};
    QTest::newRow("spaces kept") << " a , b \n" << L{{" a ", " b "}};
    QTest::newRow("ragged rows") << "a,b,c\n1,2\n1,2,3,4\n" << L{{"a", "b", "c"}, {"1", "2"}, {"1", "2", "3", "4"}};
    QTest::newRow("BOM dropped") << QString::fromUtf8("\ufeffa,b\n") << L{{"a", "b"}};
    QTest::newRow("only a newline") << "\n" << L{};
    QTest::newRow("nothing") << "" << L{};
    QTest::newRow("formula kept verbatim") << "=1+2,@x\n" << L{{"=1+2", "@x"}};
}

void TestCsvReader::records()
{
    QFETCH(QString, input);
    QFETCH(QList<QStringList>, expected);
    QCOMPARE(parse(input), expected);
}

void TestCsvReader::sameResultWhateverTheChunks()
{
    QFETCH(QString, input);
    QFETCH(QList<QStringList>, expected);
    for (int chunk = 1; chunk <= 7; ++chunk)
        QCOMPARE(parse(input, QLatin1Char(','), chunk), expected);
}

void TestCsvReader::lineNumbers()
{
    QList<qint64> lines;
    const auto records =
        parse(QStringLiteral("h1,h2\r\n\r\n\"multi\r\nline\",x\r\nlast,y"), QLatin1Char(','), 3, &lines);
    QCOMPARE(records.size(), 3);
    QCOMPARE(lines, (QList<qint64>{1, 3, 5}));
    lines.clear();
    parse(QStringLiteral("a\rb\r\rc\n"), QLatin1Char(','), 1, &lines);
    QCOMPARE(lines, (QList<qint64>{1, 2, 4}));
}

void TestCsvReader::unterminatedQuoteIsReported()
{
    CsvReader reader;
    reader.feed(QStringLiteral("a,b\n1,\"never closed\n2,3\n"));
    reader.finish();
    QCOMPARE(reader.unterminatedQuoteLine(), 2);
    reader.takeRecord();
    const CsvRecord r = reader.takeRecord();
    QCOMPARE(r.fields, (QStringList{"1", "never closed\n2,3\n"})); // nothing lost
}

void TestCsvReader::otherDelimiters()
{
    QCOMPARE(parse(QStringLiteral("Prénom;Nom\nLéa;\"D;avid\"\n"), QLatin1Char(';')),
             (QList<QStringList>{{QString::fromUtf8("Prénom"), "Nom"}, {QString::fromUtf8("Léa"), "D;avid"}}));
    QCOMPARE(parse(QStringLiteral("a\tb\n1\t2\n"), QLatin1Char('\t')), (QList<QStringList>{{"a", "b"}, {"1", "2"}}));
    QCOMPARE(parse(QStringLiteral("a|b,c\n"), QLatin1Char('|')), (QList<QStringList>{{"a", "b,c"}}));
}

void TestCsvReader::keptColumnsOnly()
{
    CsvReader reader;
    reader.setKeptColumns({false, true});
    reader.feed(QStringLiteral("a,\"b,\"\"x\"\"\",c\n1,2,3\n"));
    reader.finish();
    QCOMPARE(reader.takeRecord().fields, (QStringList{"", "b,\"x\"", ""})); // same shape, only column 2's text
    QCOMPARE(reader.takeRecord().fields, (QStringList{"", "2", ""}));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
