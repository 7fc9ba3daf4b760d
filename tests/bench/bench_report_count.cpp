// The report wizard's live count at scale: ReportRunner::count — what the Filters step runs on its worker
// after each edit — timed in-process for typical filters on an existing member file, best and median of
// five runs each, next to the sqlite3 shell's count of the same condition where one can be written in SQL.
//   bench_report_count FILE [--coverage | --only TEXT]
//   (--coverage: only the chart, twenty times, for a profiler; --only: the filters whose label holds TEXT)
#include "AppContext.h"
#include "reports/Report.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: bench_report_count FILE\n";
        return 2;
    }
    auto context = AppContext::open(QString::fromLocal8Bit(argv[1]));
    if (!context.ok()) {
        QTextStream(stderr) << context.error().message << '\n';
        return 1;
    }
    AppContext &c = *context.value();
    Reports::ReportRunner runner(c.database(), c.members(), c.consent(), c.clock());
    const char *filters[][2] = {
        {"every member", "{}"},
        {"section is (indexed)", R"({"field":"section","op":"eq","value":"CPL"})"},
        {"category is one of", R"({"field":"category","op":"in","value":["A","B"]})"},
        {"membership active", R"({"field":"membership","op":"eq","value":"active"})"},
        {"membership ending within 30 days", R"({"field":"membership","op":"eq","value":"ending","days":30})"},
        {"city contains (full scan)", R"({"field":"city","op":"contains","value":"ville"})"},
        {"postal code starts with", R"({"field":"postal_code","op":"starts_with","value":"H2X"})"},
        {"has no email", R"({"field":"email","op":"is_empty"})"},
        {"free text (6 fields)", R"({"field":"text","op":"contains","value":"mar"})"},
        {"section and (no email or expired)",
         R"({"all":[{"field":"section","op":"eq","value":"CPL"},{"any":[{"field":"email","op":"is_empty"},{"field":"membership","op":"eq","value":"expired"}]}]})"},
        {"consent newsletter eligible (consent rules)",
         R"({"field":"consent.newsletter","op":"eq","value":"eligible"})"},
        {"consent association eligible (default basis)",
         R"({"field":"consent.association","op":"eq","value":"eligible"})"},
        {"section and consent newsletter eligible",
         R"({"all":[{"field":"section","op":"eq","value":"CPL"},{"field":"consent.newsletter","op":"eq","value":"eligible"}]})"},
        {"consent newsletter not eligible", R"({"field":"consent.newsletter","op":"eq","value":"not_eligible"})"},
        {"consent newsletter withdrawn", R"({"field":"consent.newsletter","op":"eq","value":"withdrawn"})"},
        {"consent association expiring", R"({"field":"consent.association","op":"eq","value":"expiring"})"},
    };
    QTextStream out(stdout);
    out << "members: " << c.members().count().value() << '\n';
    const bool onlyCoverage = argc > 2 && qstrcmp(argv[2], "--coverage") == 0;
    const QString only = argc > 3 && qstrcmp(argv[2], "--only") == 0 ? QString::fromLocal8Bit(argv[3]) : QString();
    for (const auto &[label, json] : filters) {
        if (onlyCoverage)
            break;
        if (!only.isEmpty() && !QLatin1String(label).contains(only))
            continue;
        Reports::ReportDefinition report;
        report.name = QStringLiteral("bench");
        report.columns = {QStringLiteral("email")};
        report.filter = QJsonDocument::fromJson(json).object();
        QList<qint64> times;
        qint64 count = -1;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto n = runner.count(report, {});
            times.append(timer.elapsed());
            if (!n.ok()) {
                out << label << ": " << n.error().message << '\n';
                break;
            }
            count = n.value();
        }
        std::sort(times.begin(), times.end());
        out << QStringLiteral("%1: %2 members, best %3 ms, median %4 ms\n")
                   .arg(QLatin1String(label))
                   .arg(count)
                   .arg(times.value(0))
                   .arg(times.value(times.size() / 2));
        out.flush();
    }
    if (!only.isEmpty())
        return 0;
    // The campaigns window's consent coverage chart: every purpose counted by reason (on its worker).
    QList<qint64> times;
    int purposes = 0;
    for (int run = 0; run < (onlyCoverage ? 20 : 5); ++run) {
        QElapsedTimer timer;
        timer.start();
        auto coverage = c.consent().coverage();
        times.append(timer.elapsed());
        if (!coverage.ok()) {
            out << "coverage: " << coverage.error().message << '\n';
            return 1;
        }
        purposes = int(coverage.value().size());
    }
    std::sort(times.begin(), times.end());
    out << QStringLiteral("consent coverage chart (%1 purposes): best %2 ms, median %3 ms\n")
               .arg(purposes)
               .arg(times.value(0))
               .arg(times.value(times.size() / 2));
    return 0;
}
