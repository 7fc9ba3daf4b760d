#include "Markdown.h"

#include <QStringList>

#include <md4c-html.h>

namespace Mail {

namespace {
void append(const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    static_cast<QByteArray *>(userdata)->append(text, qsizetype(size));
}

// A line break typed in the message is one in the message: volunteers write letters, not Markdown. md4c 0.4
// (Debian 12) has no flag for it, so each line followed by another line of text ends with a hard break
// (two spaces); a break at the end of a paragraph, list item or heading means nothing, and fenced code is
// left alone.
QString withHardBreaks(const QString &markdown)
{
    QStringList lines = markdown.split(QLatin1Char('\n'));
    bool fenced = false;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString trimmed = lines[i].trimmed();
        if (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))) {
            fenced = !fenced;
            continue;
        }
        if (fenced || trimmed.isEmpty() || lines[i + 1].trimmed().isEmpty() || lines[i].endsWith(QLatin1String("  ")))
            continue;
        lines[i] += QLatin1String("  ");
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

QString markdownToHtml(const QString &markdown)
{
    const QByteArray source = withHardBreaks(markdown).toUtf8();
    QByteArray html;
    const unsigned flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    if (md_html(source.constData(), MD_SIZE(source.size()), append, &html, flags, 0) != 0)
        return markdown.toHtmlEscaped(); // md4c failed (out of memory): the text, escaped
    return QString::fromUtf8(html);
}

} // namespace Mail
