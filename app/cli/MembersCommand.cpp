#include "MembersCommand.h"

#include "AppContext.h"
#include "CliOutput.h"
#include "reports/TableExport.h"
#include "storage/MemberIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

using Core::Member;
using Core::MemberField;

namespace Cli {

namespace {

struct FieldOption
{
    const char *name;
    MemberField field;
};

// The flags of `members add` and `members edit`, each naming a member field.
const FieldOption kFieldOptions[] = {
    {"first-name", MemberField::FirstName},
    {"last-name", MemberField::LastName},
    {"email", MemberField::Email},
    {"member-number", MemberField::MemberNumber},
    {"phone", MemberField::Phone},
    {"mobile", MemberField::Mobile},
    {"address", MemberField::Address},
    {"postal-code", MemberField::PostalCode},
    {"city", MemberField::City},
    {"country", MemberField::Country},
    {"section", MemberField::Section},
    {"category", MemberField::Category},
    {"membership-start", MemberField::MembershipStart},
    {"membership-end", MemberField::MembershipEnd},
    {"language", MemberField::Language},
    {"notes", MemberField::Notes},
};

void addFieldOptions(QCommandLineParser &parser)
{
    for (const FieldOption &o : kFieldOptions)
        parser.addOption(QCommandLineOption(QString::fromLatin1(o.name), QString(), QStringLiteral("value")));
    parser.addOption(QCommandLineOption(QStringLiteral("no-email")));
    parser.addOption(QCommandLineOption(QStringLiteral("household-with"), QString(), QStringLiteral("member")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
}

// Copies the given flags onto the member; a bad date is bad usage.
bool applyFieldOptions(const QCommandLineParser &parser, Member &m)
{
    for (const FieldOption &o : kFieldOptions) {
        const QString name = QString::fromLatin1(o.name);
        if (!parser.isSet(name))
            continue;
        const QString value = parser.value(name);
        if (Core::MemberFields::type(o.field) == Core::FieldType::Date) {
            const QDate date = QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
            if (!value.isEmpty() && !date.isValid()) {
                usage(
                    QCoreApplication::translate("Cli::MembersCommand", "--%1 expects a date as YYYY-MM-DD, not \"%2\".")
                        .arg(name, value));
                return false;
            }
            m.setValue(o.field, date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant());
            continue;
        }
        m.setValue(o.field, value);
        if (o.field == MemberField::Email)
            m.noEmail = false;
    }
    if (parser.isSet(QStringLiteral("no-email"))) {
        if (parser.isSet(QStringLiteral("email"))) {
            usage(
                QCoreApplication::translate("Cli::MembersCommand", "--email and --no-email cannot be used together."));
            return false;
        }
        m.noEmail = true;
        m.email.clear();
    }
    return true;
}

void printMemberText(const Member &m)
{
    const QJsonObject json = m.toJson();
    for (MemberField f : Core::MemberFields::all()) {
        const QJsonValue v = json.value(Core::MemberFields::key(f));
        if (v.isNull() || (v.isObject() && v.toObject().isEmpty()))
            continue;
        const QString text = v.isObject()
                                 ? QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
                                 : v.toVariant().toString();
        printLine(QStringLiteral("%1: %2").arg(Core::MemberFields::label(f), text));
    }
}

int saveAndPrint(AppContext &context, const Member &member, qint64 householdWith, bool json)
{
    Core::MemberValidation validation;
    auto saved = context.members().save(member, householdWith, &validation);
    if (!saved.ok() && saved.error().code == Core::Error::Code::Stale) {
        // What the member is now, for the script to decide (stdout, as `members show --json`).
        if (auto current = context.members().find(member.id); current.ok())
            printJson(current.value().toJson());
        return fail(saved.error());
    }
    if (!saved.ok()) {
        for (const Core::Error &e : std::as_const(validation.errors))
            printError(e.message);
        if (validation.errors.isEmpty())
            return fail(saved.error());
        return JobFailed;
    }
    if (!validation.emailSuggestion.isEmpty())
        printError(
            QCoreApplication::translate("Cli::MembersCommand", "Did you mean %1? The address was saved as typed.")
                .arg(validation.emailSuggestion));
    if (json)
        printJson(saved.value().toJson());
    else
        printLine(QCoreApplication::translate("Cli::MembersCommand", "Member %1 saved: %2")
                      .arg(saved.value().id)
                      .arg(saved.value().displayName()));
    return Success;
}

bool resolveHousehold(AppContext &context, const QCommandLineParser &parser, qint64 *householdWith, int *exitCode)
{
    if (!parser.isSet(QStringLiteral("household-with")))
        return true;
    auto other = context.members().findByReference(parser.value(QStringLiteral("household-with")));
    if (!other.ok()) {
        *exitCode = fail(other.error());
        return false;
    }
    *householdWith = other.value().id;
    return true;
}

} // namespace

MembersCommand::MembersCommand(AppContext &context) : m_context(context)
{}

QString MembersCommand::help()
{
    return QCoreApplication::translate(
        "Cli::MembersCommand",
        "members add --first-name F --last-name L [--email E | --no-email] [field options] [--household-with ID|EMAIL] "
        "[--json]\n"
        "members edit ID|EMAIL [field options] [--if-version N] [--json]\n"
        "members delete ID|EMAIL [--if-version N] [--json]\n"
        "members show ID|EMAIL [--json]\n"
        "members list [--search TEXT] [--json]\n"
        "members export ID|EMAIL [--output FILE] [--format json|xlsx|ods] [--json]   (everything Carnet holds about "
        "the "
        "member)\n"
        "members erase ID|EMAIL [--json]   (personal data removed; the address stays suppressed)\n"
        "field options: --member-number --phone --mobile --address --postal-code --city --country --section\n"
        "  --category --membership-start YYYY-MM-DD --membership-end YYYY-MM-DD --language fr|en --notes");
}

int MembersCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("add"))
        return add(rest);
    if (action == QLatin1String("edit"))
        return edit(rest);
    if (action == QLatin1String("delete"))
        return remove(rest);
    if (action == QLatin1String("show"))
        return show(rest);
    if (action == QLatin1String("list"))
        return list(rest);
    if (action == QLatin1String("export"))
        return exportData(rest);
    if (action == QLatin1String("erase"))
        return erase(rest);
    return usage(QCoreApplication::translate(
                     "Cli::MembersCommand",
                     "Unknown members command \"%1\". Commands: add, edit, delete, show, list, export, erase.")
                     .arg(action));
}

int MembersCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    addFieldOptions(parser);
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return usage(QCoreApplication::translate("Cli::MembersCommand", "Unexpected argument \"%1\".")
                         .arg(parser.positionalArguments().first()));
    Member m;
    if (!applyFieldOptions(parser, m))
        return BadUsage;
    qint64 householdWith = 0;
    int exitCode = Success;
    if (!resolveHousehold(m_context, parser, &householdWith, &exitCode))
        return exitCode;
    return saveAndPrint(m_context, m, householdWith, parser.isSet(QStringLiteral("json")));
}

