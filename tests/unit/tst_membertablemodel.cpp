#include "TempDatabase.h"

#include "storage/MemberTableModel.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using Core::MemberField;
using Storage::MemberTableModel;
using Storage::Selection;

class TestMemberTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void passesModelTester();
    void searchIgnoresAccentsAndCase_data();
    void searchIgnoresAccentsAndCase();
    void sortsLikeAFrenchReader();
    void selectionsFilter();
    void pagesThroughManyRows();
    void opensALargeListOnItsFirstRows();
    void readsALargeListOnAWorker();
    void followsEditsInThisProcess();
    void noticesChangesFromAnotherProgram();
    void placesAChangeWithoutReadingTheListAgain();
    void placesChangesInASelectionAndASearch();
    void displaysDatesAndLanguage();

private:
    std::unique_ptr<MemberTableModel> makeModel();
    QStringList lastNames(const MemberTableModel &model) const;

    std::unique_ptr<TempDatabase> m_db;
};

void TestMemberTableModel::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY(m_db->ok());
    const char *people[][5] = {
        {"Hélène", "Côté", "helene.cote@exemple.fr", "Montréal", "CPL"},
        {"Jérôme", "Tremblay", "jerome.tremblay@example.org", "Nantes", "MPL"},
        {"Zoé", "Émond", "zoe.emond@example.org", "Québec", "CPL"},
        {"Liam", "Smith", "liam@example.com", "Paris", "MPL"},
        {"Anaïs", "Cote", "anais.cote@example.org", "Lyon", "CPL"},
        {"Émile", "Zola", "emile@example.org", "Paris", ""},
    };
    int n = 0;
    for (const auto &p : people) {
        Core::Member m;
        m.firstName = QString::fromUtf8(p[0]);
        m.lastName = QString::fromUtf8(p[1]);
        m.email = QString::fromUtf8(p[2]);
        m.city = QString::fromUtf8(p[3]);
        m.section = QString::fromUtf8(p[4]);
        m.memberNumber = QStringLiteral("2300%1").arg(++n);
        QVERIFY(m_db->members().save(m).ok());
    }
}

void TestMemberTableModel::cleanup()
{
    m_db.reset();
}

std::unique_ptr<MemberTableModel> TestMemberTableModel::makeModel()
{
    auto model = std::make_unique<MemberTableModel>(m_db->members(), m_db->clock());
    if (!model->isIndexReady()) {
        QSignalSpy ready(model.get(), &MemberTableModel::indexReady);
        ready.wait(10000);
    }
    return model;
}

QStringList TestMemberTableModel::lastNames(const MemberTableModel &model) const
{
    QStringList out;
    const int column = model.columnOf(MemberField::LastName);
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.data(model.index(row, column)).toString());
    return out;
}

void TestMemberTableModel::passesModelTester()
{
    auto model = makeModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 6);
    model->setSearchText(QStringLiteral("cote"));
    model->sort(model->columnOf(MemberField::City), Qt::DescendingOrder);
    model->setSelection({Selection::Kind::Section, QStringLiteral("CPL")});
    model->setSearchText(QString());
    model->reload();
}

void TestMemberTableModel::searchIgnoresAccentsAndCase_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("helene finds Hélène") << "helene" << QStringList{QString::fromUtf8("Côté")};
    QTest::newRow("cote finds Côté and Cote")
        << "cote" << QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté")};
    QTest::newRow("upper-case accented query")
        << QString::fromUtf8("CÔTÉ") << QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté")};
    QTest::newRow("email part") << "liam@" << QStringList{QStringLiteral("Smith")};
    QTest::newRow("member number") << "23002" << QStringList{QStringLiteral("Tremblay")};
    QTest::newRow("city") << "quebec" << QStringList{QString::fromUtf8("Émond")};
    QTest::newRow("two words, any order") << "paris emile" << QStringList{QStringLiteral("Zola")};
    QTest::newRow("no match") << "xyz" << QStringList{};
    QTest::newRow("spaces only shows all")
        << "   " << QStringList{QStringLiteral("Cote"),  QString::fromUtf8("Côté"),  QString::fromUtf8("Émond"),
                                QStringLiteral("Smith"), QStringLiteral("Tremblay"), QStringLiteral("Zola")};
}

