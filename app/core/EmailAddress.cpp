#include "EmailAddress.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace Core::EmailAddress {

namespace {

// How a character is named in a message: 'x' when it prints, U+000A when it does not.
QString describe(char32_t c)
{
    const bool printable = QChar::isPrint(c) && !QChar::isSpace(c) && QChar::category(c) != QChar::Other_Format;
    if (printable)
        return QStringLiteral("'%1'").arg(QString::fromUcs4(&c, 1));
    return QStringLiteral("U+%1")
        .arg(uint(c), 4, 16, QLatin1Char('0'))
        .toUpper()
        .replace(QLatin1String("0X"), QString());
}

bool isAscii(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool isAtext(char32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return true;
        return QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(char(c));
    }
    return false;
}

// Invisible, control, private-use, unassigned and non-characters are never part of an address.
bool isUnsafe(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph: return true;
    default: break;
    }
    return QChar::isNonCharacter(c);
}

bool isHorizontalSpace(QChar c)
{
    return c == QLatin1Char('\t') || c.category() == QChar::Separator_Space;
}

QString trimHorizontal(const QString &s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isHorizontalSpace(s.at(begin)))
        ++begin;
    while (end > begin && isHorizontalSpace(s.at(end - 1)))
        --end;
    return s.mid(begin, end - begin);
}

EmailCheck fail(const QString &message)
{
    EmailCheck c;
    c.error = message;
    return c;
}

QString invalidCharsMessage(const char *text, const std::vector<char32_t> &bad)
{
    QStringList names;
    for (char32_t c : bad) {
        const QString n = describe(c);
        if (!names.contains(n))
            names.append(n);
    }
    return QCoreApplication::translate("Core::EmailAddress", text).arg(names.join(QStringLiteral(", ")));
}

QString checkLocalPart(const QString &local)
{
    if (local.isEmpty())
        return QCoreApplication::translate("Core::EmailAddress", "There must be something before the @ sign.");
    if (local.startsWith(QLatin1Char('"')))
        return QCoreApplication::translate("Core::EmailAddress",
                                           "Addresses with quotes before the @ sign are refused by most mail servers.");
    std::vector<char32_t> bad;
    const auto ucs4 = isAscii(local) ? QList<uint>() : local.toUcs4();
    if (ucs4.isEmpty()) { // plain ASCII: no need for code points
        for (QChar c : local) {
            if (c != QLatin1Char('.') && !isAtext(c.unicode()))
                bad.push_back(c.unicode());
        }
    }
    for (qsizetype i = 0; i < ucs4.size(); ++i) {
        const char32_t c = ucs4[i];
        if (c == '.' || isAtext(c))
            continue;
        if (c < 0x80 || isUnsafe(c) || (i == 0 && QChar::isMark(c))) {
            bad.push_back(c);
            continue;
        }
        // A character that decomposes into a forbidden ASCII one (≮ is < + a combining mark).
        const QString d = QChar::decompositionTag(c) == QChar::Canonical ? QChar::decomposition(c) : QString();
        if (!d.isEmpty() && d.at(0).unicode() < 0x80 && !isAtext(d.at(0).unicode()) && d.at(0) != QLatin1Char('.'))
            bad.push_back(d.at(0).unicode());
    }
    if (!bad.empty())
        return invalidCharsMessage(
            QT_TRANSLATE_NOOP("Core::EmailAddress",
                              "The part before the @ sign contains characters that are not allowed: %1."),
            bad);
    if (local.startsWith(QLatin1Char('.')))
        return QCoreApplication::translate("Core::EmailAddress", "An email address cannot start with a period.");
    if (local.endsWith(QLatin1Char('.')))
        return QCoreApplication::translate("Core::EmailAddress",
                                           "An email address cannot have a period just before the @ sign.");
    if (local.contains(QLatin1String("..")))
        return QCoreApplication::translate("Core::EmailAddress", "An email address cannot have two periods in a row.");
    const auto bytes = local.toUtf8().size();
    const int over = int(bytes - 64);
    if (over > 0)
        return QCoreApplication::translate(
            "Core::EmailAddress", "The part before the @ sign is too long (%n character(s) too many).", nullptr, over);
    return {};
}

