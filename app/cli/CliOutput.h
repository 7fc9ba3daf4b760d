#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

class QCommandLineParser;

namespace Cli {

// Exit codes of the CLI contract.
enum ExitCode { Success = 0, JobFailed = 1, BadUsage = 2, Stale = 3, Forbidden = 4 };

void printJson(const QJsonObject &object);
void printJson(const QJsonArray &array);
void printLine(const QString &text);     // stdout, UTF-8
void printError(const QString &message); // stderr, UTF-8, "carnet-cli: …"
// Prints the error (and, for a field error, which field) and returns the exit code it deserves.
int fail(const Core::Error &error);
int usage(const QString &message);
// Parses a subcommand's arguments (without the program name); on bad usage prints why and returns false.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments);
// Reads --NAME as YYYY-MM-DD into `date` (left null when the option is absent); on a bad date prints
// why and returns false.
bool dateOption(const QCommandLineParser &parser, const QString &name, QDate *date);
// Runs the application's own event loop until `start` calls the `done` it is given. carnet-cli runs one
// job at a time from main(), so this is its main loop, entered and left once per asynchronous step —
// never a loop nested inside another.
void runUntilDone(const std::function<void(const std::function<void()> &done)> &start);
// Refuses positional arguments beyond `expected`; prints why.
bool expectPositional(const QCommandLineParser &parser, int expected, const QString &what);
// A UTF-8 text file's contents; false after saying which file and why on stderr.
bool readTextFile(const QString &path, QString *text);

} // namespace Cli
