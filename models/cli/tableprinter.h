// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QList>
#include <QString>
#include <QStringList>

// Text tables for a terminal: columns sized to their content, the flexible ones shrunk
// (with "…") until the table fits the width, and the status coloured like the GUI's
// badges when colour is on.
class TablePrinter
{
public:
    struct Column
    {
        QString title;
        bool flexible = false;   // may be shortened to fit
        int minimum = 4;
    };

    TablePrinter(QList<Column> columns, int width, bool color);

    // status drives the colour of the first cell; Unset means none.
    void addRow(const QStringList &cells, Status status = Status::Unset);
    QString render() const;

    // The ANSI sequence that colours text like a badge's solid colour ("" without colour).
    static QString colorStart(Status status);
    static QString colorEnd();

private:
    QList<int> columnWidths() const;

    QList<Column> m_columns;
    QList<QStringList> m_rows;
    QList<Status> m_statuses;
    int m_width;   // 0: no limit
    bool m_color;
};

// CSV as RFC 4180 has it: commas, CRLF, quotes doubled inside quoted fields.
namespace Csv {
QString line(const QStringList &fields);
}
