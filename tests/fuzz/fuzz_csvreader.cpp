// libFuzzer target for the import's reading layer: arbitrary bytes through encoding detection,
// separator sniffing and the CSV reader. Invariants checked, beyond "no crash, no sanitizer report":
// the records do not depend on how the text is cut into chunks, and no character is lost (every
// character of the input is in a field, a separator, a quote or a line break).
#include "import/CsvReader.h"
#include "import/DialectSniffer.h"
#include "import/EncodingDetector.h"

#include <QStringDecoder>

#include <cstdlib>

namespace {
QList<QStringList> parse(QStringView text, QChar delimiter, qsizetype chunk)
{
    Import::CsvReader reader(delimiter);
    for (qsizetype i = 0; i < text.size(); i += chunk)
        reader.feed(text.mid(i, chunk));
    reader.finish();
    QList<QStringList> out;
    while (reader.hasRecord())
        out.append(reader.takeRecord().fields);
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Import::Encoding encoding = Import::EncodingDetector::detect(bytes, true);
    Import::EncodingDetector::looksBinary(bytes, encoding);
    QStringDecoder decoder(encoding.name.constData(), QStringDecoder::Flag::ConvertInvalidToNull);
    if (!decoder.isValid())
        std::abort(); // detection must only name encodings Qt can decode
    const QString text = decoder(bytes.sliced(std::min<qsizetype>(encoding.bomLength, bytes.size())));
    const QChar delimiter = Import::DialectSniffer::guessDelimiter(text);

    const QList<QStringList> whole = parse(text, delimiter, std::max<qsizetype>(1, text.size()));
    const qsizetype chunk = size > 0 ? 1 + data[0] % 7 : 1;
    if (parse(text, delimiter, chunk) != whole)
        std::abort();

    qsizetype kept = 0;
    for (const QStringList &record : whole) {
        for (const QString &field : record)
            kept += field.size();
    }
    qsizetype structural = 0;
    for (QChar c : text) {
        if (c == delimiter || c == QLatin1Char('"') || c == QLatin1Char('\r') || c == QLatin1Char('\n') ||
            c == QChar(QChar::ByteOrderMark))
            ++structural;
    }
    if (kept + structural < text.size())
        std::abort(); // a character vanished
    QList<QStringList> first = whole.mid(0, 20);
    Import::DialectSniffer::guessHeader(first);
    return 0;
}
