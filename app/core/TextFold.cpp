#include "TextFold.h"

#include <array>

namespace Core::TextFold {

namespace {

constexpr char16_t kSlowPath = 0xFFFF;

// Single-character folds for U+0000..U+02FF (ASCII, Latin-1, Latin Extended A/B, IPA, modifiers),
// computed once from Unicode decompositions; 0 means "drop", kSlowPath means "more than one char".
struct LatinTable
{
    std::array<char16_t, 0x300> map{};

    LatinTable()
    {
        for (char16_t c = 0; c < 0x300; ++c) {
            const QString folded = slowFold(QChar(c));
            map[c] = folded.isEmpty() ? 0 : (folded.size() == 1 ? folded.at(0).unicode() : kSlowPath);
        }
    }

    static QString slowFold(QChar c)
    {
        switch (c.unicode()) {
        case 0x00C6:
        case 0x00E6: return QStringLiteral("ae");
        case 0x0152:
        case 0x0153: return QStringLiteral("oe");
        case 0x00DF: return QStringLiteral("ss");
        case 0x00D8:
        case 0x00F8: return QStringLiteral("o");
        case 0x0141:
        case 0x0142: return QStringLiteral("l");
        case 0x0110:
        case 0x0111: return QStringLiteral("d");
        default: break;
        }
        if (c.isSpace())
            return QStringLiteral(" ");
        QString out;
        const QString decomposed = QString(c).normalized(QString::NormalizationForm_KD);
        for (QChar d : decomposed) {
            if (d.isMark())
                continue;
            out += d.toLower();
        }
        return out;
    }
};

const LatinTable &latinTable()
{
    static const LatinTable table;
    return table;
}

} // namespace

void appendFolded(QStringView text, QString &out)
{
    const LatinTable &table = latinTable();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            out += QChar(c >= 'A' && c <= 'Z' ? char16_t(c + 32) : c);
            continue;
        }
        if (c < 0x300) {
            const char16_t f = table.map[c];
            if (f == 0)
                continue;
            if (f != kSlowPath) {
                out += QChar(f);
                continue;
            }
            out += LatinTable::slowFold(QChar(c));
            continue;
        }
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += text.mid(i, 2).toString().toLower(); // outside the BMP: case only
            ++i;
            continue;
        }
        out += LatinTable::slowFold(QChar(c));
    }
}

QString fold(QStringView text)
{
    QString out;
    out.reserve(text.size());
    appendFolded(text, out);
    return out;
}

namespace {
// Most cells are already clean: no outer, double or exotic spaces.
bool isSimplified(QStringView text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            if (c < 0x20 || (c == ' ' && i + 1 < text.size() && text[i + 1] == QLatin1Char(' ')))
                return false;
        } else if (c == 0x200B || c == 0xFEFF || text[i].isSpace()) {
            return false;
        }
    }
    return true;
}
} // namespace

QString simplified(const QString &text)
{
    return isSimplified(text) ? text : simplified(QStringView(text));
}

QString simplified(QStringView text)
{
    const bool clean = isSimplified(text);
    if (clean)
        return text.toString();
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (QChar c : text) {
        // QChar::isSpace covers the Unicode spaces (NBSP, narrow NBSP, thin space…); also treat
        // zero-width space and BOM as nothing.
        if (c.unicode() == 0x200B || c.unicode() == 0xFEFF)
            continue;
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out += QLatin1Char(' ');
            pendingSpace = false;
        }
        out += c;
    }
    return out;
}

} // namespace Core::TextFold