void TestMemberTableModel::searchIgnoresAccentsAndCase()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    auto model = makeModel();
    model->setSearchText(search);
    QCOMPARE(lastNames(*model), expected);
}

void TestMemberTableModel::sortsLikeAFrenchReader()
{
    auto model = makeModel();
    // É sorts with E, not after Z; ties broken by first name (Anaïs Cote before Hélène Côté).
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté"), QString::fromUtf8("Émond"),
                          QStringLiteral("Smith"), QStringLiteral("Tremblay"), QStringLiteral("Zola")}));
    model->sort(model->columnOf(MemberField::LastName), Qt::DescendingOrder);
    QCOMPARE(lastNames(*model).first(), QStringLiteral("Zola"));
    model->sort(model->columnOf(MemberField::FirstName), Qt::AscendingOrder);
    QCOMPARE(model->data(model->index(0, model->columnOf(MemberField::FirstName))).toString(),
             QString::fromUtf8("Anaïs"));
    QCOMPARE(model->data(model->index(1, model->columnOf(MemberField::FirstName))).toString(),
             QString::fromUtf8("Émile"));
    model->sort(model->columnOf(MemberField::Section), Qt::AscendingOrder); // sorted by SQL
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->data(model->index(5, model->columnOf(MemberField::Section))).toString(), QStringLiteral("MPL"));
}

void TestMemberTableModel::selectionsFilter()
{
    auto model = makeModel();
    model->setSelection({Selection::Kind::Section, QStringLiteral("CPL")});
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté"), QString::fromUtf8("Émond")}));
    model->setSearchText(QStringLiteral("cote"));
    QCOMPARE(model->rowCount(), 2);
    model->setSelection({Selection::Kind::Section, QString()});
    QCOMPARE(model->rowCount(), 0);
    model->setSearchText(QString());
    QCOMPARE(lastNames(*model), QStringList{QStringLiteral("Zola")});
    QCOMPARE(model->totalCount(), 6);
}

void TestMemberTableModel::pagesThroughManyRows()
{
    QSqlQuery q(m_db->context().database().connection());
    const QString name =
        m_db->isServer() ? QStringLiteral("'Name' || to_char(i, 'FM0000')") : QStringLiteral("printf('Name%04d', i)");
    QVERIFY(
        q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                              "INSERT INTO members (first_name, last_name, email, email_key, created_at, updated_at) "
                              "SELECT 'P' || i, %1, 'p' || i || '@example.org', "
                              "'p' || i || '@example.org', 'x', 'x' FROM n")
                   .arg(name)));
    auto model = makeModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 1006);
    const int column = model->columnOf(MemberField::LastName);
    QCOMPARE(model->data(model->index(1002, column)).toString(), QStringLiteral("Name1000"));
    QCOMPARE(model->data(model->index(130, column)).toString(), QStringLiteral("Name0128"));
    QCOMPARE(model->data(model->index(1005, column)).toString(), QStringLiteral("Zola"));
    model->setSearchText(QStringLiteral("name09"));
    QCOMPARE(model->rowCount(), 100);
    // A small selection is sorted directly rather than through the cached order: same result.
    model->setSearchText(QString());
    model->setSelection({Selection::Kind::Section, QStringLiteral("CPL")});
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté"), QString::fromUtf8("Émond")}));
    model->sort(column, Qt::DescendingOrder);
    QCOMPARE(lastNames(*model),
             (QStringList{QString::fromUtf8("Émond"), QString::fromUtf8("Côté"), QStringLiteral("Cote")}));
}

