#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// carnet-cli run as a script runs it: the real executable, its exit code, its output and its messages.
struct CliRun
{
    int exitCode = -1; // -2: crashed; -1: did not finish within a minute
    QByteArray out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

using Run = CliRun;

// `prefix`: a program to run carnet-cli under (setpriv, to drop privileges).
inline CliRun cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                  const QStringList &prefix = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (prefix.isEmpty())
        p.start(QStringLiteral(CARNET_CLI_PATH), args);
    else
        p.start(prefix.first(), prefix.mid(1) + QStringList{QStringLiteral(CARNET_CLI_PATH)} + args);
    CliRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A file a test hands to carnet-cli (a member file, a message, a form): `name` in `dir`, its path returned.
inline QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    return path;
}
