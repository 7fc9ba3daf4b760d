// The report filter's query builder on a real SQLite file: each operator, parameters, consent sets,
// and a property test with arbitrary and hostile JSON that must never reach SQL as text.
#include "TempDatabase.h"
#include "consent/ConsentService.h"
#include "reports/FilterSpec.h"
#include "reports/QueryBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using Reports::buildFilter;

class TestQueryBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filters_data();
    void filters();
    void parameters();
    void consentConditions();
    void refusesWhatIsNotAFilter_data();
    void refusesWhatIsNotAFilter();
    void hostileJsonNeverReachesSql();
    void freeTextFoldsWhatOtherProgramsWrote();

private:
    int count(const QJsonValue &filter, const QHash<QString, QString> &params = {}, QString *error = nullptr);
    std::unique_ptr<TempDatabase> m_db;
};

void TestQueryBuilder::init()
{
    m_db = std::make_unique<TempDatabase>();
    QVERIFY(m_db->ok());
    Core::Member m = m_db->add(QStringLiteral("Hélène"), QStringLiteral("Côté"), QStringLiteral("helene@exemple.fr"),
                               QStringLiteral("CPL"), QStringLiteral("A"));
    m.city = QStringLiteral("Montréal");
    m.postalCode = QStringLiteral("H2X 1Y4");
    m.membershipEnd = QDate(2026, 12, 31);
    m.extra.insert(QStringLiteral("Bénévole"), QStringLiteral("oui"));
    QVERIFY(m_db->members().save(m).ok());
    Core::Member j = m_db->add(QStringLiteral("Jean"), QStringLiteral("Tremblay"), QStringLiteral("jean@example.org"),
                               QStringLiteral("MPL"), QStringLiteral("B"));
    j.city = QStringLiteral("Gatineau");
    j.postalCode = QStringLiteral("J8X 3X7");
    j.membershipEnd = QDate(2025, 6, 30);
    QVERIFY(m_db->members().save(j).ok());
    Core::Member z = m_db->add(QStringLiteral("Zoé"), QStringLiteral("100% Gagnon"), QString(), QStringLiteral("CPL"),
                               QStringLiteral("B"));
    QVERIFY(z.id);
}

void TestQueryBuilder::cleanup()
{
    m_db.reset();
}

int TestQueryBuilder::count(const QJsonValue &filter, const QHash<QString, QString> &params, QString *error)
{
    // The id path (what the report runner falls back to while statuses are pending); the condition path is
    // tested against it in tst_consentstatus and through the report runner in tst_reports.
    auto consent = [this](const QString &purpose, const QString &state) -> Core::Result<Reports::ConsentMatch> {
        const Consent::ConsentSelection kind =
            state == QLatin1String("withdrawn")  ? Consent::ConsentSelection::Withdrawn
            : state == QLatin1String("expiring") ? Consent::ConsentSelection::Expiring
                                                 : Consent::ConsentSelection::Missing;
        if (state == QLatin1String("eligible")) {
            auto e = m_db->context().consent().eligible(purpose);
            if (!e.ok())
                return e.error();
            return Reports::ConsentMatch{std::nullopt, e.value().eligible};
        }
        auto ids = m_db->context().consent().select(purpose, kind);
        if (!ids.ok())
            return ids.error();
        return Reports::ConsentMatch{std::nullopt, ids.value()};
    };
    auto built = buildFilter(filter, params, consent, QDate(2026, 6, 1), m_db->context().database().engine());
    if (!built.ok()) {
        if (error)
            *error = built.error().message;
        return -1;
    }
    QSqlQuery q(m_db->context().database().connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM members %1")
                  .arg(built.value().where.isEmpty() ? QString() : QStringLiteral("WHERE ") + built.value().where));
    for (const QVariant &v : built.value().bindings)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = QStringLiteral("SQL: ") + q.lastError().text();
        return -2;
    }
    return q.value(0).toInt();
}