void TestMemberTableModel::opensALargeListOnItsFirstRows()
{
    // What a million members do on a server (the whole list in order is seconds of sorting there), with
    // the limits lowered: more than 3 members open on the first 2 rows, the rest counted and empty until
    // the search index brings the whole list in its order.
    MemberTableModel::setOpeningLimits(3, 2);
    auto restore = qScopeGuard([] { MemberTableModel::setOpeningLimits(100000, 1000); });
    auto model = std::make_unique<MemberTableModel>(m_db->members(), m_db->clock());
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int column = model->columnOf(MemberField::LastName);
    QVERIFY(!model->isIndexReady()); // it arrives through the event loop, which has not run yet
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->totalCount(), 6);
    QCOMPARE(model->data(model->index(0, column)).toString(), QStringLiteral("Cote")); // the database's order
    QVERIFY(model->memberIdAt(1) != 0);
    QCOMPARE(model->memberIdAt(2), 0); // not read yet
    QCOMPARE(model->data(model->index(5, column)), QVariant());
    QCOMPARE(model->data(model->index(5, column), MemberTableModel::MemberIdRole).toLongLong(), 0);
    QSignalSpy ready(model.get(), &MemberTableModel::indexReady);
    QVERIFY(ready.wait(10000));
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté"), QString::fromUtf8("Émond"),
                          QStringLiteral("Smith"), QStringLiteral("Tremblay"), QStringLiteral("Zola")}));
    QVERIFY(model->memberIdAt(5) != 0);
}

