// libFuzzer target for the IMAP response parser: arbitrary server bytes. Beyond "no crash, no sanitizer
// report": the responses (and the error) do not depend on how the bytes are cut into packets, and the
// mailbox-name codec round-trips what it decodes.
#include "mail/imap/ImapResponse.h"

#include <cstdlib>

namespace {
struct Outcome
{
    QList<QByteArray> shapes;
    bool error = false;
};

QByteArray shape(const Imap::Value &v)
{
    if (v.type == Imap::Value::Type::List) {
        QByteArray out = "(";
        for (const auto &x : v.list)
            out += shape(x) + ' ';
        return out + ')';
    }
    return QByteArray::number(int(v.type)) + ':' + v.bytes.toHex();
}

Outcome parse(const QByteArray &bytes, qsizetype chunk)
{
    Imap::ResponseParser p;
    for (qsizetype i = 0; i < bytes.size(); i += chunk)
        p.feed(bytes.mid(i, chunk));
    Outcome o;
    while (p.hasResponse()) {
        const Imap::Response r = p.take();
        QByteArray s = QByteArray::number(int(r.kind)) + r.tag + '|' + r.status + '|' + r.code + '|' + r.name + '|' +
                       QByteArray::number(r.number) + '|' + r.text.toUtf8();
        for (const auto &v : r.values)
            s += shape(v);
        for (const auto &v : r.codeArguments)
            s += shape(v);
        o.shapes.append(s);
    }
    o.error = p.hasError();
    return o;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Outcome whole = parse(bytes, qMax<qsizetype>(1, bytes.size()));
    const Outcome pieces = parse(bytes, 3);
    if (whole.shapes != pieces.shapes || whole.error != pieces.error)
        std::abort();
    const QString name = Imap::decodeMailboxName(bytes.left(200));
    if (Imap::decodeMailboxName(Imap::encodeMailboxName(name)) != name)
        std::abort();
    return 0;
}
