#include "TempDatabase.h"

#include "TestServer.h"

#include <QSettings>

TempDatabase::TempDatabase() : m_path(m_dir.filePath(QStringLiteral("carnet.sqlite")))
{
    if (TestServer::enabled()) {
        m_url = TestServer::createDatabase();
        if (m_url.isEmpty()) {
            m_error = QStringLiteral("no database on the test server");
            return;
        }
        m_path = m_url;
    }
    reopen();
}

TempDatabase::~TempDatabase()
{
    m_context.reset();
    if (!m_url.isEmpty())
        TestServer::dropDatabase(m_url);
}

bool TempDatabase::reopen()
{
    m_context.reset();
    auto clock = std::make_unique<FixedClock>();
    m_clock = clock.get();
    auto settings = std::make_unique<Settings::AppSettings>(
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    auto context = AppContext::open(m_path, std::move(clock), std::move(settings));
    if (!context.ok()) {
        m_error = context.error().message;
        return false;
    }
    m_context = std::move(context).value();
    return true;
}

Core::Member TempDatabase::add(const QString &first, const QString &last, const QString &email, const QString &section,
                               const QString &category)
{
    Core::Member m;
    m.firstName = first;
    m.lastName = last;
    m.email = email;
    m.noEmail = email.isEmpty();
    m.section = section;
    m.category = category;
    auto saved = members().save(m);
    if (!saved.ok()) {
        qWarning("TempDatabase::add failed: %s", qPrintable(saved.error().message));
        return {};
    }
    return saved.value();
}