const QStringList &reservedTlds()
{
    static const QStringList tlds = {QStringLiteral("arpa"),      QStringLiteral("invalid"), QStringLiteral("local"),
                                     QStringLiteral("localhost"), QStringLiteral("onion"),   QStringLiteral("test"),
                                     QStringLiteral("internal"),  QStringLiteral("example")};
    return tlds;
}

// Maps the domain as typed to its lower-case Unicode form; returns an error message or a null string.
QString normalizeDomain(const QString &typed, QString *domain)
{
    if (typed.isEmpty())
        return QCoreApplication::translate("Core::EmailAddress",
                                           "There must be a domain after the @ sign, such as example.org.");
    if (typed.startsWith(QLatin1Char('[')))
        return QCoreApplication::translate("Core::EmailAddress",
                                           "An IP address after the @ sign is not accepted; use a domain name.");
    QString out;
    std::vector<char32_t> bad;
    const bool ascii = isAscii(typed);
    for (char32_t c : ascii ? QList<uint>() : typed.toUcs4()) {
        if (c == 0x3002 || c == 0xFF0E || c == 0xFF61) { // ideographic and full-width full stops
            out += QLatin1Char('.');
            continue;
        }
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')
                out += QChar(char16_t(c)).toLower();
            else
                bad.push_back(c);
            continue;
        }
        if (isUnsafe(c)) {
            bad.push_back(c);
            continue;
        }
        // Compatibility forms (full-width letters and hyphens) map to their plain form; a character
        // that maps to something with a period or a symbol (⒈ -> "1.") is refused.
        const QString mapped = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KC).toLower();
        bool ok = !mapped.isEmpty();
        for (QChar m : mapped) {
            if (m.unicode() < 0x80 ? !(m.isLetterOrNumber() || m == QLatin1Char('-'))
                                   : !(m.isLetter() || m.isMark() || m.isDigit()))
                ok = false;
        }
        if (!ok)
            bad.push_back(c);
        else
            out += mapped;
    }
    if (ascii) {
        out.reserve(typed.size());
        for (QChar c : typed) {
            const char16_t u = c.unicode();
            if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '.')
                out += c;
            else if (u >= 'A' && u <= 'Z')
                out += QChar(char16_t(u + 32));
            else
                bad.push_back(u);
        }
    }
    if (!bad.empty())
        return invalidCharsMessage(
            QT_TRANSLATE_NOOP("Core::EmailAddress",
                              "The part after the @ sign contains characters that are not allowed: %1."),
            bad);
    if (!ascii)
        out = out.normalized(QString::NormalizationForm_C);
    if (out.startsWith(QLatin1Char('.')))
        return QCoreApplication::translate("Core::EmailAddress",
                                           "An email address cannot have a period just after the @ sign.");
    if (out.endsWith(QLatin1Char('.')))
        return QCoreApplication::translate("Core::EmailAddress", "An email address cannot end with a period.");
    if (out.contains(QLatin1String("..")))
        return QCoreApplication::translate("Core::EmailAddress", "An email address cannot have two periods in a row.");
    if (out.startsWith(QLatin1Char('-')))
        return QCoreApplication::translate("Core::EmailAddress",
                                           "An email address cannot have a hyphen just after the @ sign.");
    if (out.endsWith(QLatin1Char('-')))
        return QCoreApplication::translate("Core::EmailAddress", "An email address cannot end with a hyphen.");
    if (out.contains(QLatin1String(".-")) || out.contains(QLatin1String("-.")))
        return QCoreApplication::translate("Core::EmailAddress",
                                           "An email address cannot have a period and a hyphen next to each other.");
    if (!out.contains(QLatin1Char('.')))
        return QCoreApplication::translate(
            "Core::EmailAddress",
            "The part after the @ sign is not a complete domain: it should have a period, as in example.org.");
    *domain = out;
    return {};
}

