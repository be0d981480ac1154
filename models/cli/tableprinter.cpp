// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableprinter.h"

#include "domain/statuspalette.h"

TablePrinter::TablePrinter(QList<Column> columns, int width, bool color)
    : m_columns(std::move(columns))
    , m_width(width)
    , m_color(color)
{
}

void TablePrinter::addRow(const QStringList &cells, Status status)
{
    m_rows.append(cells);
    m_statuses.append(status);
}

QList<int> TablePrinter::columnWidths() const
{
    QList<int> widths;
    for (const Column &column : m_columns)
        widths.append(int(column.title.size()));
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < widths.size() && c < row.size(); ++c)
            widths[c] = std::max(widths[c], int(row[c].size()));
    }
    if (m_width <= 0)
        return widths;
    // Shrink the widest flexible column a character at a time until the table fits.
    auto total = [&] {
        int sum = 2 * (int(widths.size()) - 1);
        for (int w : widths)
            sum += w;
        return sum;
    };
    while (total() > m_width) {
        int widest = -1;
        for (int c = 0; c < widths.size(); ++c) {
            if (m_columns[c].flexible && widths[c] > m_columns[c].minimum
                && (widest < 0 || widths[c] > widths[widest])) {
                widest = c;
            }
        }
        if (widest < 0)
            break;  // nothing left to shrink: let the terminal wrap
        --widths[widest];
    }
    return widths;
}

QString TablePrinter::render() const
{
    const QList<int> widths = columnWidths();
    auto fit = [](const QString &text, int width) -> QString {
        if (text.size() <= width)
            return text;
        return text.left(std::max(0, width - 1)) + u'…';
    };
    QString out;
    auto emitRow = [&](const QStringList &cells, Status status, bool header) {
        QString line;
        for (int c = 0; c < widths.size(); ++c) {
            QString cell = fit(cells.value(c), widths[c]);
            const bool last = c == widths.size() - 1;
            const int pad = widths[c] - int(cell.size());
            if (c == 0 && m_color && status != Status::Unset)
                cell = colorStart(status) + cell + colorEnd();
            if (header && m_color)
                cell = QStringLiteral("\x1b[1m") + cell + colorEnd();
            line += cell;
            if (!last)
                line += QString(pad + 2, u' ');
        }
        out += line + u'\n';
    };
    QStringList titles;
    for (const Column &column : m_columns)
        titles.append(column.title);
    emitRow(titles, Status::Unset, true);
    for (int r = 0; r < m_rows.size(); ++r)
        emitRow(m_rows[r], m_statuses[r], false);
    return out;
}

QString TablePrinter::colorStart(Status status)
{
    // The light palette's solid colours read on both light and dark terminals.
    const quint32 rgb = StatusPalette::colors(status, Theme::Light).solid;
    const bool loud = StatusTaxonomy::isFailure(status);
    // Bold for failures, then a 24-bit foreground colour.
    return QStringLiteral("\x1b[") + (loud ? QStringLiteral("1;") : QString())
        + QStringLiteral("38;2;%1;%2;%3m").arg((rgb >> 16) & 0xFF).arg((rgb >> 8) & 0xFF).arg(rgb & 0xFF);
}

QString TablePrinter::colorEnd()
{
    return QStringLiteral("\x1b[0m");
}

QString Csv::line(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &field : fields) {
        if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
            QString escaped = field;
            escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            quoted.append(u'"' + escaped + u'"');
        } else {
            quoted.append(field);
        }
    }
    return quoted.join(u',') + QStringLiteral("\r\n");
}
