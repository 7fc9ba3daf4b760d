// A fast SMTP sink on 127.0.0.1 for the sending benchmark: accepts everything (PIPELINING offered),
// keeps nothing but counts. Prints "PORT n"; on standard input closing prints "MESSAGES n", "RECIPIENTS n"
// (distinct addresses) and "DUPLICATES n" (recipients received more than once, counted each extra time), and exits.
#include <QCoreApplication>
#include <QHash>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>
#include <unistd.h>

namespace {

qint64 g_messages = 0;
QHash<QByteArray, int> g_recipients;

void serve(QTcpSocket *socket)
{
    auto *buffer = new QByteArray;
    auto *inData = new bool(false);
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer, inData] {
        delete buffer;
        delete inData;
        socket->deleteLater();
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, inData] {
        *buffer += socket->readAll();
        QByteArray out;
        while (true) {
            if (*inData) {
                const qsizetype end = buffer->indexOf("\r\n.\r\n");
                if (end < 0) {
                    // Keep only what may hold the start of the terminator.
                    if (buffer->size() > 8)
                        buffer->remove(0, buffer->size() - 4);
                    break;
                }
                buffer->remove(0, end + 5);
                *inData = false;
                ++g_messages;
                out += "250 2.0.0 Ok\r\n";
                continue;
            }
            const qsizetype end = buffer->indexOf("\r\n");
            if (end < 0)
                break;
            const QByteArray verb = buffer->left(4).toUpper();
            if (verb == "RCPT") {
                const QByteArray line = buffer->left(end);
                const qsizetype open = line.indexOf('<');
                const qsizetype close = line.indexOf('>', open);
                if (open >= 0 && close > open)
                    ++g_recipients[line.mid(open + 1, close - open - 1).toLower()];
            }
            buffer->remove(0, end + 2);
            if (verb == "EHLO")
                out += "250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n";
            else if (verb == "DATA") {
                *inData = true;
                // the terminator may follow the DATA line at once: "\r\n.\r\n" needs its leading CRLF
                buffer->prepend("\r\n");
                out += "354 Go ahead\r\n";
            } else if (verb == "QUIT") {
                socket->write(out + "221 Bye\r\n");
                socket->disconnectFromHost();
                return;
            } else {
                out += "250 Ok\r\n";
            }
        }
        if (!out.isEmpty())
            socket->write(out);
    });
    socket->write("220 sink ESMTP\r\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    QObject::connect(&server, &QTcpServer::newConnection, [&server] {
        while (QTcpSocket *s = server.nextPendingConnection())
            serve(s);
    });
    std::printf("PORT %d\n", int(server.serverPort()));
    std::fflush(stdout);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char c;
        if (::read(STDIN_FILENO, &c, 1) <= 0) {
            long long duplicates = 0;
            for (int times : std::as_const(g_recipients))
                duplicates += times - 1;
            std::printf("MESSAGES %lld\nRECIPIENTS %lld\nDUPLICATES %lld\n", static_cast<long long>(g_messages),
                        static_cast<long long>(g_recipients.size()), duplicates);
            std::fflush(stdout);
            app.quit();
        }
    });
    return app.exec();
}