void TestQueryBuilder::filters_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("expected");
    QTest::newRow("none") << "{}" << 3;
    QTest::newRow("eq") << R"({"field":"section","op":"eq","value":"CPL"})" << 2;
    QTest::newRow("ne (nulls included)") << R"({"field":"city","op":"ne","value":"Gatineau"})" << 2;
    QTest::newRow("in") << R"({"field":"category","op":"in","value":["A","B"]})" << 3;
    QTest::newRow("contains, % is literal") << R"({"field":"last_name","op":"contains","value":"100%"})" << 1;
    QTest::newRow("contains _ literal") << R"({"field":"last_name","op":"contains","value":"_"})" << 0;
    QTest::newRow("starts_with postal code") << R"({"field":"postal_code","op":"starts_with","value":"H2X"})" << 1;
    QTest::newRow("before") << R"({"field":"membership_end","op":"before","value":"2026-01-01"})" << 1;
    QTest::newRow("after") << R"({"field":"membership_end","op":"after","value":"2026-01-01"})" << 1;
    QTest::newRow("between") << R"({"field":"membership_end","op":"between","value":["2025-01-01","2026-12-31"]})" << 2;
    QTest::newRow("is_empty email") << R"({"field":"email","op":"is_empty"})" << 1;
    QTest::newRow("is_not_empty email") << R"({"field":"email","op":"is_not_empty"})" << 2;
    QTest::newRow("extra attribute") << R"({"field":"extra.Bénévole","op":"eq","value":"oui"})" << 1;
    QTest::newRow("all")
        << R"({"all":[{"field":"section","op":"eq","value":"CPL"},{"field":"category","op":"eq","value":"B"}]})" << 1;
    QTest::newRow("any")
        << R"({"any":[{"field":"city","op":"eq","value":"Gatineau"},{"field":"city","op":"eq","value":"Montréal"}]})"
        << 2;
    QTest::newRow("nested")
        << R"({"all":[{"field":"section","op":"eq","value":"CPL"},{"any":[{"field":"email","op":"is_empty"},{"field":"city","op":"eq","value":"Montréal"}]}]})"
        << 2;
    QTest::newRow("empty any") << R"({"any":[]})" << 0;
    // Membership status, counted from 2026-06-01.
    QTest::newRow("membership active") << R"({"field":"membership","op":"eq","value":"active"})" << 1;
    QTest::newRow("membership not active (no dates included)")
        << R"({"field":"membership","op":"ne","value":"active"})" << 2;
    QTest::newRow("membership expired") << R"({"field":"membership","op":"eq","value":"expired"})" << 1;
    QTest::newRow("membership ending, default 60 days") << R"({"field":"membership","op":"eq","value":"ending"})" << 0;
    QTest::newRow("membership ending within 250 days")
        << R"({"field":"membership","op":"eq","value":"ending","days":250})" << 1;
    // Free text: names, email, number, city, postal code.
    QTest::newRow("text in a last name") << R"({"field":"text","op":"contains","value":"tremb"})" << 1;
    QTest::newRow("text in an email") << R"({"field":"text","op":"contains","value":"exemple.fr"})" << 1;
    QTest::newRow("text in a postal code") << R"({"field":"text","op":"contains","value":"J8X"})" << 1;
    QTest::newRow("text, % literal") << R"({"field":"text","op":"contains","value":"%"})" << 1;
    // Folded as the member table's search folds: case, accents, ligatures, on both engines.
    QTest::newRow("text without accents") << R"({"field":"text","op":"contains","value":"helene cote"})" << 1;
    QTest::newRow("text in capitals") << R"({"field":"text","op":"contains","value":"HÉLÈNE"})" << 1;
    QTest::newRow("text in a city, no accent") << R"({"field":"text","op":"contains","value":"montreal"})" << 1;
    QTest::newRow("text, spaces around") << R"({"field":"text","op":"contains","value":"  zoe  "})" << 1;
    QTest::newRow("text across no field") << R"({"field":"text","op":"contains","value":"jeanne"})" << 0;
    QTest::newRow("SQL in a value is a value") << R"({"field":"city","op":"eq","value":"x' OR '1'='1"})" << 0;
}

// A member written by another program (psql, the sqlite3 shell), in capitals with a ligature: the free text
// folds the table's own text when it reads it, so nothing has to be kept up to date beside it.
void TestQueryBuilder::freeTextFoldsWhatOtherProgramsWrote()
{
    QSqlQuery q(m_db->context().database().connection());
    QVERIFY2(q.exec(QString::fromUtf8("INSERT INTO members (first_name, last_name, city, created_at, updated_at) "
                                      "VALUES ('ÉMILE', 'Œuvray', 'Trois-Rivières', '2026-01-01T00:00:00Z', "
                                      "'2026-01-01T00:00:00Z')")),
             qPrintable(q.lastError().text()));
    auto text = [this](const char *value) {
        return count(QJsonObject{{QStringLiteral("field"), QStringLiteral("text")},
                                 {QStringLiteral("op"), QStringLiteral("contains")},
                                 {QStringLiteral("value"), QString::fromUtf8(value)}});
    };
    QCOMPARE(text("emile"), 1);
    QCOMPARE(text("Émile"), 1);
    QCOMPARE(text("oeuvray"), 1);
    QCOMPARE(text("Œuvray"), 1);
    QCOMPARE(text("emile oeuvray trois-rivieres"), 1); // the fields joined by a space, in their order
    QCOMPARE(text("rivieres"), 1);
    QCOMPARE(text("e"), 4); // é, è and É are e
}

void TestQueryBuilder::filters()
{
    QFETCH(QString, json);
    QFETCH(int, expected);
    QString error;
    QCOMPARE(count(QJsonDocument::fromJson(json.toUtf8()).object(), {}, &error), expected);
}

