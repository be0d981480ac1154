// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "session/session.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taskmon"));
    QApplication::setOrganizationName(QStringLiteral("taskmon"));

    Session session;
    MainWindow window(&session);
    window.show();
    session.start();
    return QApplication::exec();
}