int MembersCommand::edit(const QStringList &arguments)
{
    QCommandLineParser parser;
    addFieldOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("if-version"), QString(), QStringLiteral("version")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("Cli::MembersCommand",
                                                 "members edit needs one member: an id or an email address."));
    auto found = m_context.members().findByReference(parser.positionalArguments().first());
    if (!found.ok())
        return fail(found.error());
    Member m = found.value();
    if (parser.isSet(QStringLiteral("if-version"))) {
        // The version the script read: a member changed since is refused (exit 3) with its current values.
        bool number = false;
        m.version = parser.value(QStringLiteral("if-version")).toLongLong(&number);
        if (!number || m.version <= 0)
            return usage(QCoreApplication::translate("Cli::MembersCommand",
                                                     "--if-version takes the member's version, a number from its "
                                                     "JSON (\"version\")."));
    }
    if (!applyFieldOptions(parser, m))
        return BadUsage;
    qint64 householdWith = 0;
    int exitCode = Success;
    if (!resolveHousehold(m_context, parser, &householdWith, &exitCode))
        return exitCode;
    return saveAndPrint(m_context, m, householdWith, parser.isSet(QStringLiteral("json")));
}

int MembersCommand::remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("if-version"), QString(), QStringLiteral("version")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("Cli::MembersCommand",
                                                 "members delete needs one member: an id or an email address."));
    auto found = m_context.members().findByReference(parser.positionalArguments().first());
    if (!found.ok())
        return fail(found.error());
    qint64 version = 0;
    if (parser.isSet(QStringLiteral("if-version"))) {
        bool number = false;
        version = parser.value(QStringLiteral("if-version")).toLongLong(&number);
        if (!number || version <= 0)
            return usage(QCoreApplication::translate("Cli::MembersCommand",
                                                     "--if-version takes the member's version, a number from its "
                                                     "JSON (\"version\")."));
    }
    if (auto removed = m_context.privacy().removeMember(found.value().id, version); !removed.ok()) {
        // Changed since the script read it: nothing deleted (exit 3), the member as it is now on stdout.
        if (removed.error().code == Core::Error::Code::Stale) {
            if (auto current = m_context.members().find(found.value().id); current.ok())
                printJson(current.value().toJson());
        }
        return fail(removed.error());
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("deleted"), found.value().id}});
    else
        printLine(QCoreApplication::translate("Cli::MembersCommand", "Member %1 deleted: %2")
                      .arg(found.value().id)
                      .arg(found.value().displayName()));
    return Success;
}

int MembersCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("Cli::MembersCommand",
                                                 "members show needs one member: an id or an email address."));
    auto found = m_context.members().findByReference(parser.positionalArguments().first());
    if (!found.ok())
        return fail(found.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(found.value().toJson());
    else
        printMemberText(found.value());
    return Success;
}

int MembersCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("search"), QString(), QStringLiteral("text")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return usage(QCoreApplication::translate("Cli::MembersCommand", "Unexpected argument \"%1\".")
                         .arg(parser.positionalArguments().first()));
    const bool json = parser.isSet(QStringLiteral("json"));

    // The same order and search as the member table: folded, accent- and case-insensitive.
    auto index = Storage::MemberIndex::build(m_context.database().connection());
    if (!index.ok())
        return fail(index.error());
    Storage::MemberQuery query;
    query.sortField = MemberField::Id;
    query.today = m_context.clock().today();
    auto ids = m_context.members().ids(query);
    if (!ids.ok())
        return fail(ids.error());
    std::vector<qint64> rows = std::move(ids).value();
    if (parser.isSet(QStringLiteral("search"))) {
        const std::vector<bool> mask = index.value()->match(parser.value(QStringLiteral("search")));
        std::erase_if(rows, [&mask](qint64 id) { return size_t(id) >= mask.size() || !mask[size_t(id)]; });
    }
    index.value()->sort(rows, MemberField::LastName, Qt::AscendingOrder);

    // Streamed by chunks: a million members never sit in memory at once.
    if (json)
        std::fputs("[", stdout);
    bool first = true;
    constexpr size_t kChunk = 1000;
    for (size_t start = 0; start < rows.size(); start += kChunk) {
        const std::vector<qint64> chunk(rows.begin() + qsizetype(start),
                                        rows.begin() + qsizetype(std::min(rows.size(), start + kChunk)));
        auto members = m_context.members().fetch(chunk);
        if (!members.ok())
            return fail(members.error());
        for (const Member &m : members.value()) {
            if (json) {
                const QByteArray object = QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact);
                std::fputs(first ? "\n" : ",\n", stdout);
                std::fwrite(object.constData(), 1, size_t(object.size()), stdout);
            } else {
                const QByteArray line = QStringLiteral("%1\t%2, %3\t%4\t%5")
                                            .arg(m.id)
                                            .arg(m.lastName, m.firstName, m.email, m.city)
                                            .toUtf8();
                std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
                std::fputs("\n", stdout);
            }
            first = false;
        }
    }
    if (json)
        std::fputs(first ? "]\n" : "\n]\n", stdout);
    std::fflush(stdout);
    return Success;
}

