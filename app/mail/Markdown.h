#pragma once

#include <QString>

namespace Mail {

// Markdown (CommonMark with GitHub tables and strikethrough) to clean HTML through Debian's md4c.
// Raw HTML in the source is not passed through: what a volunteer types cannot inject markup.
QString markdownToHtml(const QString &markdown);

} // namespace Mail