QString checkDomain(const QString &domain, QString *ascii)
{
    const QStringList labels = domain.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.at(0).isMark())
            return QCoreApplication::translate("Core::EmailAddress",
                                               "The part after the @ sign is not a valid international domain name.");
        const bool isAscii = std::all_of(label.begin(), label.end(), [](QChar c) { return c.unicode() < 0x80; });
        const int labelOver = int(label.size()) - 63;
        if (isAscii && labelOver > 0)
            return QCoreApplication::translate(
                "Core::EmailAddress", "A part of the domain between periods is too long (%n character(s) too many).",
                nullptr, labelOver);
        if (label.size() >= 4 && label.at(2) == QLatin1Char('-') && label.at(3) == QLatin1Char('-') &&
            !label.startsWith(QLatin1String("xn--")))
            return QCoreApplication::translate(
                "Core::EmailAddress",
                "A domain name cannot have two characters followed by two hyphens, except in punycode (xn--).");
        if (label.startsWith(QLatin1String("xn--"))) {
            const QString decoded = QUrl::fromAce(label.toLatin1(), QUrl::IgnoreIDNWhitelist);
            if (decoded.isEmpty() || decoded == label)
                return QCoreApplication::translate(
                    "Core::EmailAddress", "The part after the @ sign is not a valid international domain name.");
        }
    }
    const QByteArray ace = isAscii(domain) ? domain.toLatin1() : QUrl::toAce(domain, QUrl::IgnoreIDNWhitelist);
    if (ace.isEmpty())
        return QCoreApplication::translate("Core::EmailAddress",
                                           "The part after the @ sign is not a valid international domain name.");
    *ascii = QString::fromLatin1(ace);
    const QStringList asciiLabels = ascii->split(QLatin1Char('.'));
    for (const QString &label : asciiLabels) {
        const int labelOver = int(label.size()) - 63;
        if (labelOver > 0)
            return QCoreApplication::translate(
                "Core::EmailAddress", "A part of the domain between periods is too long (%n character(s) too many).",
                nullptr, labelOver);
    }
    const int domainOver = int(ascii->size()) - 253;
    if (domainOver > 0)
        return QCoreApplication::translate("Core::EmailAddress",
                                           "The part after the @ sign is too long (%n character(s) too many).", nullptr,
                                           domainOver);
    const QString tld = asciiLabels.last();
    const bool tldOk = tld.startsWith(QLatin1String("xn--")) ||
                       std::all_of(tld.begin(), tld.end(), [](QChar c) { return c.isLetter(); });
    if (!tldOk || tld.size() < 2)
        return QCoreApplication::translate(
            "Core::EmailAddress", "The domain does not end with a valid top-level domain (such as .org, .fr, .ca).");
    if (reservedTlds().contains(tld))
        return QCoreApplication::translate("Core::EmailAddress", "The domain %1 is reserved and cannot receive mail.")
            .arg(QLatin1Char('.') + tld);
    return {};
}

int damerauLevenshtein(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
    for (qsizetype i = 0; i <= n; ++i)
        d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int v = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                              d[size_t(i - 1)][size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                v = std::min(v, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = v;
        }
    }
    return d[size_t(n)][size_t(m)];
}

} // namespace

QString suggestDomain(const QString &asciiDomain)
{
    // Mailbox providers our users have (France, Québec, and the big international ones).
    static const QStringList common = {
        QStringLiteral("gmail.com"),      QStringLiteral("hotmail.com"),  QStringLiteral("hotmail.fr"),
        QStringLiteral("outlook.com"),    QStringLiteral("outlook.fr"),   QStringLiteral("live.com"),
        QStringLiteral("live.fr"),        QStringLiteral("live.ca"),      QStringLiteral("msn.com"),
        QStringLiteral("yahoo.com"),      QStringLiteral("yahoo.fr"),     QStringLiteral("yahoo.ca"),
        QStringLiteral("icloud.com"),     QStringLiteral("orange.fr"),    QStringLiteral("wanadoo.fr"),
        QStringLiteral("free.fr"),        QStringLiteral("sfr.fr"),       QStringLiteral("neuf.fr"),
        QStringLiteral("laposte.net"),    QStringLiteral("bbox.fr"),      QStringLiteral("gmx.fr"),
        QStringLiteral("protonmail.com"), QStringLiteral("videotron.ca"), QStringLiteral("sympatico.ca"),
        QStringLiteral("bell.net"),       QStringLiteral("telus.net"),    QStringLiteral("cgocable.ca"),
    };
    if (common.contains(asciiDomain) || asciiDomain.size() < 5)
        return {};
    // Members share a handful of domains: remember the answers (bounded, per thread).
    thread_local QHash<QString, QString> cache;
    if (const auto it = cache.constFind(asciiDomain); it != cache.constEnd())
        return it.value();
    if (cache.size() > 4096)
        cache.clear();
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : common) {
        if (std::abs(candidate.size() - asciiDomain.size()) > 2)
            continue;
        const int distance = damerauLevenshtein(asciiDomain, candidate);
        // One edit for short names, two for longer ones; never a tie between two providers.
        const int allowed = candidate.size() >= 9 ? 2 : 1;
        if (distance <= allowed && distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        } else if (distance == bestDistance) {
            best.clear();
        }
    }
    cache.insert(asciiDomain, best);
    return best;
}

