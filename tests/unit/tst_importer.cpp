#include "TempDatabase.h"

#include "consent/ConsentService.h"
#include "import/ColumnMapper.h"
#include "import/Importer.h"
#include "storage/Database.h"
#include "storage/ImportBatchRepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using Import::Importer;
using Import::ImportMode;
using Import::ImportOptions;
using Import::ImportReport;

namespace {
const QString kData = QStringLiteral(CARNET_SOURCE_DIR "/tests/data/");

// Everything the member list holds, as text: to compare a database before and after.
QStringList dump(TempDatabase &db)
{
    QStringList rows;
    QSqlQuery q(db.context().database().connection());
    q.exec(QStringLiteral("SELECT * FROM members ORDER BY id"));
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i) {
            // The row's version and who changed it last count changes: an undo is one more.
            const QString column = q.record().fieldName(i);
            if (column == QLatin1String("version") || column == QLatin1String("updated_by"))
                continue;
            cells.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        }
        rows.append(cells.join(QLatin1Char('|')));
    }
    return rows;
}
} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsEachKnownFormat_data();
    void importsEachKnownFormat();
    void duplicatesWithinTheFileAndAgainstTheDatabase();
    void modesAndProtectedFields();
    void rowsWithoutEmail();
    void rejectedRowsSayWhereAndWhy();
    void datesDecidedFromAllRows();
    void dateEvidenceFarDownTheFileStillDecides();
    void fullNameIsSplit();
    void leadingZeroIsFlaggedNotFixed();
    void dryRunWritesNothing();
    void cancelLeavesTheDatabaseUntouched();
    void aRowTheDatabaseRefusesLeavesItUntouched();
    void undoRestoresExactly();
    void undoRefusesWhenMembersChangedSince();
    void userMappingWins();
    void cagettePartnersBecomeHouseholds();
    void correctedMappingIsRemembered();
    void mailchimpOptInNeedsAPurpose();
    void mailchimpUnsubscribedFileWithdraws();
    void yesNoNewsletterColumn();
    void suppressedAddressIsNotResubscribed();
    void undoRemovesTheConsentItRecorded();
    void unknownConsentPurposeIsRefused();
    void awkwardTextArrivesIntact();

private:
    ImportReport import(const QString &path, ImportOptions options = {});
    ImportReport importLeaAndMarc();
    QString write(const QString &name, const QByteArray &bytes);

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestImporter::init()
{
    m_db = std::make_unique<TempDatabase>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_db->ok());
}

void TestImporter::cleanup()
{
    m_db.reset();
}

ImportReport TestImporter::import(const QString &path, ImportOptions options)
{
    Importer importer(m_db->context().database(), m_db->members(), m_db->clock());
    auto report = importer.run(path, options);
    if (!report.ok()) {
        qWarning("import failed: %s", qPrintable(report.error().message));
        return {};
    }
    return report.value();
}

QString TestImporter::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

void TestImporter::importsEachKnownFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("created");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("city");
    QTest::newRow("Koha") << "koha_patrons.csv" << 40 << "benoit.garcia.0@example.org" << QString::fromUtf8("Benoît")
                          << "Gatineau";
    QTest::newRow("Cagette cp1252") << "cagette_membres_cp1252.csv" << 40 << "jerome.tremblay.0@example.org"
                                    << QString::fromUtf8("Jérôme") << "Nantes";
    QTest::newRow("Mailchimp") << "mailchimp_subscribed.csv" << 40 << "lea.david.0@asso.example.net"
                               << QString::fromUtf8("Léa") << "";
    QTest::newRow("plain") << "plain_utf8.csv" << 40 << "lucas.poirier.0@mail.example.fr"
                           << "Lucas" << QString::fromUtf8("Montréal");
    QTest::newRow("Galette") << "galette_export.csv" << 2 << "noel.lefevre@example.org" << QString::fromUtf8("Noël")
                             << "Lyon";
    QTest::newRow("CiviCRM") << "civicrm_contacts.csv" << 1 << "yannick.bergeron@example.org"
                             << "Yannick"
                             << "Sherbrooke";
    QTest::newRow("Google") << "google_contacts.csv" << 1 << "sophie.morin@example.com"
                            << "Sophie" << QString::fromUtf8("Montréal");
    QTest::newRow("Outlook UTF-16") << "outlook_contacts_utf16.txt" << 1 << "pierre.caron@example.com"
                                    << "Pierre"
                                    << "Gatineau";
}

void TestImporter::importsEachKnownFormat()
{
    QFETCH(QString, file);
    QFETCH(int, created);
    QFETCH(QString, email);
    QFETCH(QString, firstName);
    QFETCH(QString, city);
    const ImportReport r = import(kData + file);
    QCOMPARE(r.created, created);
    QCOMPARE(r.rejected, 0);
    QVERIFY(r.batchId > 0);
    QCOMPARE(m_db->members().count().value(), created);
    auto m = m_db->members().findByEmail(email);
    QVERIFY2(m.ok(), qPrintable(email));
    QCOMPARE(m.value().firstName, firstName);
    QCOMPARE(m.value().city, city.isEmpty() ? QString() : city);
}

