#include "SheetReader.h"

#include <QIODevice>

namespace Import {

QString SheetReader::drain()
{
    if (!m_source)
        return QString();
    char buffer[64 * 1024];
    qint64 n = 0;
    while ((n = m_source->read(buffer, sizeof buffer)) > 0) {
    }
    return n < 0 ? m_source->errorString() : QString();
}

} // namespace Import
