#include "CliOutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

namespace Cli {

namespace {
void write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void printJson(const QJsonObject &object)
{
    write(stdout, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void printJson(const QJsonArray &array)
{
    write(stdout, QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void printLine(const QString &text)
{
    write(stdout, text.toUtf8() + '\n');
}

void printError(const QString &message)
{
    write(stderr, QByteArrayLiteral("carnet-cli: ") + message.toUtf8() + '\n');
}

int fail(const Core::Error &error)
{
    printError(error.message);
    switch (error.code) {
    case Core::Error::Code::NotCarnet:
    case Core::Error::Code::Corrupt:
    case Core::Error::Code::ReadOnly:
    case Core::Error::Code::TooNew: return BadUsage; // an unusable input
    case Core::Error::Code::Stale: return Stale;
    case Core::Error::Code::Forbidden: return Forbidden;
    default: return JobFailed;
    }
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("carnet-cli")} + arguments)) {
        usage(parser.errorText());
        return false;
    }
    return true;
}

bool dateOption(const QCommandLineParser &parser, const QString &name, QDate *date)
{
    if (!parser.isSet(name))
        return true;
    const QString value = parser.value(name);
    *date = QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
    if (date->isValid())
        return true;
    usage(QCoreApplication::translate("Cli", "--%1 expects a date as YYYY-MM-DD, not \"%2\".").arg(name, value));
    return false;
}

bool expectPositional(const QCommandLineParser &parser, int expected, const QString &what)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == expected)
        return true;
    if (positional.size() > expected)
        usage(QCoreApplication::translate("Cli", "Unexpected argument \"%1\".").arg(positional.value(expected)));
    else
        usage(what);
    return false;
}

void runUntilDone(const std::function<void(const std::function<void()> &done)> &start)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [start] { start([] { QCoreApplication::exit(0); }); });
    QCoreApplication::exec();
}

int usage(const QString &message)
{
    printError(message);
    printError(QCoreApplication::translate("Cli", "Run \"carnet-cli --help\" for usage."));
    return BadUsage;
}

bool readTextFile(const QString &path, QString *text)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        printError(QCoreApplication::translate("Cli", "Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    *text = QString::fromUtf8(f.readAll());
    return true;
}

} // namespace Cli