void TestQueryBuilder::parameters()
{
    const QJsonObject filter =
        QJsonDocument::fromJson(R"({"field":"section","op":"eq","value":{"param":"section","label":"Which section?"}})")
            .object();
    QCOMPARE(Reports::filterParameters(filter).value(QStringLiteral("section")), QStringLiteral("Which section?"));
    QString error;
    QCOMPARE(count(filter, {}, &error), -1);
    QVERIFY(error.contains(QStringLiteral("--param section=")));
    QCOMPARE(count(filter, {{QStringLiteral("section"), QStringLiteral("MPL")}}), 1);
}

void TestQueryBuilder::consentConditions()
{
    const qint64 jean = m_db->members().findByEmail(QStringLiteral("jean@example.org")).value().id;
    Consent::GrantRequest r;
    r.purpose = QStringLiteral("newsletter");
    r.source = QStringLiteral("form");
    QVERIFY(m_db->context().consent().record(jean, r).ok());
    const QJsonObject eligible =
        QJsonDocument::fromJson(R"({"field":"consent.newsletter","op":"eq","value":"eligible"})").object();
    QCOMPARE(count(eligible), 1);
    const QJsonObject notEligible =
        QJsonDocument::fromJson(R"({"field":"consent.newsletter","op":"ne","value":"eligible"})").object();
    QCOMPARE(count(notEligible), 2);
    Consent::WithdrawRequest w;
    w.purposes = {QStringLiteral("newsletter")};
    w.source = QStringLiteral("reply");
    QVERIFY(m_db->context().consent().withdraw(jean, w).ok());
    QCOMPARE(count(eligible), 0);
    QCOMPARE(count(QJsonDocument::fromJson(R"({"field":"consent.newsletter","op":"eq","value":"withdrawn"})").object()),
             1);
    QString error;
    QCOMPARE(count(QJsonDocument::fromJson(R"({"field":"consent.raffle","op":"eq","value":"eligible"})").object(), {},
                   &error),
             -1);
}

void TestQueryBuilder::refusesWhatIsNotAFilter_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("unknown field") << R"({"field":"password","op":"eq","value":"x"})";
    QTest::newRow("field with SQL") << R"({"field":"email); DROP TABLE members; --","op":"eq","value":"x"})";
    QTest::newRow("unknown op") << R"({"field":"email","op":"like","value":"x"})";
    QTest::newRow("object value") << R"({"field":"email","op":"eq","value":{"x":1}})";
    QTest::newRow("array for eq") << R"({"field":"email","op":"eq","value":["a"]})";
    QTest::newRow("between with one") << R"({"field":"email","op":"between","value":["a"]})";
    QTest::newRow("in empty") << R"({"field":"email","op":"in","value":[]})";
    QTest::newRow("all and any") << R"({"all":[],"any":[]})";
    QTest::newRow("group not a list") << R"({"all":{"field":"email"}})";
    QTest::newRow("element not an object") << R"({"all":[1,2]})";
    QTest::newRow("extra with a quote in its name") << R"({"field":"extra.a\"b","op":"eq","value":"x"})";
    QTest::newRow("membership, unknown state") << R"({"field":"membership","op":"eq","value":"paid"})";
    QTest::newRow("membership, contains") << R"({"field":"membership","op":"contains","value":"active"})";
    QTest::newRow("membership, 0 days") << R"({"field":"membership","op":"eq","value":"ending","days":0})";
    QTest::newRow("membership, days as text") << R"({"field":"membership","op":"eq","value":"ending","days":"9"})";
    QTest::newRow("text with eq") << R"({"field":"text","op":"eq","value":"x"})";
    QTest::newRow("text, a list") << R"({"field":"text","op":"contains","value":["x"]})";
    QTest::newRow("extra with a control character") << "{\"field\":\"extra.a\\u0000b\",\"op\":\"eq\",\"value\":\"x\"}";
}

void TestQueryBuilder::refusesWhatIsNotAFilter()
{
    QFETCH(QString, json);
    QString error;
    QCOMPARE(count(QJsonDocument::fromJson(json.toUtf8()).object(), {}, &error), -1);
    QVERIFY(!error.isEmpty());
}