int MembersCommand::exportData(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("output"), QString(), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), QString(), QStringLiteral("format")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::MembersCommand",
                                                      "members export needs one member: an id or an email address.")))
        return BadUsage;
    // JSON, or a spreadsheet (one sheet a part) by --format or by the file's name.
    std::optional<Reports::SpreadsheetWriter::Format> sheet =
        Reports::spreadsheetFormatOf(parser.value(QStringLiteral("output")));
    if (parser.isSet(QStringLiteral("format"))) {
        Reports::SpreadsheetWriter::Format chosen;
        const QString name = parser.value(QStringLiteral("format"));
        if (Reports::SpreadsheetWriter::formatFromName(name, &chosen))
            sheet = chosen;
        else if (name == QLatin1String("json"))
            sheet.reset();
        else
            return usage(QCoreApplication::translate("Cli::MembersCommand", "--format is json, xlsx or ods."));
    }
    if (sheet && parser.value(QStringLiteral("output")).isEmpty())
        return usage(QCoreApplication::translate("Cli::MembersCommand",
                                                 "A spreadsheet is written to a file: add --output FILE."));
    auto found = m_context.members().findByReference(parser.positionalArguments().first());
    if (!found.ok())
        return fail(found.error());
    const QString output = parser.value(QStringLiteral("output"));
    auto data = m_context.privacy().exportMember(found.value().id, output);
    if (!data.ok())
        return fail(data.error());
    if (output.isEmpty()) {
        printJson(data.value()); // the access export is JSON, with or without --json
        return Success;
    }
    // Written whole or not at all.
    if (sheet) {
        auto written =
            Reports::writeTables(output, sheet, Reports::accessTables(data.value()), found.value().displayName());
        if (!written.ok())
            return fail(written.error());
    } else {
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(data.value()).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
            return fail(Core::Error::make(Core::Error::Code::Storage,
                                          QCoreApplication::translate("Cli::MembersCommand", "Cannot write %1: %2")
                                              .arg(output, file.errorString())));
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonObject{
            {QStringLiteral("member"), found.value().id},
            {QStringLiteral("file"), output},
            {QStringLiteral("format"), sheet ? Reports::SpreadsheetWriter::suffix(*sheet) : QStringLiteral("json")}});
    else
        printLine(QCoreApplication::translate("Cli::MembersCommand", "%1's data written to %2.")
                      .arg(found.value().displayName(), output));
    return Success;
}

int MembersCommand::erase(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    if (!parseArguments(parser, arguments))
        return BadUsage;
    if (!expectPositional(parser, 1,
                          QCoreApplication::translate("Cli::MembersCommand",
                                                      "members erase needs one member: an id or an email address.")))
        return BadUsage;
    auto found = m_context.members().findByReference(parser.positionalArguments().first());
    if (!found.ok())
        return fail(found.error());
    auto erased = m_context.privacy().erase(found.value().id);
    if (!erased.ok())
        return fail(erased.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out = erased.value();
        out.insert(QStringLiteral("erased"), found.value().id);
        printJson(out);
    } else {
        printLine(QCoreApplication::translate("Cli::MembersCommand",
                                              "Member %1 erased. The address stays on the suppression list.")
                      .arg(found.value().id));
    }
    return Success;
}

} // namespace Cli