EmailCheck check(const QString &input, bool suggest)
{
    const QString trimmed = trimHorizontal(input);
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate("Core::EmailAddress", "The email address is empty."));
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n'))
            return fail(
                QCoreApplication::translate("Core::EmailAddress", "An email address cannot contain a line break."));
        // A lone surrogate or a replacement character means the text was decoded wrongly.
        const bool paired = (c.isHighSurrogate() && i + 1 < trimmed.size() && trimmed.at(i + 1).isLowSurrogate()) ||
                            (c.isLowSurrogate() && i > 0 && trimmed.at(i - 1).isHighSurrogate());
        if ((c.isSurrogate() && !paired) || c.unicode() == 0xFFFD)
            return fail(QCoreApplication::translate("Core::EmailAddress",
                                                    "The address contains a character that could not be read (%1): "
                                                    "check the file's encoding.")
                            .arg(QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper()));
    }
    if (trimmed.contains(QLatin1Char('<')) || trimmed.contains(QLatin1Char('>')))
        return fail(QCoreApplication::translate("Core::EmailAddress",
                                                "Enter only the address, without a name or angle brackets."));
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    if (at < 0) {
        if (trimmed.contains(QChar(0xFF20)) || trimmed.contains(QChar(0xFE6B)))
            return fail(QCoreApplication::translate(
                "Core::EmailAddress", "The address has a full-width or small @ sign instead of a regular @."));
        return fail(QCoreApplication::translate("Core::EmailAddress", "An email address must have an @ sign."));
    }
    QString local = trimmed.left(at);
    if (!isAscii(local))
        local = local.normalized(QString::NormalizationForm_C);
    if (local.contains(QLatin1Char('@')) && !local.startsWith(QLatin1Char('"')))
        return fail(QCoreApplication::translate("Core::EmailAddress", "An email address can have only one @ sign."));
    if (const QString e = checkLocalPart(local); !e.isNull())
        return fail(e);

    QString domain;
    if (const QString e = normalizeDomain(trimmed.mid(at + 1), &domain); !e.isNull())
        return fail(e);
    QString ascii;
    if (const QString e = checkDomain(domain, &ascii); !e.isNull())
        return fail(e);
    const int totalOver = int(local.toUtf8().size() + 1 + ascii.size()) - 254;
    if (totalOver > 0)
        return fail(QCoreApplication::translate(
            "Core::EmailAddress", "The email address is too long (%n character(s) too many).", nullptr, totalOver));

    EmailCheck result;
    result.valid = true;
    result.normalized = local + QLatin1Char('@') + domain;
    result.asciiDomain = ascii;
    result.needsSmtpUtf8 = std::any_of(local.begin(), local.end(), [](QChar c) { return c.unicode() >= 0x80; });
    const QString suggested = suggest ? suggestDomain(ascii) : QString();
    if (!suggested.isEmpty())
        result.suggestion = local + QLatin1Char('@') + suggested;
    return result;
}

QString key(const QString &normalizedAddress)
{
    return normalizedAddress.toLower();
}

} // namespace Core::EmailAddress
