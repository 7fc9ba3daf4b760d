#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Import {

struct Encoding
{
    QByteArray name;  // IANA name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1", "ISO-8859-15"…
    bool bom = false; // the file starts with a byte-order mark
    int bomLength = 0;
};

// Guesses the encoding of a member file from its first bytes. In order: a byte-order mark; UTF-16
// without one (zero bytes on every other position); valid UTF-8 (ASCII included); else 8-bit text.
// For 8-bit text, Western files (French and English: what Excel writes on Windows) are windows-1252,
// or ISO-8859-15 when the euro sign sits where that encoding puts it; uchardet's guess is taken only for
// other scripts (Cyrillic, Greek, CJK…), where reading the file as Latin would garble every letter.
namespace EncodingDetector {
Encoding detect(QByteArrayView head, bool headIsWholeFile);
// "cp1252" -> "windows-1252", "latin1" -> "ISO-8859-1", "utf8" -> "UTF-8"…; empty when unknown.
QByteArray canonicalName(const QString &userName);
bool isValidUtf8(QByteArrayView bytes, bool allowTruncatedEnd);
// Binary files (images, archives, office documents): NUL bytes outside UTF-16, or control bytes.
bool looksBinary(QByteArrayView head, const Encoding &encoding);
} // namespace EncodingDetector

} // namespace Import
