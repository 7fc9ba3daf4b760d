#include "Markdown.h"

#include <md4c-html.h>

namespace Mail {

namespace {
void append(const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    static_cast<QByteArray *>(userdata)->append(text, qsizetype(size));
}
} // namespace

QString markdownToHtml(const QString &markdown)
{
    const QByteArray source = markdown.toUtf8();
    QByteArray html;
    const unsigned flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    if (md_html(source.constData(), MD_SIZE(source.size()), append, &html, flags, 0) != 0)
        return markdown.toHtmlEscaped(); // md4c failed (out of memory): the text, escaped
    return QString::fromUtf8(html);
}

} // namespace Mail