namespace {

QJsonValue randomValue(QRandomGenerator &g, int depth);

QString randomText(QRandomGenerator &g)
{
    static const QStringList pieces = {QStringLiteral("'"),
                                       QStringLiteral("\""),
                                       QStringLiteral(";"),
                                       QStringLiteral("--"),
                                       QStringLiteral("DROP TABLE members"),
                                       QStringLiteral("%"),
                                       QStringLiteral("_"),
                                       QStringLiteral("\\"),
                                       QStringLiteral(")"),
                                       QStringLiteral("OR 1=1"),
                                       QStringLiteral("é"),
                                       QStringLiteral("section"),
                                       QStringLiteral("eq"),
                                       QStringLiteral("extra.x"),
                                       QStringLiteral("consent.newsletter"),
                                       QStringLiteral("$.a"),
                                       QStringLiteral("\0")};
    QString out;
    const int n = g.bounded(4);
    for (int i = 0; i < n; ++i)
        out += pieces.at(g.bounded(int(pieces.size())));
    return out;
}

QJsonValue randomNode(QRandomGenerator &g, int depth)
{
    static const QStringList fields = {
        QStringLiteral("section"),        QStringLiteral("email"),          QStringLiteral("city"),
        QStringLiteral("membership_end"), QStringLiteral("extra.Bénévole"), QStringLiteral("consent.newsletter"),
        QStringLiteral("membership"),     QStringLiteral("text"),           QStringLiteral("nope")};
    static const QStringList ops = {
        QStringLiteral("eq"),           QStringLiteral("ne"),          QStringLiteral("in"),
        QStringLiteral("contains"),     QStringLiteral("starts_with"), QStringLiteral("before"),
        QStringLiteral("after"),        QStringLiteral("between"),     QStringLiteral("is_empty"),
        QStringLiteral("is_not_empty"), QStringLiteral("drop")};
    const int kind = g.bounded(depth > 20 ? 2 : 4);
    if (kind == 0 || kind == 1) {
        QJsonObject c;
        c.insert(QStringLiteral("field"),
                 g.bounded(5) ? QJsonValue(fields.at(g.bounded(int(fields.size())))) : QJsonValue(randomText(g)));
        c.insert(QStringLiteral("op"), ops.at(g.bounded(int(ops.size()))));
        c.insert(QStringLiteral("value"), randomValue(g, depth + 1));
        return c;
    }
    QJsonArray children;
    const int n = g.bounded(4);
    for (int i = 0; i < n; ++i)
        children.append(g.bounded(10) ? randomNode(g, depth + 1) : randomValue(g, depth + 1));
    return QJsonObject{{kind == 2 ? QStringLiteral("all") : QStringLiteral("any"), children}};
}

QJsonValue randomValue(QRandomGenerator &g, int depth)
{
    switch (g.bounded(depth > 20 ? 4 : 7)) {
    case 0: return randomText(g);
    case 1: return g.bounded(100000) - 50000;
    case 2: return bool(g.bounded(2));
    case 3: return QJsonValue();
    case 4: return QJsonArray{randomText(g), randomText(g)};
    case 5: return QJsonObject{{QStringLiteral("param"), randomText(g)}};
    default: return randomNode(g, depth + 1);
    }
}

} // namespace

void TestQueryBuilder::hostileJsonNeverReachesSql()
{
    QRandomGenerator g(20261121);
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        const QJsonValue filter = randomNode(g, 0);
        QString error;
        const int n = count(filter, {{QStringLiteral("section"), QStringLiteral("CPL' --")}}, &error);
        // Either refused with a reason, or a query SQLite runs: never an SQL error.
        QVERIFY2(n != -2,
                 qPrintable(error + QStringLiteral(" in ") +
                            QString::fromUtf8(QJsonDocument(filter.toObject()).toJson(QJsonDocument::Compact))));
        if (n >= 0) {
            QVERIFY(n <= 3);
            ++accepted;
            // The wizard's value object says the same thing: its JSON selects the same members.
            auto spec = Reports::FilterSpec::fromJson(filter);
            QVERIFY(spec.ok());
            QString again;
            const int m =
                count(spec.value().toJson(), {{QStringLiteral("section"), QStringLiteral("CPL' --")}}, &again);
            if (m != n)
                qWarning("%s\n%s: %s", QJsonDocument(filter.toObject()).toJson().constData(),
                         QJsonDocument(spec.value().toJson().toObject()).toJson().constData(), qPrintable(again));
            QCOMPARE(m, n);
            QCOMPARE(Reports::FilterSpec::fromJson(spec.value().toJson()).value(), spec.value());
        } else {
            QVERIFY(!error.isEmpty());
        }
    }
    QVERIFY2(accepted > 100, qPrintable(QString::number(accepted))); // the generator also makes valid filters
    // Deep nesting is refused, not a stack overflow.
    QJsonObject deep{{QStringLiteral("field"), QStringLiteral("email")},
                     {QStringLiteral("op"), QStringLiteral("is_empty")}};
    for (int i = 0; i < 500; ++i)
        deep = QJsonObject{{QStringLiteral("all"), QJsonArray{deep}}};
    QString error;
    QCOMPARE(count(deep, {}, &error), -1);
    // The table is intact.
    QCOMPARE(m_db->members().count().value(), 3);
}

QTEST_GUILESS_MAIN(TestQueryBuilder)
#include "tst_querybuilder.moc"
