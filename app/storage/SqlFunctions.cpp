#include "SqlFunctions.h"

#include "core/TextFold.h"

#include <QSqlDriver>
#include <QStringList>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

namespace Storage {

namespace {

// TextFold's folding of each code point below U+0300 (the Latin letters with their accents, the
// ligatures), as UTF-8: a member's text is folded from its bytes without a QString.
struct LatinFold
{
    unsigned char size = 0;
    char bytes[7] = {};
};

struct LatinFolds
{
    std::array<LatinFold, 0x300> of;
    size_t widest = 1; // the most bytes one letter folds to
};

const LatinFolds &latinFolds()
{
    static const LatinFolds table = [] {
        LatinFolds t;
        for (char16_t c = 0; c < 0x300; ++c) {
            const QByteArray f = Core::TextFold::fold(QString(QChar(c))).toUtf8().left(int(sizeof(LatinFold::bytes)));
            t.of[c].size = static_cast<unsigned char>(f.size());
            std::memcpy(t.of[c].bytes, f.constData(), size_t(f.size()));
            t.widest = std::max(t.widest, size_t(f.size()));
        }
        return t;
    }();
    return table;
}

// Appends the folding of one UTF-8 value at `o` (room for size × widest bytes): false when it holds
// a letter past U+02FF, which only TextFold folds.
bool foldLatin(const LatinFolds &latin, const unsigned char *text, int size, char *&o)
{
    for (int k = 0; k < size; ++k) {
        const unsigned char c = text[k];
        if (c < 0x80) {
            *o++ = c >= 'A' && c <= 'Z' ? char(c + 32) : char(c);
        } else if (c >= 0xC2 && c <= 0xCB && k + 1 < size && (text[k + 1] & 0xC0) == 0x80) {
            const LatinFold &f = latin.of[size_t(((c & 0x1F) << 6) | (text[k + 1] & 0x3F))]; // U+0080–U+02FF
            for (unsigned char b = 0; b < f.size; ++b)
                *o++ = f.bytes[b];
            ++k;
        } else {
            return false;
        }
    }
    return true;
}

// The values (not NULL, not empty) joined by a space and folded, into `out`.
void foldInto(std::string &out, int argc, sqlite3_value **argv)
{
    const LatinFolds &latin = latinFolds();
    size_t room = 0;
    for (int i = 0; i < argc; ++i)
        room += size_t(sqlite3_value_bytes(argv[i])) * latin.widest + 1;
    if (out.size() < room)
        out.resize(room);
    char *o = out.data();
    char *const start = o;
    for (int i = 0; i < argc; ++i) {
        const auto *text = reinterpret_cast<const unsigned char *>(sqlite3_value_text(argv[i]));
        const int size = text ? sqlite3_value_bytes(argv[i]) : 0;
        if (size == 0)
            continue;
        if (o != start)
            *o++ = ' ';
        if (!foldLatin(latin, text, size, o)) { // past the Latin letters: the whole text goes through TextFold
            QStringList parts;
            for (int j = 0; j < argc; ++j) {
                const auto *t = reinterpret_cast<const char *>(sqlite3_value_text(argv[j]));
                const int n = t ? sqlite3_value_bytes(argv[j]) : 0;
                if (n > 0)
                    parts.append(QString::fromUtf8(t, n));
            }
            out = Core::TextFold::fold(parts.join(QLatin1Char(' '))).toStdString();
            return;
        }
    }
    out.resize(size_t(o - start));
}

constexpr quint64 kOnes = 0x0101010101010101ULL;
constexpr quint64 kHigh = 0x8080808080808080ULL;

// Eight ASCII bytes with A–Z made a–z.
inline quint64 lowerAscii8(quint64 w)
{
    const quint64 aboveA = (w + kOnes * (0x80 - 'A')) & kHigh;     // byte ≥ 'A'
    const quint64 aboveZ = (w + kOnes * (0x80 - 'Z' - 1)) & kHigh; // byte > 'Z'
    return w | ((aboveA & ~aboveZ) >> 2);                          // + 0x20 where 'A' ≤ byte ≤ 'Z'
}

enum class Found { No, Yes, NotAscii };

// Whether text holds the folded needle when the text is ASCII (A–Z read as a–z, what folding does to
// ASCII); NotAscii as soon as a byte is not. Eight bytes at a time: the candidates for the needle's first
// byte are found in a word, then compared.
Found containsAscii(const unsigned char *t, int n, std::string_view needle)
{
    const size_t m = needle.size();
    const auto *want = reinterpret_cast<const unsigned char *>(needle.data());
    const quint64 firsts = kOnes * want[0];
    const auto matchesAt = [&](size_t i) {
        if (i + m > size_t(n))
            return false;
        for (size_t j = 0; j < m; ++j) { // from the first byte: a word's zero test may flag a byte past a match
            const unsigned char c = t[i + j];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != want[j])
                return false;
        }
        return true;
    };
    size_t k = 0;
    for (; k + 8 <= size_t(n); k += 8) {
        quint64 w;
        std::memcpy(&w, t + k, 8);
        if (w & kHigh)
            return Found::NotAscii;
        const quint64 x = lowerAscii8(w) ^ firsts; // a zero byte where the first byte matches
        quint64 zeros = (x - kOnes) & ~x & kHigh;
        while (zeros) {
            const size_t at = k + size_t(__builtin_ctzll(zeros) / 8);
            if (matchesAt(at))
                return Found::Yes;
            zeros &= zeros - 1;
        }
    }
    for (; k < size_t(n); ++k) {
        const unsigned char c = t[k];
        if (c & 0x80)
            return Found::NotAscii;
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) == want[0] && matchesAt(k))
            return Found::Yes;
    }
    return Found::No;
}

// carnet_contains(needle, a, b, …): whether the values, folded and joined by a space, hold the (already
// folded) needle. A needle without a space lies inside one value: each is searched where it is, an ASCII
// one without copying it, the others folded one at a time.
void contains(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc < 1)
        return sqlite3_result_null(context);
    const auto *needleText = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const std::string_view needle(needleText ? needleText : "", size_t(needleText ? sqlite3_value_bytes(argv[0]) : 0));
    thread_local std::string out;
    const LatinFolds &latin = latinFolds();
    if (needle.empty() || needle.find(' ') != std::string_view::npos) {
        foldInto(out, argc - 1, argv + 1);
        return sqlite3_result_int(context, std::string_view(out).find(needle) != std::string_view::npos);
    }
    for (int i = 1; i < argc; ++i) {
        const auto *text = reinterpret_cast<const unsigned char *>(sqlite3_value_text(argv[i]));
        const int size = text ? sqlite3_value_bytes(argv[i]) : 0;
        const Found found = containsAscii(text, size, needle);
        if (found == Found::Yes)
            return sqlite3_result_int(context, 1);
        if (found == Found::No)
            continue;
        const size_t room = size_t(size) * latin.widest;
        if (out.size() < room)
            out.resize(room);
        char *o = out.data();
        if (!foldLatin(latin, text, size, o)) {
            foldInto(out, argc - 1, argv + 1);
            return sqlite3_result_int(context, std::string_view(out).find(needle) != std::string_view::npos);
        }
        if (std::string_view(out.data(), size_t(o - out.data())).find(needle) != std::string_view::npos)
            return sqlite3_result_int(context, 1);
    }
    sqlite3_result_int(context, 0);
}

} // namespace

void addSqliteFunctions(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(connection, "carnet_contains", -1, flags, nullptr, contains, nullptr, nullptr, nullptr);
}

} // namespace Storage
