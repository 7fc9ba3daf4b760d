#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

namespace Core::Translations {

QLocale localeFor(const QString &language)
{
    if (language.isEmpty() || language == QLatin1String("system"))
        return QLocale::system();
    return QLocale(language);
}

void install(QCoreApplication &app, const QString &language)
{
    const QLocale locale = localeFor(language);
    if (!language.isEmpty() && language != QLatin1String("system"))
        QLocale::setDefault(locale);

    auto load = [&app](const QString &file, const QString &dir) {
        auto *translator = new QTranslator(&app);
        if (translator->load(file, dir))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    };
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        load(QStringLiteral("carnet_en"), QStringLiteral(":/i18n")); // English plural forms
        return;
    }
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QString lang = QLocale::languageToCode(locale.language());
    load(QStringLiteral("qtbase_") + lang, qtDir);
    load(QStringLiteral("carnet_") + lang, QStringLiteral(":/i18n"));
    // Regional wording (fr_CA: "cellulaire", "courriel"…) overrides the language's translation.
    // Only when that exact file exists: QTranslator would otherwise fall back to carnet_fr again.
    const QString regional =
        QStringLiteral("carnet_") + lang + QLatin1Char('_') + QLocale::territoryToCode(locale.territory());
    if (QFile::exists(QStringLiteral(":/i18n/") + regional + QStringLiteral(".qm")))
        load(regional, QStringLiteral(":/i18n"));
}

} // namespace Core::Translations
