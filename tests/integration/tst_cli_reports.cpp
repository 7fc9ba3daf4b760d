// carnet-cli as scripts use it: saved reports and their exports, campaigns.
#include "CliRun.h"
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestCliReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reportsContract();
    void reportRunWritesSpreadsheets();
    void campaignCreateAndPreview();

private:
    QStringList db(const QStringList &args) const { return QStringList{QStringLiteral("--database"), m_path} + args; }
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCliReports::init()
{
    m_path = m_dir.filePath(QStringLiteral("cli-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
    m_path = TestServer::databaseOr(m_path);
    QVERIFY(!m_path.isEmpty());
}

void TestCliReports::cleanup()
{
    TestServer::release(m_path);
}

void TestCliReports::reportsContract()
{
    for (const QStringList &add :
         QList<QStringList>{{"--first-name", "Ana", "--last-name", "Lima", "--email", "ana@example.org", "--section",
                             "CPL", "--membership-start", "2024-03-05"},
                            {"--first-name", "=HYPERLINK(\"http://evil.example\")", "--last-name", "Roy", "--email",
                             "bo@example.org", "--section", "CPL"},
                            {"--first-name", "Cy", "--last-name", "Nil, \"the\" third", "--email", "cy@example.org",
                             "--section", "MPL"}})
        QCOMPARE(cli(db(QStringList{"members", "add"} + add)).exitCode, 0);
    const QString def = m_dir.filePath(QStringLiteral("report.json"));
    QFile f(def);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name":"By section","group":"AG","subgroup":"","notes":"",
               "columns":["email","first_name","last_name","membership_start"],
               "filter":{"field":"section","op":"eq","value":{"param":"section","label":"Which section?"}},
               "sort":[{"field":"last_name","order":"asc"}],"group_by":null})");
    f.close();
    QCOMPARE(cli(db({"report", "save", "--definition", def})).exitCode, 0);
    QCOMPARE(cli(db({"report", "list", "--json"}))
                 .json()
                 .array()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("By section"));
    QCOMPARE(cli(db({"report", "show", "By section", "--json"}))
                 .json()
                 .object()
                 .value(QStringLiteral("columns"))
                 .toArray()
                 .size(),
             4);
    // A parameter the report asks for.
    const Run missing = cli(db({"report", "run", "By section"}));
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QStringLiteral("--param section=")));
    // Byte-exact presets; formula cells neutralised, separators and quotes quoted.
    const Run mailchimp = cli(db({"report", "run", "By section", "--param", "section=CPL", "--preset", "mailchimp"}));
    QCOMPARE(mailchimp.exitCode, 0);
    QCOMPARE(mailchimp.out, QByteArray("Email Address,First Name,Last Name\r\n"
                                       "ana@example.org,Ana,Lima\r\n"
                                       "bo@example.org,\"'=HYPERLINK(\"\"http://evil.example\"\")\",Roy\r\n"));
    const Run excelEn = cli(db({"report", "run", "By section", "--param", "section=MPL", "--preset", "excel-en"}));
    QCOMPARE(excelEn.out, QByteArray("\xEF\xBB\xBF"
                                     "Email,First name,Last name,Member since\r\n"
                                     "cy@example.org,Cy,\"Nil, \"\"the\"\" third\",\r\n"));
    const Run excelFr = cli(db({"report", "run", "By section", "--param", "section=CPL", "--preset", "excel-fr"}));
    QVERIFY(excelFr.out.startsWith("\xEF\xBB\xBF"));
    QVERIFY(excelFr.out.contains("ana@example.org;Ana;Lima;05/03/2024\r\n"));
    const Run json = cli(db({"report", "run", "By section", "--param", "section=CPL", "--json"}));
    QCOMPARE(json.json().array().first().toObject().value(QStringLiteral("membership_start")).toString(),
             QStringLiteral("2024-03-05"));
    // For mailing: withdrawn and suppressed members are never in the file.
    QCOMPARE(cli(db({"consent", "record", "ana@example.org", "--purpose", "newsletter", "--basis", "express",
                     "--source", "form"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"consent", "record", "bo@example.org", "--purpose", "newsletter", "--basis", "express", "--source",
                     "form"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"consent", "withdraw", "bo@example.org", "--all", "--source", "letter"})).exitCode, 0);
    const Run mailing =
        cli(db({"report", "run", "By section", "--param", "section=CPL", "--for-mailing", "newsletter", "--json"}));
    QCOMPARE(mailing.json().object().value(QStringLiteral("rows")).toArray().size(), 1);
    QCOMPARE(mailing.json()
                 .object()
                 .value(QStringLiteral("excluded"))
                 .toObject()
                 .value(QStringLiteral("suppressed"))
                 .toInt(),
             1);
    // Written whole or not at all: an unwritable target leaves the previous file as it was.
    const QString out = m_dir.filePath(QStringLiteral("export.csv"));
    QCOMPARE(cli(db({"report", "run", "By section", "--param", "section=CPL", "--output", out})).exitCode, 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray before = written.readAll();
    written.close();
    QVERIFY(before.startsWith("email,first_name"));
    const Run bad =
        cli(db({"report", "run", "By section", "--param", "section=MPL", "--output", "/nonexistent/dir/x.csv"}));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QStringLiteral("/nonexistent/dir/x.csv")));
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    const Run readOnly = cli(db({"report", "run", "By section", "--param", "section=MPL", "--output", out}));
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    if (::geteuid() != 0) { // root writes anywhere
        QCOMPARE(readOnly.exitCode, 1);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), before);
    }
    // Every export is in the audit log.
    const QJsonArray audit = cli(db({"audit", "list", "--json"})).json().array();
    int exports = 0;
    for (const QJsonValue &v : audit)
        exports += v.toObject().value(QStringLiteral("action")).toString() == QLatin1String("export");
    QVERIFY(exports >= 6);
    QCOMPARE(cli(db({"report", "delete", "By section"})).exitCode, 0);
    QCOMPARE(cli(db({"report", "delete", "By section"})).exitCode, 1);
    // A definition that is not one is refused.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"name":"Bad","columns":["password"]})");
    f.close();
    QCOMPARE(cli(db({"report", "save", "--definition", def})).exitCode, 1);
}