void TestImporter::duplicatesWithinTheFileAndAgainstTheDatabase()
{
    ImportReport r = import(kData + QStringLiteral("excel_fr_utf8_bom.csv"));
    QCOMPARE(r.created, 40);
    QCOMPARE(r.duplicates, 5); // MATHIEU.GIRARD.1@EXAMPLE.COM after mathieu.girard.1@example.com…
    r = import(kData + QStringLiteral("excel_fr_utf8_bom.csv"));
    QCOMPARE(r.created, 0);
    QCOMPARE(r.unchanged, 40);
    QCOMPARE(m_db->members().count().value(), 40);
}

void TestImporter::modesAndProtectedFields()
{
    m_db->add(QStringLiteral("Lea"), QStringLiteral("David"), QStringLiteral("lea@example.org"));
    Core::Member m = m_db->members().findByEmail(QStringLiteral("lea@example.org")).value();
    m.phone = QStringLiteral("514-555-0000");
    QVERIFY(m_db->members().save(m).ok());
    const QString path = write(QStringLiteral("u.csv"), "Prénom,Nom,Courriel,Téléphone,Ville\n"
                                                        "Léa,David,LEA@example.org,514-555-9999,Lyon\n"
                                                        "Marc,Roy,marc@example.org,,Paris\n");
    ImportOptions options;
    options.mode = ImportMode::Create;
    ImportReport r = import(path, options);
    QCOMPARE(r.created, 1);
    QCOMPARE(r.unchanged, 1); // create only: Léa is left alone
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("lea@example.org")).value().city, QString());

    options.mode = ImportMode::Fill; // only empty fields
    r = import(path, options);
    QCOMPARE(r.updated, 1);
    Core::Member lea = m_db->members().findByEmail(QStringLiteral("lea@example.org")).value();
    QCOMPARE(lea.city, QStringLiteral("Lyon"));
    QCOMPARE(lea.phone, QStringLiteral("514-555-0000"));
    QCOMPARE(lea.firstName, QStringLiteral("Lea"));

    options.mode = ImportMode::Update; // file values win, except protected fields
    options.protectedFields = {QStringLiteral("first_name")};
    r = import(path, options);
    QCOMPARE(r.updated, 1);
    QCOMPARE(r.preview.first().changedFields, QStringList{QStringLiteral("phone")});
    lea = m_db->members().findByEmail(QStringLiteral("lea@example.org")).value();
    QCOMPARE(lea.phone, QStringLiteral("514-555-9999"));
    QCOMPARE(lea.firstName, QStringLiteral("Lea"));
    // An empty cell never erases: Marc keeps no phone, and nothing else changed.
    QCOMPARE(r.unchanged, 1);
}

void TestImporter::rowsWithoutEmail()
{
    const QString path = write(QStringLiteral("n.csv"), "Prénom;Nom;Courriel\nJean;Roy;\nAnne;Roy;anne@example.org\n");
    ImportReport r = import(path);
    QCOMPARE(r.created, 2);
    QCOMPARE(r.noEmail, 1);
    QVERIFY(m_db->members().count().value() == 2);
    QSqlQuery(m_db->context().database().connection()).exec(QStringLiteral("DELETE FROM members"));
    ImportOptions skip;
    skip.skipNoEmail = true;
    r = import(path, skip);
    QCOMPARE(r.created, 1);
    QCOMPARE(r.skipped, 1);
    QCOMPARE(r.rejected, 0);
}