void TestMemberTableModel::readsALargeListOnAWorker()
{
    // What a million members do, with the threshold lowered to 3: once the index is ready, a new selection or
    // an order the index cannot give is read on a worker with its own connection; the table keeps showing the
    // old list in its old order until the new one is there; a newer request supersedes an older one; an
    // order the index gives is applied at once; an error leaves the list as it was.
    MemberTableModel::setReadAsideAbove(3);
    auto restore = qScopeGuard([] { MemberTableModel::setReadAsideAbove(50000); });
    auto model = std::make_unique<MemberTableModel>(m_db->members(), m_db->clock());
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QThread *resolvedOn = nullptr;
    qint64 firstId = 0;
    model->setWorkerResolver(
        [&resolvedOn, &firstId](Storage::Database &,
                                const Selection &selection) -> std::optional<Core::Result<std::vector<qint64>>> {
            resolvedOn = QThread::currentThread();
            if (selection.kind == Selection::Kind::ConsentWithdrawn)
                return Core::Result<std::vector<qint64>>(
                    Core::Error::make(Core::Error::Code::Storage, QStringLiteral("refused")));
            if (!selection.isConsent())
                return std::nullopt;
            return Core::Result<std::vector<qint64>>(std::vector<qint64>{firstId});
        });
    model->setSelectionResolver([&firstId](const Selection &) {
        return Core::Result<std::vector<qint64>>(std::vector<qint64>{firstId, firstId + 1});
    });
    QSignalSpy reading(model.get(), &MemberTableModel::readingChanged);
    auto settled = [&model] { return model->isIndexReady() && !model->isSortPending(); };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000);
    const QStringList byName{QStringLiteral("Cote"),  QString::fromUtf8("Côté"),  QString::fromUtf8("Émond"),
                             QStringLiteral("Smith"), QStringLiteral("Tremblay"), QStringLiteral("Zola")};
    QCOMPARE(lastNames(*model), byName);
    QVERIFY(!reading.isEmpty()); // the whole list after the index came was read on the worker
    firstId = model->memberIdAt(0);

    // The index's order: applied at once, nothing read.
    reading.clear();
    model->sort(model->columnOf(MemberField::LastName), Qt::DescendingOrder);
    QVERIFY(!model->isSortPending());
    QCOMPARE(lastNames(*model).first(), QStringLiteral("Zola"));
    QVERIFY(reading.isEmpty());

    // An order SQL gives: the old order stays until the new one arrives.
    const QStringList descending = lastNames(*model);
    model->sort(model->columnOf(MemberField::Section), Qt::AscendingOrder);
    QVERIFY(model->isSortPending());
    QCOMPARE(reading.size(), 1);
    QCOMPARE(reading.first().first().toBool(), true);
    QCOMPARE(lastNames(*model), descending);
    QTRY_VERIFY(!model->isSortPending());
    QCOMPARE(reading.last().first().toBool(), false);
    QCOMPARE(model->data(model->index(0, model->columnOf(MemberField::Section))).toString(), QString());
    QCOMPARE(model->data(model->index(5, model->columnOf(MemberField::Section))).toString(), QStringLiteral("MPL"));

    // Two requests in a row: only the second counts.
    model->sort(model->columnOf(MemberField::Section), Qt::DescendingOrder);
    model->setSelection({Selection::Kind::Section, QStringLiteral("MPL")});
    QTRY_VERIFY(!model->isSortPending());
    QCOMPARE(lastNames(*model), (QStringList{QStringLiteral("Smith"), QStringLiteral("Tremblay")}));
    QCOMPARE(model->totalCount(), 6);

    // A consent selection is decided on the worker, with its own database.
    model->setSelection({Selection::Kind::ConsentMissing, QStringLiteral("newsletter")});
    QTRY_VERIFY(!model->isSortPending());
    QVERIFY(resolvedOn && resolvedOn != QThread::currentThread());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->memberIdAt(0), firstId);
    // One the worker does not decide goes to the window's resolver when the ids arrive.
    model->setSelection({Selection::Kind::Report, QStringLiteral("two")});
    QTRY_VERIFY(!model->isSortPending());
    QCOMPARE(model->rowCount(), 2);

    // A failure: said, and the list shown stays as it was.
    QSignalSpy failed(model.get(), &MemberTableModel::errorOccurred);
    model->setSelection({Selection::Kind::ConsentWithdrawn, QStringLiteral("newsletter")});
    QTRY_VERIFY(!model->isSortPending());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("refused"));
    QCOMPARE(model->rowCount(), 2);

    // Edits while a read is running are not lost: the list is read again with them.
    model->setSelection({Selection::Kind::All, {}});
    Core::Member added;
    added.firstName = QStringLiteral("Nouvelle");
    added.lastName = QStringLiteral("Aubin");
    added.email = QStringLiteral("nouvelle.aubin@example.org");
    auto saved = m_db->members().save(added);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    model->memberSaved(saved.value());
    QTRY_VERIFY(!model->isSortPending());
    QCOMPARE(model->rowCount(), 7);
    // Descending by section, then by id: the two without a section last, the newer first.
    QCOMPARE(lastNames(*model).mid(5), (QStringList{QStringLiteral("Aubin"), QStringLiteral("Zola")}));
}