// report run --format xlsx|ods (or the output's name): what openpyxl and odfpy read in the file, types included.
void TestCliReports::reportRunWritesSpreadsheets()
{
    QCOMPARE(cli(db({"members", "add", "--first-name", "=1+1", "--last-name", "Zéro", "--email", "zero@example.org",
                     "--postal-code", "01310", "--phone", "+33 6 12 34 56 78", "--membership-start", "2024-03-05"}))
                 .exitCode,
             0);
    QCOMPARE(
        cli(db({"members", "add", "--first-name", "Bo", "--last-name", "Roy", "--email", "bo@example.org"})).exitCode,
        0);
    const QString def = m_dir.filePath(QStringLiteral("sheet.json"));
    QFile f(def);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name":"Annuaire","columns":["id","first_name","last_name","postal_code","phone","membership_start",
               "membership"],"sort":[{"field":"last_name","order":"desc"}]})");
    f.close();
    QCOMPARE(cli(db({"report", "save", "--definition", def})).exitCode, 0);
    for (const QString &suffix : {QStringLiteral("xlsx"), QStringLiteral("ods")}) {
        const QString out = m_dir.filePath(QStringLiteral("annuaire.") + suffix);
        // --format xlsx for the one, the output's name for the other.
        const QStringList args =
            suffix == QLatin1String("xlsx")
                ? QStringList{"report",   "run", "Annuaire", "--format", "xlsx",
                              "--output", out,   "--preset", "excel-fr", "--json"}
                : QStringList{"report", "run", "Annuaire", "--output", out, "--preset", "excel-fr", "--json"};
        const Run run = cli(db(args));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("format")).toString(), suffix);
        QCOMPARE(run.json().object().value(QStringLiteral("rows")).toInt(), 2);
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/read_spreadsheet.py"), out});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject sheet =
            QJsonDocument::fromJson(python.readAllStandardOutput()).object().value("sheets").toArray()[0].toObject();
        QCOMPARE(sheet.value("name").toString(), QStringLiteral("Annuaire"));
        const QJsonArray rows = sheet.value("rows").toArray();
        QCOMPARE(rows.size(), 3);
        auto cell = [&rows](int r, int c) { return rows[r].toArray()[c].toObject(); };
        QCOMPARE(cell(0, 1).value("v").toString(), QStringLiteral("First name")); // the header in words
        QVERIFY(cell(0, 1).value("bold").toBool());
        QCOMPARE(cell(1, 0).value("t").toString(), QStringLiteral("n")); // the id a number
        QCOMPARE(cell(1, 1).value("v").toString(), QStringLiteral("=1+1"));
        QCOMPARE(cell(1, 1).value("t").toString(), QStringLiteral("s"));
        QCOMPARE(cell(1, 3).value("v").toString(), QStringLiteral("01310"));
        QCOMPARE(cell(1, 4).value("v").toString(), QStringLiteral("+33 6 12 34 56 78"));
        QCOMPARE(cell(1, 5).value("t").toString(), QStringLiteral("d"));
        QCOMPARE(cell(1, 5).value("v").toString(), QStringLiteral("2024-03-05"));
        QCOMPARE(cell(2, 1).value("v").toString(), QStringLiteral("Bo"));
        QCOMPARE(cell(2, 3).value("t").toString(), QStringLiteral("e"));
    }
    // A spreadsheet needs a file; an unknown format is refused; CSV options do not apply.
    const Run noFile = cli(db({"report", "run", "Annuaire", "--format", "ods"}));
    QCOMPARE(noFile.exitCode, 2);
    QVERIFY(noFile.err.contains(QStringLiteral("--output")));
    QCOMPARE(cli(db({"report", "run", "Annuaire", "--format", "pdf", "--output", m_dir.filePath("x.pdf")})).exitCode,
             2);
    QCOMPARE(cli(db({"report", "run", "Annuaire", "--output", m_dir.filePath("x.xlsx"), "--bom"})).exitCode, 2);
    QVERIFY(!QFile::exists(m_dir.filePath("x.xlsx")));
    // A folder that does not exist: said, exit 1.
    const Run bad = cli(db({"report", "run", "Annuaire", "--output", "/nonexistent/dir/x.xlsx"}));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QStringLiteral("/nonexistent/dir/x.xlsx")));

    // The audit log and a member's access export as workbooks too.
    auto sheets = [](const QString &path) {
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CARNET_SOURCE_DIR "/tests/support/read_spreadsheet.py"), path});
        python.waitForFinished(60000);
        return QJsonDocument::fromJson(python.readAllStandardOutput()).object().value("sheets").toArray();
    };
    const QString audit = m_dir.filePath(QStringLiteral("audit.ods"));
    const Run auditRun = cli(db({"audit", "export", "--output", audit, "--json"}));
    QCOMPARE(auditRun.exitCode, 0);
    QCOMPARE(auditRun.json().object().value("format").toString(), QStringLiteral("ods"));
    const QJsonArray auditRows = sheets(audit)[0].toObject().value("rows").toArray();
    QCOMPARE(auditRows.size(), auditRun.json().object().value("rows").toInt() + 1);
    QVERIFY(auditRun.json().object().value("rows").toInt() >= 2); // the two exports above
    QCOMPARE(auditRows[1].toArray()[0].toObject().value("t").toString(), QStringLiteral("d"));
    QCOMPARE(cli(db({"audit", "export", "--output", audit, "--format", "pdf"})).exitCode, 2);
    QCOMPARE(cli(db({"audit", "export"})).exitCode, 2);
    const QString access = m_dir.filePath(QStringLiteral("zero.xlsx"));
    const Run accessRun = cli(db({"members", "export", "zero@example.org", "--output", access, "--json"}));
    QCOMPARE(accessRun.exitCode, 0);
    QCOMPARE(accessRun.json().object().value("format").toString(), QStringLiteral("xlsx"));
    const QJsonArray parts = sheets(access);
    QVERIFY(parts.size() >= 3); // the member, then their consent, their history…
    QCOMPARE(parts[0].toObject().value("name").toString(), QStringLiteral("Member"));
    bool postalCode = false;
    for (const QJsonValue &row : parts[0].toObject().value("rows").toArray()) {
        if (row.toArray()[0].toObject().value("v").toString() == QLatin1String("postal_code")) {
            QCOMPARE(row.toArray()[1].toObject().value("v").toString(), QStringLiteral("01310"));
            QCOMPARE(row.toArray()[1].toObject().value("t").toString(), QStringLiteral("s"));
            postalCode = true;
        }
    }
    QVERIFY(postalCode);
    QCOMPARE(cli(db({"members", "export", "zero@example.org", "--format", "ods"})).exitCode, 2);
}