void TestImporter::rejectedRowsSayWhereAndWhy()
{
    const QString path = write(QStringLiteral("r.csv"), "Prénom;Nom;Courriel\r\n"
                                                        "Léa;David;lea@@example.org\r\n"
                                                        ";Roy;roy@example.org\r\n"
                                                        "Marc;Roy;marc@example.org\r\n");
    const ImportReport r = import(path);
    QCOMPARE(r.created, 1);
    QCOMPARE(r.rejected, 2);
    QCOMPARE(r.errors.size(), 2);
    QCOMPARE(r.errors[0].line, 2);
    QCOMPARE(r.errors[0].column, QStringLiteral("Courriel"));
    QCOMPARE(r.errors[0].value, QStringLiteral("lea@@example.org"));
    QVERIFY(r.errors[0].message.contains(QStringLiteral("@")));
    QCOMPARE(r.errors[1].line, 3);
    QCOMPARE(r.errors[1].column, QString::fromUtf8("Prénom"));
    QCOMPARE(r.errors[1].message, QStringLiteral("The first name is required."));
    const QJsonObject json = r.toJson();
    for (const char *key : {"batch", "created", "updated", "unchanged", "duplicates", "rejected", "no_email", "errors"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
}

void TestImporter::datesDecidedFromAllRows()
{
    // 03/04/2024 alone is ambiguous; 25/12/2023 further down settles day/month for the whole column.
    QByteArray bytes = "Prénom;Nom;Courriel;Date d'adhésion\n";
    for (int i = 0; i < 50; ++i)
        bytes += QStringLiteral("P%1;N;p%1@example.org;03/04/2024\n").arg(i).toUtf8();
    bytes += "Z;N;z@example.org;25/12/2023\n";
    ImportReport r = import(write(QStringLiteral("d.csv"), bytes));
    QCOMPARE(r.created, 51);
    QCOMPARE(r.dateOrder, Import::DateOrder::DayMonth);
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("p0@example.org")).value().membershipStart, QDate(2024, 4, 3));

    // Nothing settles it: the rows are refused with the question, unless the user answers it.
    const QString ambiguous =
        write(QStringLiteral("a.csv"), "Prénom;Nom;Courriel;Date d'adhésion\nA;B;ab@example.org;03/04/2024\n");
    r = import(ambiguous);
    QCOMPARE(r.rejected, 1);
    QVERIFY(r.errors.first().message.contains(QStringLiteral("day/month or month/day")));
    // A column the user maps to a date counts as well.
    QByteArray custom = "Prénom;Nom;Courriel;Inscrit le\n";
    for (int i = 0; i < 30; ++i)
        custom += QStringLiteral("Q%1;N;q%1@example.org;02/03/2022\n").arg(i).toUtf8();
    custom += "Y;N;y@example.org;31/01/2022\n";
    ImportOptions mapped;
    mapped.mapping.insert(QStringLiteral("Inscrit le"), QStringLiteral("membership_start"));
    r = import(write(QStringLiteral("custom.csv"), custom), mapped);
    QCOMPARE(r.created, 31);
    QCOMPARE(r.dateOrder, Import::DateOrder::DayMonth);
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("q0@example.org")).value().membershipStart, QDate(2022, 3, 2));

    ImportOptions us;
    us.dateOrder = Import::DateOrder::MonthDay;
    r = import(ambiguous, us);
    QCOMPARE(r.created, 1);
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("ab@example.org")).value().membershipStart, QDate(2024, 3, 4));
}

// The order is taken from the first rows and checked against the whole file as it is imported: a 25/12 past
// the sample (10,000 rows) still decides, with the same result a full first pass gives — nothing of the
// misled attempt stays, and the undo removes exactly the file's members.
void TestImporter::dateEvidenceFarDownTheFileStillDecides()
{
    QByteArray bytes = "Prénom;Nom;Courriel;Date d'adhésion\n";
    const int rows = int(Importer::kDateSampleRows) + 500;
    for (int i = 0; i < rows; ++i)
        bytes += QStringLiteral("P%1;N;p%1@example.org;03/04/2024\n").arg(i).toUtf8();
    bytes += "Z;N;z@example.org;25/12/2023\n";
    const QString path = write(QStringLiteral("far.csv"), bytes);
    ImportReport r = import(path);
    QCOMPARE(r.created, rows + 1);
    QCOMPARE(r.rejected, 0);
    QCOMPARE(r.dateOrder, Import::DateOrder::DayMonth);
    QVERIFY(!r.dateOrderAmbiguous);
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("p0@example.org")).value().membershipStart, QDate(2024, 4, 3));
    QCOMPARE(m_db->members().count().value(), rows + 1);
    // One batch only: the misled attempt was rolled back whole.
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    auto list = batches.list();
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    // The file's SHA-256 recorded with it (computed beside the import), as coreutils computes it.
    QProcess sum;
    sum.start(QStringLiteral("sha256sum"), {path});
    QVERIFY(sum.waitForFinished());
    QCOMPARE(list.value().first().fileSha256.toLatin1(), sum.readAllStandardOutput().left(64));
    // The same in a dry run: the counts a full pass gives, nothing written.
    ImportOptions dry;
    dry.dryRun = true;
    dry.mode = Import::ImportMode::Update;
    r = import(write(QStringLiteral("far.csv"), bytes), dry);
    QCOMPARE(r.dateOrder, Import::DateOrder::DayMonth);
    QCOMPARE(r.rejected, 0);
}

void TestImporter::fullNameIsSplit()
{
    const ImportReport r = import(kData + QStringLiteral("paheko_membres_cp1252.csv"));
    QCOMPARE(r.created, 2);
    const Core::Member theo = m_db->members().findByEmail(QStringLiteral("theo.gauthier@example.org")).value();
    QCOMPARE(theo.firstName, QString::fromUtf8("Théo"));
    QCOMPARE(theo.lastName, QStringLiteral("Gauthier"));
    QCOMPARE(theo.memberNumber, QStringLiteral("12"));
    QCOMPARE(theo.extra.value(QString::fromUtf8("Inscription à la lettre d'information")).toString(),
             QStringLiteral("Oui"));
    const auto listmonk = import(kData + QStringLiteral("listmonk_import.csv"));
    QCOMPARE(m_db->members().findByEmail(QStringLiteral("manon.roy@example.org")).value().lastName,
             QStringLiteral("Roy"));
    QCOMPARE(listmonk.created, 2);
}