void TestMemberTableModel::followsEditsInThisProcess()
{
    auto model = makeModel();
    Core::Member m;
    m.firstName = QStringLiteral("Océane");
    m.lastName = QStringLiteral("Bélanger");
    m.email = QStringLiteral("oceane@example.org");
    auto saved = m_db->members().save(m);
    QVERIFY(saved.ok());
    model->memberSaved(saved.value());
    QCOMPARE(model->rowCount(), 7);
    QCOMPARE(lastNames(*model).first(), QString::fromUtf8("Bélanger"));
    model->setSearchText(QStringLiteral("oceane"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->memberIdAt(0), saved.value().id);
    QVERIFY(m_db->members().remove(saved.value().id).ok());
    model->memberRemoved(saved.value().id);
    QCOMPARE(model->rowCount(), 0);
    model->setSearchText(QString());
    QCOMPARE(model->rowCount(), 6);
}

void TestMemberTableModel::noticesChangesFromAnotherProgram()
{
    auto model = makeModel();
    QCOMPARE(model->rowCount(), 6);
    // A second AppContext on the same file: another program as far as this connection knows.
    auto other = AppContext::open(m_db->path(), std::make_unique<FixedClock>(),
                                  std::make_unique<Settings::AppSettings>(std::make_unique<QSettings>(
                                      m_db->dir() + QStringLiteral("/other.ini"), QSettings::IniFormat)));
    QVERIFY(other.ok());
    Core::Member m;
    m.firstName = QStringLiteral("Gaëlle");
    m.lastName = QStringLiteral("Ailleurs");
    m.email = QStringLiteral("gaelle@example.org");
    QVERIFY(other.value()->members().save(m).ok());
    QSignalSpy ready(model.get(), &MemberTableModel::indexReady);
    model->checkForOutsideChanges();
    QCOMPARE(model->rowCount(), 7);
    QVERIFY(ready.wait(10000));
    model->setSearchText(QStringLiteral("gaelle"));
    QCOMPARE(lastNames(*model), QStringList{QStringLiteral("Ailleurs")});
}

void TestMemberTableModel::placesAChangeWithoutReadingTheListAgain()
{
    // A changed member (another window's edit, heard through the server's notifications) is read alone and
    // moved to its place; the rest of the list is not read again, the current row stays on its member.
    auto model = makeModel(); // its search index ready
    QVERIFY(model->isIndexReady());
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int column = model->columnOf(MemberField::LastName);
    for (int row = 0; row < model->rowCount(); ++row) // every page read, as a view showing them all would
        (void)model->data(model->index(row, column));
    const qint64 smith = model->memberIdAt(3);
    QCOMPARE(model->data(model->index(3, column)).toString(), QStringLiteral("Smith"));
    const QPersistentModelIndex current = model->index(3, column); // what a view's current row holds
    const qint64 zola = model->memberIdAt(5);

    // Zola becomes Abadie: read alone, moved to the top; Smith is now one row lower.
    Core::Member z = m_db->members().find(zola).value();
    z.lastName = QStringLiteral("Abadie");
    QVERIFY(m_db->members().save(z).ok());
    const qint64 before = model->rowsRead();
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->membersChangedElsewhere({zola});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Abadie"), QStringLiteral("Cote"), QString::fromUtf8("Côté"),
                          QString::fromUtf8("Émond"), QStringLiteral("Smith"), QStringLiteral("Tremblay")}));
    QCOMPARE(current.row(), 4);
    QCOMPARE(model->memberIdAt(current.row()), smith);
    QVERIFY2(model->rowsRead() - before <= 1 + 6, qPrintable(QString::number(model->rowsRead() - before)));

    // A change that keeps the order: the row's values change in place, nothing else is read.
    Core::Member s = m_db->members().find(smith).value();
    s.city = QStringLiteral("Lyon");
    QVERIFY(m_db->members().save(s).ok());
    const qint64 before2 = model->rowsRead();
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    model->membersChangedElsewhere({smith});
    QCOMPARE(model->rowsRead() - before2, 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model->data(model->index(4, model->columnOf(MemberField::City))).toString(), QStringLiteral("Lyon"));
    QCOMPARE(model->rowsRead() - before2, 1); // the cached page took the new values

    // Added and deleted elsewhere: inserted at its place, taken out; the total follows.
    Core::Member added;
    added.firstName = QStringLiteral("Inès");
    added.lastName = QStringLiteral("Dubé");
    added.email = QStringLiteral("ines@example.org");
    auto saved = m_db->members().save(added);
    QVERIFY(saved.ok());
    QVERIFY(m_db->members().remove(zola).ok());
    model->membersChangedElsewhere({saved.value().id, zola});
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté"), QString::fromUtf8("Dubé"),
                          QString::fromUtf8("Émond"), QStringLiteral("Smith"), QStringLiteral("Tremblay")}));
    QCOMPARE(model->totalCount(), 6);
    QCOMPARE(model->memberIdAt(current.row()), smith);
    // The same list as a model reading everything again.
    auto fresh = makeModel();
    QCOMPARE(lastNames(*fresh), lastNames(*model));
    // Descending order too.
    model->sort(column, Qt::DescendingOrder);
    Core::Member i = m_db->members().find(saved.value().id).value();
    i.lastName = QStringLiteral("Zz");
    QVERIFY(m_db->members().save(i).ok());
    model->membersChangedElsewhere({i.id});
    QCOMPARE(lastNames(*model).first(), QStringLiteral("Zz"));
}

