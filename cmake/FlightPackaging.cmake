# SPDX-License-Identifier: GPL-3.0-or-later
# Debian packages (cpack -G DEB in the build directory):
#   flightrec  - the collector, its systemd unit, default configuration (a conffile) and the pull-account set-up;
#                removal keeps the recorded archives (/var/lib/flightrec), purge deletes them and /etc/flightrec.
#   flightdeck - the workstation and flightdeck-cli, the desktop entry and the icon.
# Library dependencies come from dpkg-shlibdeps; Qt plugins loaded at run time (SQL drivers, SVG) are named by hand.
# tests/auto/packaging builds, inspects, installs, upgrades, removes and purges them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME flight-recorder)
set(CPACK_PACKAGE_VENDOR "Flight Recorder for Linux")
set(CPACK_PACKAGE_CONTACT "Flight Recorder developers <flight-recorder@localhost>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL flightrec flightdeck)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/flight-recorder")

set(CPACK_DEBIAN_FLIGHTREC_PACKAGE_NAME flightrec)
set(CPACK_COMPONENT_FLIGHTREC_DESCRIPTION
    "Flight Recorder for Linux collector\n Records process, file, network and integrity events of this host into signed archives for a\n workstation to pull (or to be pushed), with eBPF, fanotify and netlink capture.")
set(CPACK_DEBIAN_FLIGHTREC_PACKAGE_DEPENDS "openssh-server")
set(CPACK_DEBIAN_FLIGHTREC_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/installer/debian/flightrec/conffiles;${PROJECT_SOURCE_DIR}/installer/debian/flightrec/postinst;${PROJECT_SOURCE_DIR}/installer/debian/flightrec/prerm;${PROJECT_SOURCE_DIR}/installer/debian/flightrec/postrm")
set(CPACK_DEBIAN_FLIGHTREC_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_FLIGHTDECK_PACKAGE_NAME flightdeck)
set(CPACK_DEBIAN_FLIGHTDECK_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_FLIGHTDECK_DESCRIPTION
    "Flight Recorder for Linux investigation workstation\n Pulls signed archives from many hosts over SSH, verifies and imports them into SQLite or\n PostgreSQL, and shows process trees, file access, network maps, timelines and incident reports.")
set(CPACK_DEBIAN_FLIGHTDECK_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6")

include(CPack)
