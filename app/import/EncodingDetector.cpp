#include "EncodingDetector.h"

#include <QStringDecoder>

#include <uchardet.h>

namespace Import::EncodingDetector {

bool isValidUtf8(QByteArrayView bytes, bool allowTruncatedEnd)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + length > n)
            return allowTruncatedEnd;
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

namespace {
QByteArray uchardetGuess(QByteArrayView head)
{
    uchardet_t detector = uchardet_new();
    uchardet_handle_data(detector, head.data(), size_t(head.size()));
    uchardet_data_end(detector);
    const QByteArray charset = QByteArray(uchardet_get_charset(detector)).toUpper();
    uchardet_delete(detector);
    return charset;
}

// Scripts where Western decoding would garble the text: trust uchardet there.
bool isNonLatinScript(const QByteArray &charset)
{
    static const char *const scripts[] = {
        "WINDOWS-1251", "KOI8-R",       "KOI8-U",     "ISO-8859-5",   "IBM866",     "MAC-CYRILLIC", "WINDOWS-1253",
        "ISO-8859-7",   "WINDOWS-1255", "ISO-8859-8", "WINDOWS-1256", "ISO-8859-6", "SHIFT_JIS",    "EUC-JP",
        "ISO-2022-JP",  "GB18030",      "BIG5",       "EUC-KR",       "EUC-TW",     "TIS-620",      "WINDOWS-874"};
    for (const char *s : scripts) {
        if (charset == s)
            return true;
    }
    return false;
}
} // namespace

Encoding detect(QByteArrayView head, bool headIsWholeFile)
{
    const auto *b = reinterpret_cast<const unsigned char *>(head.data());
    const qsizetype n = head.size();
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return {"UTF-8", true, 3};
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return {"UTF-16LE", true, 2};
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return {"UTF-16BE", true, 2};

    // UTF-16 without a BOM: Latin text has a zero byte in every other position.
    qsizetype zeroEven = 0;
    qsizetype zeroOdd = 0;
    const qsizetype probe = std::min<qsizetype>(n, 4096);
    for (qsizetype i = 0; i < probe; ++i) {
        if (b[i] == 0)
            ++(i % 2 ? zeroOdd : zeroEven);
    }
    if (probe >= 4) {
        if (zeroOdd > probe / 4 && zeroEven < probe / 50)
            return {"UTF-16LE", false, 0};
        if (zeroEven > probe / 4 && zeroOdd < probe / 50)
            return {"UTF-16BE", false, 0};
    }

    if (isValidUtf8(head, !headIsWholeFile))
        return {"UTF-8", false, 0};

    const QByteArray guess = uchardetGuess(head);
    if (isNonLatinScript(guess) && QStringDecoder(guess.constData()).isValid()) {
        // IANA spelling: windows-1251, KOI8-R, Shift_JIS, Big5…
        QByteArray name = guess.startsWith("WINDOWS-") ? guess.toLower() : guess;
        if (name == "SHIFT_JIS")
            name = "Shift_JIS";
        else if (name == "BIG5")
            name = "Big5";
        return {name, false, 0};
    }
    // Western 8-bit: Excel's windows-1252, unless the file has the euro sign where ISO-8859-15 puts
    // it (0xA4, "¤" in windows-1252, which nobody types) and none of windows-1252's own 0x80-0x9F
    // characters (€ ’ œ … are there).
    bool c1 = false;
    for (char c : head) {
        const auto u = static_cast<unsigned char>(c);
        c1 = c1 || (u >= 0x80 && u <= 0x9F);
    }
    if (!c1 && head.contains('\xA4'))
        return {"ISO-8859-15", false, 0};
    return {"windows-1252", false, 0};
}

QByteArray canonicalName(const QString &userName)
{
    const QString n = userName.trimmed().toLower().remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (n == QLatin1String("utf-8") || n == QLatin1String("utf8") || n == QLatin1String("utf-8-sig"))
        return "UTF-8";
    if (n == QLatin1String("utf-16le") || n == QLatin1String("utf16le") || n == QLatin1String("utf-16") ||
        n == QLatin1String("utf16"))
        return "UTF-16LE";
    if (n == QLatin1String("utf-16be") || n == QLatin1String("utf16be"))
        return "UTF-16BE";
    if (n == QLatin1String("windows-1252") || n == QLatin1String("cp1252") || n == QLatin1String("windows1252") ||
        n == QLatin1String("ansi"))
        return "windows-1252";
    if (n == QLatin1String("iso-8859-1") || n == QLatin1String("iso8859-1") || n == QLatin1String("latin1") ||
        n == QLatin1String("latin-1") || n == QLatin1String("l1"))
        return "ISO-8859-1";
    if (n == QLatin1String("iso-8859-15") || n == QLatin1String("iso8859-15") || n == QLatin1String("latin9") ||
        n == QLatin1String("latin-9"))
        return "ISO-8859-15";
    const QByteArray other = userName.trimmed().toLatin1();
    if (!other.isEmpty() && QStringDecoder(other.constData()).isValid())
        return other;
    return {};
}

bool looksBinary(QByteArrayView head, const Encoding &encoding)
{
    if (encoding.name.startsWith("UTF-16"))
        return false;
    qsizetype controls = 0;
    for (char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            return true;
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f')
            ++controls;
    }
    return controls > head.size() / 100 + 2;
}

} // namespace Import::EncodingDetector