void TestMemberTableModel::placesChangesInASelectionAndASearch()
{
    auto model = makeModel(); // its search index ready
    QVERIFY(model->isIndexReady());
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->setSelection({Selection::Kind::Section, QStringLiteral("CPL")});
    QCOMPARE(model->rowCount(), 3);
    // Smith moves into CPL; Émond moves out.
    const auto all = m_db->members().list(Storage::MemberQuery{}).value();
    qint64 smith = 0;
    qint64 emond = 0;
    for (const Core::Member &m : all) {
        if (m.lastName == QStringLiteral("Smith"))
            smith = m.id;
        if (m.lastName == QString::fromUtf8("Émond"))
            emond = m.id;
    }
    Core::Member s = m_db->members().find(smith).value();
    s.section = QStringLiteral("CPL");
    QVERIFY(m_db->members().save(s).ok());
    Core::Member e = m_db->members().find(emond).value();
    e.section = QStringLiteral("MPL");
    QVERIFY(m_db->members().save(e).ok());
    model->membersChangedElsewhere({smith, emond});
    QCOMPARE(lastNames(*model),
             (QStringList{QStringLiteral("Cote"), QString::fromUtf8("Côté"), QStringLiteral("Smith")}));
    // With a search: a member that stops matching it leaves the rows shown, one that starts matching comes in.
    model->setSearchText(QStringLiteral("cote"));
    QCOMPARE(model->rowCount(), 2);
    Core::Member renamed = m_db->members().find(smith).value();
    renamed.lastName = QStringLiteral("Côte-Smith");
    QVERIFY(m_db->members().save(renamed).ok());
    model->membersChangedElsewhere({smith});
    QCOMPARE(model->rowCount(), 3);
    model->setSearchText(QString());
    QCOMPARE(model->rowCount(), 3);
    auto fresh = makeModel();
    fresh->setSelection({Selection::Kind::Section, QStringLiteral("CPL")});
    QCOMPARE(lastNames(*fresh), lastNames(*model));
}

void TestMemberTableModel::displaysDatesAndLanguage()
{
    Core::Member m = m_db->members().find(1).value();
    m.membershipEnd = QDate(2027, 3, 31);
    m.language = QStringLiteral("fr");
    QVERIFY(m_db->members().save(m).ok());
    auto model = makeModel();
    const int row = model->rowOfMember(1);
    QVERIFY(row >= 0);
    QCOMPARE(model->data(model->index(row, model->columnOf(MemberField::MembershipEnd)), Qt::EditRole).toDate(),
             QDate(2027, 3, 31));
    QCOMPARE(model->data(model->index(row, model->columnOf(MemberField::MembershipEnd))).toString(),
             QLocale().toString(QDate(2027, 3, 31), QLocale::ShortFormat));
    QCOMPARE(model->data(model->index(row, model->columnOf(MemberField::Language))).toString(),
             QStringLiteral("French"));
    QCOMPARE(model->data(model->index(row, 0), MemberTableModel::MemberIdRole).toLongLong(), 1);
    QCOMPARE(model->headerData(model->columnOf(MemberField::PostalCode), Qt::Horizontal).toString(),
             QStringLiteral("Postal code"));
}

QTEST_GUILESS_MAIN(TestMemberTableModel)
#include "tst_membertablemodel.moc"