void TestImporter::leadingZeroIsFlaggedNotFixed()
{
    const ImportReport ragged =
        import(write(QStringLiteral("ragged.csv"), "Prénom;Nom;Courriel\nA;B;a@example.org;extra\nC;D\n"));
    QCOMPARE(ragged.warnings.size(), 2);
    QCOMPARE(ragged.warnings[0].line, 2);
    QCOMPARE(ragged.created, 2); // reported, not fatal; C D has no email and is imported as such
    QCOMPARE(ragged.noEmail, 1);
    QSqlQuery(m_db->context().database().connection()).exec(QStringLiteral("DELETE FROM members"));

    const ImportReport r = import(write(QStringLiteral("z.csv"), "Prénom;Nom;Courriel;Téléphone;Code postal\n"
                                                                 "A;B;ab@example.org;612345678;1000\n"));
    QCOMPARE(r.created, 1);
    QCOMPARE(r.warnings.size(), 2);
    const Core::Member m = m_db->members().findByEmail(QStringLiteral("ab@example.org")).value();
    QCOMPARE(m.phone, QStringLiteral("612345678"));
    QCOMPARE(m.postalCode, QStringLiteral("1000"));
}

void TestImporter::dryRunWritesNothing()
{
    ImportOptions dry;
    dry.dryRun = true;
    const QStringList before = dump(*m_db);
    const ImportReport r = import(kData + QStringLiteral("koha_patrons.csv"), dry);
    QCOMPARE(r.created, 40);
    QCOMPARE(r.batchId, 0);
    QCOMPARE(dump(*m_db), before);
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    QCOMPARE(batches.list().value().size(), 0);
}

void TestImporter::cancelLeavesTheDatabaseUntouched()
{
    m_db->add(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("ab@example.org"));
    const QStringList before = dump(*m_db);
    QByteArray bytes = "email,first_name,last_name\n";
    for (int i = 0; i < 10000; ++i) // on a server, enough rows for the COPY to be under way when it stops
        bytes += QStringLiteral("m%1@example.org,F,L\n").arg(i).toUtf8();
    std::atomic_bool cancel{false};
    Importer importer(m_db->context().database(), m_db->members(), m_db->clock());
    int calls = 0;
    auto r = importer.run(
        write(QStringLiteral("c.csv"), bytes), {},
        [&](double) {
            if (++calls == 2)
                cancel = true; // half-way through the rows
        },
        &cancel);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("cancelled")));
    QCOMPARE(dump(*m_db), before);
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    QCOMPARE(batches.list().value().size(), 0);
}

// The rows are stored by a thread of their own (a COPY on a server) while the next ones are read: a row the
// database refuses far down the file (here a trigger, as another program's rule could be) fails the import
// with the database's reason, and nothing of it stays — neither the rows before nor those after.
void TestImporter::aRowTheDatabaseRefusesLeavesItUntouched()
{
    m_db->add(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("ab@example.org"));
    QSqlQuery q(m_db->context().database().connection());
    if (m_db->context().database().engine() == Storage::Engine::Sqlite) {
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse_boom BEFORE INSERT ON members WHEN NEW.first_name = "
                                      "'Boom' BEGIN SELECT RAISE(ABORT, 'Boom is refused here'); END")));
    } else {
        QVERIFY(q.exec(QStringLiteral("CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                      "IF NEW.first_name = 'Boom' THEN RAISE EXCEPTION 'Boom is refused here'; "
                                      "END IF; RETURN NEW; END $$")));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse_boom BEFORE INSERT ON members FOR EACH ROW EXECUTE "
                                      "FUNCTION refuse_boom()")));
    }
    const QStringList before = dump(*m_db);
    QByteArray bytes = "email,first_name,last_name\n";
    for (int i = 0; i < 8000; ++i)
        bytes += QStringLiteral("m%1@example.org,%2,L\n").arg(i).arg(i == 5000 ? "Boom" : "F").toUtf8();
    Importer importer(m_db->context().database(), m_db->members(), m_db->clock());
    auto r = importer.run(write(QStringLiteral("boom.csv"), bytes), {});
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("Boom is refused here")), qPrintable(r.error().message));
    QCOMPARE(dump(*m_db), before);
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    QCOMPARE(batches.list().value().size(), 0);
    // Without the row, the same file goes in whole, after the member already there.
    bytes.replace("Boom", "Bam");
    r = importer.run(write(QStringLiteral("bam.csv"), bytes), {});
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r.value().created, 8000);
    QCOMPARE(m_db->members().count().value(), 8001);
}