void TestCliReports::campaignCreateAndPreview()
{
    QCOMPARE(
        cli(db({"organisation", "set", "--name", "Bibliothèque du quartier", "--address",
                "12 rue des Lilas\n69001 Lyon", "--email", "contact@biblio-quartier.fr", "--jurisdiction", "both"}))
            .exitCode,
        0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "<b>Zoé</b> & Cie", "--last-name", "Côté", "--email",
                     "zoe@exemple.fr", "--section", "CPL"}))
                 .exitCode,
             0);
    QCOMPARE(cli(db({"members", "add", "--first-name", "Jean", "--last-name", "Roy", "--email", "jean@example.org",
                     "--language", "en"}))
                 .exitCode,
             0);
    const QString body = m_dir.filePath(QStringLiteral("body.md"));
    QFile f(body);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Bonjour {{prenom|à vous}},\n\nLes **nouvelles** de la section {{section|de la bibliothèque}}.\n");
    f.close();
    const QString pdf = m_dir.filePath(QStringLiteral("programme été.pdf"));
    QFile a(pdf);
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("%PDF-1.4\n" + QByteArray(3000, 'x'));
    a.close();
    const QStringList base = {"campaign",   "create",    "--name",     "Novembre",  "--kind",
                              "newsletter", "--purpose", "newsletter", "--subject", "Nouvelles pour {{first_name}}",
                              "--body",     body,        "--audience", "all"};
    // Refusals: exit 2 with the reason, nothing created.
    const QList<QPair<QStringList, QString>> refusals = {
        {QStringList(base).mid(0, 8) + QStringList{"--body", body, "--audience", "all"}, "--subject"},
        {[&base] {
             QStringList unknownPurpose = base;
             unknownPurpose[7] = QStringLiteral("nope");
             return unknownPurpose;
         }(),
         "nope"},
        {QStringList(base) << "--audience"
                           << "everyone",
         "everyone"},
        {QStringList(base) << "--audience"
                           << "report:missing",
         "missing"},
        {QStringList(base) << "--attach" << m_dir.filePath(QStringLiteral("absent.pdf")), "absent.pdf"},
        {QStringList(base).replaceInStrings(body, m_dir.filePath(QStringLiteral("none.md"))), "none.md"},
        {QStringList(base) << "--kind"
                           << "spam",
         "--kind"},
    };
    for (const auto &[args, why] : refusals) {
        const Run r = cli(db(args));
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(0x20))));
        QVERIFY2(r.err.contains(why), qPrintable(r.err));
    }
    QCOMPARE(cli(db({"campaign", "list", "--json"})).json().array().size(), 0);
    const Run created = cli(db(QStringList(base) << "--attach" << pdf << "--json"));
    QCOMPARE(created.exitCode, 0);
    const int id = created.json().object().value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    QCOMPARE(cli(db({"campaign", "list", "--json"})).json().array().first().toObject().value("name").toString(),
             QStringLiteral("Novembre"));
    // The message as it would arrive, read by Python's email package.
    auto parsed = [this](const QByteArray &bytes) {
        QFile eml(m_dir.filePath(QStringLiteral("preview.eml")));
        eml.open(QIODevice::WriteOnly | QIODevice::Truncate);
        eml.write(bytes);
        eml.close();
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CARNET_SOURCE_DIR "/tests/integration/check_campaign.py"), eml.fileName()});
        python.waitForFinished(30000);
        return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    };
    const Run fr = cli(db({"campaign", "preview", QString::number(id), "--member", "zoe@exemple.fr"}));
    QCOMPARE(fr.exitCode, 0);
    const QJsonObject m = parsed(fr.out);
    QCOMPARE(m.value("defects").toArray().size(), 0);
    QVERIFY(m.value("crlf_only").toBool());
    QCOMPARE(m.value("subject").toString(), QStringLiteral("Nouvelles pour <b>Zoé</b> & Cie"));
    QCOMPARE(m.value("reply_to").toString(), QStringLiteral("Bibliothèque du quartier <contact@biblio-quartier.fr>"));
    QCOMPARE(m.value("list_id").toString(), QStringLiteral("Newsletter <newsletter.biblio-quartier.fr>"));
    QCOMPARE(m.value("list_unsubscribe_post").toString(), QString()); // no HTTPS page: no one-click claim
    const QString unsubscribe = m.value("list_unsubscribe").toString();
    QVERIFY2(unsubscribe.startsWith(QStringLiteral("<mailto:contact@biblio-quartier.fr?subject=unsubscribe%20")),
             qPrintable(unsubscribe));
    const QString token = unsubscribe.section(QStringLiteral("%20"), 1).chopped(1);
    QVERIFY(token.contains(QLatin1Char('.')));
    const QString plain = m.value("plain").toString().replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QVERIFY(plain.startsWith(QStringLiteral("Bonjour <b>Zoé</b> & Cie,")));
    QVERIFY2(
        plain.contains(QStringLiteral("Message envoyé par Bibliothèque du quartier\n12 rue des Lilas\n69001 Lyon")),
        qPrintable(plain));
    QVERIFY(plain.contains(token));
    const QString html = m.value("html").toString();
    QVERIFY2(html.contains(QStringLiteral("<p>Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; Cie,</p>")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<strong>nouvelles</strong> de la section CPL")));
    QVERIFY(!html.contains(QStringLiteral("<b>Zoé")));
    QCOMPARE(m.value("attachments").toArray().first().toObject().value("name").toString(),
             QStringLiteral("programme été.pdf"));
    QCOMPARE(m.value("attachments").toArray().first().toObject().value("size").toInt(), 3009);
    // Each member has a token of their own; the English member's footer is in English, the empty section
    // takes its fallback.
    const Run en = cli(db({"campaign", "preview", QString::number(id), "--member", "jean@example.org"}));
    QCOMPARE(en.exitCode, 0);
    const QJsonObject e = parsed(en.out);
    QVERIFY(e.value("plain").toString().contains(QStringLiteral("To stop receiving these messages:")));
    QVERIFY(e.value("plain").toString().contains(QStringLiteral("de la section de la bibliothèque.")));
    QVERIFY(!e.value("list_unsubscribe").toString().contains(token));
    // No such member or campaign: said, exit 1.
    QCOMPARE(cli(db({"campaign", "preview", QString::number(id), "--member", "nobody@example.org"})).exitCode, 1);
    QCOMPARE(cli(db({"campaign", "preview", "999", "--member", "jean@example.org"})).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCliReports)
#include "tst_cli_reports.moc"
