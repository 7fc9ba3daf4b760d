# `cpack -G DEB` from the build folder builds carnet_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME "carnet")
set(CPACK_PACKAGE_VENDOR "Carnet developers")
set(CPACK_PACKAGE_CONTACT "Carnet developers <dev@carnet.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Member list, consent and mailing for small associations")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
# Library dependencies come from dpkg-shlibdeps; the SQLite driver plugin and the translations of
# Qt's own dialogs are loaded at run time, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
include(CPack)