// An update-mode import that changes Léa David's city (she must exist) and creates Marc Roy.
ImportReport TestImporter::importLeaAndMarc()
{
    ImportOptions update;
    update.mode = ImportMode::Update;
    return import(write(QStringLiteral("u.csv"), "Prénom,Nom,Courriel,Ville\n"
                                                 "Léa,David,lea@example.org,Lyon\n"
                                                 "Marc,Roy,marc@example.org,Paris\n"),
                  update);
}

void TestImporter::undoRestoresExactly()
{
    m_db->add(QStringLiteral("Lea"), QStringLiteral("David"), QStringLiteral("lea@example.org"));
    m_db->clock().advanceDays(1);
    const QStringList before = dump(*m_db);
    const ImportReport r = importLeaAndMarc();
    QCOMPARE(r.created, 1);
    QCOMPARE(r.updated, 1);
    QVERIFY(dump(*m_db) != before);
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    QVERIFY(batches.undo(r.batchId).ok());
    QCOMPARE(dump(*m_db), before); // every column of every row, timestamps included
    QVERIFY(batches.find(r.batchId).value().undoneAt.isValid());
    QCOMPARE(batches.undo(r.batchId).error().code, Core::Error::Code::Conflict);
    // A member added by hand after the import is not touched by its undo.
    const ImportReport second = import(kData + QStringLiteral("galette_export.csv"));
    m_db->add(QStringLiteral("Hand"), QStringLiteral("Made"), QStringLiteral("hand@example.org"));
    QVERIFY(batches.undo(second.batchId).ok());
    QVERIFY(m_db->members().findByEmail(QStringLiteral("hand@example.org")).ok());
    QCOMPARE(m_db->members().count().value(), 2);
}

// An undo never throws away a change made since the import: a member it updated, or one it created, changed
// afterwards (here in Carnet, and around it) makes the undo refuse, naming them, with nothing changed; the
// import's own household links do not count as changes.
void TestImporter::undoRefusesWhenMembersChangedSince()
{
    m_db->add(QStringLiteral("Lea"), QStringLiteral("David"), QStringLiteral("lea@example.org"));
    m_db->clock().advanceDays(1);
    const ImportReport r = importLeaAndMarc();
    QCOMPARE(r.created, 1);
    QCOMPARE(r.updated, 1);
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    m_db->clock().advanceDays(1);
    // The member it created is changed since.
    Core::Member marc = m_db->members().findByEmail(QStringLiteral("marc@example.org")).value();
    marc.phone = QStringLiteral("0612345678");
    QVERIFY(m_db->members().save(marc).ok());
    const QStringList changed = dump(*m_db);
    auto refused = batches.undo(r.batchId);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Core::Error::Code::Stale);
    QVERIFY2(refused.error().message.contains(QStringLiteral("Marc Roy")), qPrintable(refused.error().message));
    QCOMPARE(dump(*m_db), changed);
    QVERIFY(!batches.find(r.batchId).value().undoneAt.isValid());

    // The member it updated, changed since around Carnet (a raw statement): refused too.
    ImportOptions update;
    update.mode = ImportMode::Update;
    const ImportReport second = import(write(QStringLiteral("v.csv"), "Prénom,Nom,Courriel,Ville\n"
                                                                      "Léa,David,lea@example.org,Nantes\n"),
                                       update);
    QCOMPARE(second.updated, 1);
    QSqlQuery raw(m_db->context().database().connection());
    QVERIFY(raw.exec(QStringLiteral("UPDATE members SET notes = 'x', version = version + 1 WHERE email_key = "
                                    "'lea@example.org'")));
    refused = batches.undo(second.batchId);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QString::fromUtf8("Léa David")), qPrintable(refused.error().message));

    // Partners imported together (a household made by the import) can be undone.
    const ImportReport partners = import(kData + QStringLiteral("cagette_membres_cp1252.csv"));
    QVERIFY(partners.created > 0);
    auto undone = batches.undo(partners.batchId);
    QVERIFY2(undone.ok(), qPrintable(undone.ok() ? QString() : undone.error().message));
}

void TestImporter::userMappingWins()
{
    ImportOptions options;
    options.mapping.insert(QStringLiteral("Ville"), QString()); // ignored
    options.mapping.insert(QString::fromUtf8("Bibliothèque"), QStringLiteral("extra.branch"));
    const ImportReport r = import(kData + QStringLiteral("plain_utf8.csv"), options);
    QCOMPARE(r.created, 40);
    const Core::Member m = m_db->members().findByEmail(QStringLiteral("lucas.poirier.0@mail.example.fr")).value();
    QCOMPARE(m.city, QString());
    QCOMPARE(m.section, QString());
    QCOMPARE(m.extra.value(QStringLiteral("branch")).toString(), QStringLiteral("FPL"));
}

