// libFuzzer target for what comes back to the mailbox: arbitrary bytes through the MIME reader and the
// delivery-report reader. Beyond "no crash, no sanitizer report": the part tree stays within its
// bounds, every recipient found has an address with an @, and the answer does not depend on whether
// the lines end in CRLF or LF.
#include "mail/inbound/InboundMessage.h"
#include "mail/inbound/ReturnedMail.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Mail::Inbound::InboundPart part = Mail::Inbound::InboundPart::parse(bytes);
    if (part.walk().size() > Mail::Inbound::InboundPart::kMaxParts + 1)
        std::abort();
    const Mail::Inbound::ReturnedMail mail = Mail::Inbound::ReturnedMail::read(bytes, QByteArray(32, 's'));
    for (const auto &r : mail.recipients) {
        if (!r.address.contains(QLatin1Char('@')))
            std::abort();
    }
    if (!bytes.contains('\r')) {
        QByteArray crlf = bytes;
        crlf.replace("\n", "\r\n");
        const Mail::Inbound::ReturnedMail again = Mail::Inbound::ReturnedMail::read(crlf, QByteArray(32, 's'));
        if (again.kind != mail.kind || again.recipients.size() != mail.recipients.size())
            std::abort();
    }
    return 0;
}
