#include "SqlFunctions.h"

#include "core/TextFold.h"

#include <QSqlDriver>
#include <QStringList>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace Storage {

namespace {

// TextFold's folding of each code point below U+0300 (the Latin letters with their accents, the
// ligatures), as UTF-8: a member's text is folded from its bytes without a QString.
const std::array<std::string, 0x300> &latinFolds()
{
    static const std::array<std::string, 0x300> table = [] {
        std::array<std::string, 0x300> t;
        for (char16_t c = 0; c < 0x300; ++c)
            t[c] = Core::TextFold::fold(QString(QChar(c))).toStdString();
        return t;
    }();
    return table;
}

// The values (not NULL, not empty) joined by a space and folded, into `out`.
void foldInto(std::string &out, int argc, sqlite3_value **argv)
{
    const std::array<std::string, 0x300> &latin = latinFolds();
    static const size_t widest = [&latin] { // the most bytes one letter folds to
        size_t w = 1;
        for (const std::string &f : latin)
            w = std::max(w, f.size());
        return w;
    }();
    size_t room = 0;
    for (int i = 0; i < argc; ++i)
        room += size_t(sqlite3_value_bytes(argv[i])) * widest + 1;
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
        for (int k = 0; k < size; ++k) {
            const unsigned char c = text[k];
            if (c < 0x80) {
                *o++ = c >= 'A' && c <= 'Z' ? char(c + 32) : char(c);
            } else if (c >= 0xC2 && c <= 0xCB && k + 1 < size && (text[k + 1] & 0xC0) == 0x80) {
                const std::string &f = latin[size_t(((c & 0x1F) << 6) | (text[k + 1] & 0x3F))]; // U+0080–U+02FF
                o = std::copy(f.begin(), f.end(), o);
                ++k;
            } else { // past the Latin letters: the whole text goes through TextFold
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
    }
    out.resize(size_t(o - start));
}

// carnet_contains(needle, a, b, …): whether the values, folded and joined, hold the (already folded) needle.
void contains(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc < 1)
        return sqlite3_result_null(context);
    thread_local std::string out;
    foldInto(out, argc - 1, argv + 1);
    const auto *needle = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int size = needle ? sqlite3_value_bytes(argv[0]) : 0;
    sqlite3_result_int(context, std::string_view(out).find(std::string_view(needle ? needle : "", size_t(size))) !=
                                    std::string_view::npos);
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