void TestImporter::cagettePartnersBecomeHouseholds()
{
    const ImportReport r = import(kData + QStringLiteral("cagette_import_template_cp1252.csv"));
    QCOMPARE(r.created, 6); // three rows, each a member and a partner
    QCOMPARE(r.noEmail, 1); // Pierrette Volfoni has no address of her own
    const Core::Member michel = m_db->members().findByEmail(QStringLiteral("poussin@gmail.com")).value();
    const Core::Member micheline = m_db->members().findByEmail(QStringLiteral("poulette@gmail.com")).value();
    QVERIFY(michel.householdId != 0);
    QCOMPARE(micheline.householdId, michel.householdId);
    QCOMPARE(micheline.city, QStringLiteral("Saint Tropez")); // shared with the row
    QCOMPARE(micheline.firstName, QStringLiteral("Micheline"));
    QVERIFY(!michel.extra.contains(QStringLiteral("prénom conjoint")));
    const Core::Member gabrielle = m_db->members().findByEmail(QStringLiteral("gaby@yahoo.fr")).value();
    QCOMPARE(gabrielle.lastName, QString::fromUtf8("De Funès"));
    QVERIFY(gabrielle.householdId != michel.householdId);
    // The export layout (firstName2…) is read the same way.
    QCOMPARE(Import::ColumnMapper::partnerFieldFor(QStringLiteral("email2")), QStringLiteral("email"));
    QCOMPARE(Import::ColumnMapper::partnerFieldFor(QStringLiteral("Partner's Mobile phone")), QStringLiteral("mobile"));
    QCOMPARE(Import::ColumnMapper::partnerFieldFor(QString::fromUtf8("Courriel conjoint(e)")), QStringLiteral("email"));

    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    QVERIFY(batches.undo(r.batchId).ok());
    QCOMPARE(m_db->members().count().value(), 0);
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM households")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestImporter::correctedMappingIsRemembered()
{
    ImportOptions corrected;
    corrected.mapping.insert(QString::fromUtf8("Bibliothèque"), QStringLiteral("extra.branch"));
    corrected.mapping.insert(QStringLiteral("Ville"), QString());
    QCOMPARE(import(kData + QStringLiteral("plain_utf8.csv"), corrected).created, 40);
    // Another file with other headers keeps the automatic mapping (checked last)…
    const QString again =
        write(QStringLiteral("again.csv"), QString::fromUtf8("courriel,VILLE,prénom,nom,bibliothèque\n"
                                                             "zoe@example.org,Lyon,Zoé,Roy,CPL\n")
                                               .toUtf8());
    // …while the same set of headers, another day, gets the correction back by itself.
    const QString same =
        write(QStringLiteral("same.csv"),
              QString::fromUtf8("Prénom,Nom,Courriel,Téléphone,Ville,Bibliothèque,Catégorie,Date d'adhésion\n"
                                "Zoé,Roy,zoe@example.org,,Lyon,CPL,A,2024-01-01\n")
                  .toUtf8());
    const ImportReport r = import(same);
    QCOMPARE(r.created, 1);
    const Core::Member zoe = m_db->members().findByEmail(QStringLiteral("zoe@example.org")).value();
    QCOMPARE(zoe.city, QString());
    QCOMPARE(zoe.section, QString());
    QCOMPARE(zoe.extra.value(QStringLiteral("branch")).toString(), QStringLiteral("CPL"));
    // Other headers: the automatic mapping.
    const ImportReport other = import(again);
    QCOMPARE(other.unchanged, 1);
    QCOMPARE(other.mapping.value(1), QStringLiteral("city"));
}

namespace {
const QByteArray kOptIn = "Email Address,First Name,Last Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LEID\r\n"
                          "ana@example.org,Ana,Lima,2024-03-01 09:00:00,,2024-03-02 10:00:00,,1\r\n"
                          "bo@example.org,Bo,Roy,2023-05-05 08:00:00,,,,2\r\n"
                          "cy@example.org,Cy,Nil,,,,,3\r\n";

QString reasonFor(TempDatabase &db, const QString &email, const QString &purpose)
{
    auto m = db.members().findByEmail(email);
    if (!m.ok())
        return QStringLiteral("no member");
    auto all = db.context().consent().status(m.value());
    if (!all.ok())
        return all.error().message;
    for (const auto &[p, s] : all.value()) {
        if (p.key == purpose)
            return Consent::reasonKey(s.reason);
    }
    return {};
}
} // namespace

void TestImporter::mailchimpOptInNeedsAPurpose()
{
    const QString path = write(QStringLiteral("audience.csv"), kOptIn);
    // Without a purpose: the columns are recognised, kept as other information, and no consent is recorded.
    ImportReport plain = import(path);
    QCOMPARE(plain.created, 3);
    QCOMPARE(plain.consentColumns.kind, Import::ConsentColumns::Kind::MailchimpOptIn);
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("no_consent"));
    QCOMPARE(m_db->members()
                 .findByEmail(QStringLiteral("ana@example.org"))
                 .value()
                 .extra.value(QStringLiteral("OPTIN_TIME"))
                 .toString(),
             QStringLiteral("2024-03-01 09:00:00"));

    // Dry run with a purpose: counted, nothing written.
    ImportOptions options;
    options.consentPurpose = QStringLiteral("newsletter");
    options.dryRun = true;
    ImportReport dry = import(path, options);
    QCOMPARE(dry.consent.value(QStringLiteral("granted")).toInt(), 2);
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("no_consent"));

    options.dryRun = false;
    ImportReport r = import(path, options);
    QCOMPARE(r.unchanged, 3);
    QCOMPARE(r.consent.value(QStringLiteral("granted")).toInt(), 2);
    QCOMPARE(r.consent.value(QStringLiteral("without_date")).toInt(), 1);
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("express"));
    QCOMPARE(reasonFor(*m_db, QStringLiteral("cy@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("no_consent"));
    const qint64 ana = m_db->members().findByEmail(QStringLiteral("ana@example.org")).value().id;
    const Consent::Event e = m_db->context().consent().history(ana).value().first();
    QCOMPARE(e.occurredOn, QDate(2024, 3, 2)); // the confirmation, when there is one
    QCOMPARE(e.source, QStringLiteral("import audience.csv, line 2"));
    QVERIFY(e.wording.contains(QStringLiteral("OPTIN_TIME 2024-03-01 09:00:00")));
    QCOMPARE(e.importBatchId, r.batchId);
    const qint64 bo = m_db->members().findByEmail(QStringLiteral("bo@example.org")).value().id;
    QCOMPARE(m_db->context().consent().history(bo).value().first().occurredOn, QDate(2023, 5, 5));
    QCOMPARE(r.toJson().value(QStringLiteral("consent")).toObject().value(QStringLiteral("purpose")).toString(),
             QStringLiteral("newsletter"));
}

void TestImporter::mailchimpUnsubscribedFileWithdraws()
{
    ImportOptions options;
    options.consentPurpose = QStringLiteral("newsletter");
    import(write(QStringLiteral("audience.csv"), kOptIn), options);
    const QString unsub = write(
        QStringLiteral("unsubscribed.csv"),
        "Email Address,First Name,Last Name,OPTIN_TIME,CONFIRM_TIME,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,"
        "UNSUB_REASON,UNSUB_REASON_OTHER\r\n"
        "ana@example.org,Ana,Lima,2024-03-01 09:00:00,2024-03-02 10:00:00,2025-06-01 12:00:00,June news,abc,"
        "NORMAL,\r\n");
    ImportReport r = import(unsub, options);
    QCOMPARE(r.consentColumns.kind, Import::ConsentColumns::Kind::MailchimpUnsubscribed);
    QCOMPARE(r.consent.value(QStringLiteral("withdrawn")).toInt(), 1);
    QCOMPARE(r.consent.value(QStringLiteral("granted")).toInt(), 0); // an unsubscribed file never grants
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("withdrawn"));
    QCOMPARE(reasonFor(*m_db, QStringLiteral("bo@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("express"));
    const qint64 ana = m_db->members().findByEmail(QStringLiteral("ana@example.org")).value().id;
    QCOMPARE(m_db->context().consent().history(ana).value().last().occurredOn, QDate(2025, 6, 1));

    const QString cleaned =
        write(QStringLiteral("cleaned.csv"),
              "Email Address,First Name,Last Name,CLEAN_TIME,CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID\r\n"
              "bo@example.org,Bo,Roy,2025-07-01 00:00:00,July,x\r\n");
    ImportReport c = import(cleaned, options);
    QCOMPARE(c.consentColumns.kind, Import::ConsentColumns::Kind::MailchimpCleaned);
    QCOMPARE(reasonFor(*m_db, QStringLiteral("bo@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("withdrawn"));
}

void TestImporter::yesNoNewsletterColumn()
{
    const QString path =
        write(QStringLiteral("paheko.csv"), "Nom & Prénom;Courriel;Inscription à la lettre d'information \r\n"
                                            "LIMA Ana;ana@example.org;Oui\r\n"
                                            "ROY Bo;bo@example.org;Non\r\n"
                                            "NIL Cy;cy@example.org;\r\n");
    ImportOptions options;
    options.consentPurpose = QStringLiteral("newsletter");
    ImportReport r = import(path, options);
    QCOMPARE(r.consentColumns.kind, Import::ConsentColumns::Kind::YesNo);
    QCOMPARE(r.created, 3);
    QCOMPARE(r.consent.value(QStringLiteral("granted")).toInt(), 1);
    QCOMPARE(r.consent.value(QStringLiteral("withdrawn")).toInt(), 0); // Bo never had consent: nothing to withdraw
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("express"));
    QCOMPARE(reasonFor(*m_db, QStringLiteral("bo@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("no_consent"));
    // Later, Ana says no in a new file: her consent is withdrawn.
    const QString later =
        write(QStringLiteral("paheko-2.csv"), "Nom & Prénom;Courriel;Inscription à la lettre d'information\r\n"
                                              "LIMA Ana;ana@example.org;Non\r\n");
    ImportReport r2 = import(later, options);
    QCOMPARE(r2.consent.value(QStringLiteral("withdrawn")).toInt(), 1);
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("withdrawn"));
    // A "yes" in an old file does not undo that withdrawal silently: it is a new express consent, but
    // only because the user chose the purpose for this file.
    ImportReport r3 = import(path, options);
    QCOMPARE(r3.consent.value(QStringLiteral("granted")).toInt(), 1);
}

void TestImporter::suppressedAddressIsNotResubscribed()
{
    const QString path = write(QStringLiteral("audience.csv"), kOptIn);
    import(path);
    const qint64 ana = m_db->members().findByEmail(QStringLiteral("ana@example.org")).value().id;
    QVERIFY(m_db->context().privacy().erase(ana).ok());
    ImportOptions options;
    options.consentPurpose = QStringLiteral("newsletter");
    ImportReport r = import(path, options);
    QCOMPARE(r.created, 1); // Ana is back as a member…
    QCOMPARE(r.consent.value(QStringLiteral("skipped_suppressed")).toInt(), 1);
    QCOMPARE(r.consent.value(QStringLiteral("granted")).toInt(), 1); // …Bo only
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("suppressed"));
    auto eligible = m_db->context().consent().eligible(QStringLiteral("newsletter"));
    QCOMPARE(eligible.value().eligible.size(), size_t(1));
}

void TestImporter::undoRemovesTheConsentItRecorded()
{
    const QString path = write(QStringLiteral("audience.csv"), kOptIn);
    import(path); // the members first, without consent
    ImportOptions options;
    options.consentPurpose = QStringLiteral("newsletter");
    ImportReport r = import(path, options);
    QCOMPARE(r.consent.value(QStringLiteral("granted")).toInt(), 2);
    Storage::ImportBatchRepository batches(m_db->context().database(), m_db->clock());
    QVERIFY(batches.undo(r.batchId).ok());
    QCOMPARE(reasonFor(*m_db, QStringLiteral("ana@example.org"), QStringLiteral("newsletter")),
             QStringLiteral("no_consent"));
    QCOMPARE(m_db->members().count().value(), 3); // the members of the first import stay
}

void TestImporter::unknownConsentPurposeIsRefused()
{
    ImportOptions options;
    options.consentPurpose = QStringLiteral("raffle");
    Importer importer(m_db->context().database(), m_db->members(), m_db->clock());
    auto r = importer.run(write(QStringLiteral("audience.csv"), kOptIn), options);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("raffle")));
    QCOMPARE(m_db->members().count().value(), 0);
    // A purpose for a file without consent columns: imported, with a warning.
    options.consentPurpose = QStringLiteral("newsletter");
    ImportReport plain =
        import(write(QStringLiteral("plain.csv"), "Prénom,Nom,Courriel\r\nA,B,a@example.org\r\n"), options);
    QCOMPARE(plain.created, 1);
    QVERIFY(!plain.warnings.isEmpty());
    QVERIFY(plain.warnings.last().message.contains(QStringLiteral("no consent column")));
}

void TestImporter::awkwardTextArrivesIntact()
{
    // What COPY's text format must escape on the server (backslash, tab, newline, carriage return, the
    // \N that means NULL), quotes, accents and a character outside the BMP, through the bulk path.
    const QString remark = QString::fromUtf8("ligne 1\nligne\t2 \\N C:\\dossier\\ « guillemets » 🎉 \r fin");
    QByteArray csv = "first_name,last_name,email,notes,remarque\n";
    csv += QString::fromUtf8(R"(Zoé,\N,zoe@example.org,"C:\dossier\ « guillemets » 🎉","%1")"
                             "\n")
               .arg(remark)
               .toUtf8();
    csv += R"(Al,O'Neil\,al@example.org,\,)"
           "\n";
    const ImportReport r = import(write(QStringLiteral("awkward.csv"), csv));
    QCOMPARE(r.created, 2);
    const Core::Member zoe = m_db->members().findByEmail(QStringLiteral("zoe@example.org")).value();
    QCOMPARE(zoe.lastName, QStringLiteral(R"(\N)")); // the text, not a NULL
    QCOMPARE(zoe.notes, QString::fromUtf8(R"(C:\dossier\ « guillemets » 🎉)"));
    QCOMPARE(zoe.extra.value(QStringLiteral("remarque")).toString(), remark.trimmed());
    const Core::Member al = m_db->members().findByEmail(QStringLiteral("al@example.org")).value();
    QCOMPARE(al.lastName, QStringLiteral(R"(O'Neil\)"));
    QCOMPARE(al.notes, QStringLiteral(R"(\)"));
    // The ids the import took are the table's: the next member gets the next one.
    Core::Member next;
    next.firstName = QStringLiteral("Suivant");
    next.lastName = QStringLiteral("Membre");
    next.noEmail = true;
    auto added = m_db->members().save(next);
    QVERIFY(added.ok());
    QCOMPARE(added.value().id, std::max(zoe.id, al.id) + 1);
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
