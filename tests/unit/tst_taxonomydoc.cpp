// SPDX-License-Identifier: GPL-3.0-or-later
// docs/status-taxonomy.md against the registry: every table row of the document, in order,
// must say what the descriptors declare, and every status and action must have its row.
// TASKMON_PRINT_TAXONOMY=1 prints the tables as the registry has them, to paste into the
// document after a descriptor changed (and then read them over).
#include "system/systemregistry.h"
#include "systems/registersystems.h"

#include <QFile>
#include <QStringList>
#include <QTest>
#include <QTextStream>

#include <cstdio>

namespace {
const QStringList StatusHeader{QStringLiteral("#"),       QStringLiteral("Key"),          QStringLiteral("Label"),
                               QStringLiteral("Stage"),   QStringLiteral("Failure kind"), QStringLiteral("Palette class"),
                               QStringLiteral("Glyph"),   QStringLiteral("Actions allowed")};
const QStringList ActionHeader{QStringLiteral("#"),        QStringLiteral("Key"),         QStringLiteral("Label"),
                               QStringLiteral("Help"),     QStringLiteral("Shortcut"),    QStringLiteral("Destructive"),
                               QStringLiteral("taskmon-cli"), QStringLiteral("Declared by")};
const QString None = QStringLiteral("—");

QString paletteName(PaletteClass palette)
{
    switch (palette) {
    case PaletteClass::TestFailure:
        return QStringLiteral("TestFailure");
    case PaletteClass::KnownIssue:
        return QStringLiteral("KnownIssue");
    case PaletteClass::SystemFailure:
        return QStringLiteral("SystemFailure");
    case PaletteClass::SetupFailure:
        return QStringLiteral("SetupFailure");
    case PaletteClass::Success:
        return QStringLiteral("Success");
    case PaletteClass::InProgress:
        return QStringLiteral("InProgress");
    case PaletteClass::Scheduled:
        return QStringLiteral("Scheduled");
    case PaletteClass::Muted:
        return QStringLiteral("Muted");
    }
    return {};
}

QString code(QStringView text)
{
    return u'`' + text.toString() + u'`';
}

QString actionList(ActionSet actions)
{
    QStringList keys;
    for (int i = 0; i < TaskActions::count(); ++i) {
        if (actions.contains(TaskAction(i)))
            keys.append(code(QString(TaskActions::key(TaskAction(i)))));
    }
    return keys.isEmpty() ? None : keys.join(QStringLiteral(", "));
}

// The cells of a status's row as the document writes them (untranslated, as declared).
QStringList statusCells(Status status)
{
    const StatusInfo &info = StatusTaxonomy::info(status);
    return {QString::number(int(status)),
            code(QString(info.key)),
            QString::fromUtf8(info.label),
            code(QString(StatusTaxonomy::stageKey(info.stage))),
            code(QString(StatusTaxonomy::failureKindKey(info.kind))),
            paletteName(info.palette),
            code(QString(StatusTaxonomy::glyphName(info.glyph))),
            actionList(info.actions)};
}

QStringList actionCells(TaskAction action)
{
    const ActionDefinition &definition = TaskActions::definition(action);
    QString cli = code(definition.cliCommand.isEmpty() ? QString(definition.key) : QString(definition.cliCommand));
    if (!definition.cliFlag.isEmpty())
        cli = code(QString(QString(definition.cliCommand) + QStringLiteral(" --") + QString(definition.cliFlag)));
    QStringList systems;
    for (SystemId system : SystemRegistry::systems()) {
        if (SystemRegistry::declares(system, action))
            systems.append(SystemRegistry::name(system));
    }
    const QString shortcut = QString::fromUtf8(definition.shortcut);
    return {QString::number(int(action)),
            code(QString(definition.key)),
            QString::fromUtf8(definition.label),
            QString::fromUtf8(definition.help),
            shortcut.isEmpty() ? None : code(shortcut),
            definition.destructive ? QStringLiteral("yes") : QStringLiteral("no"),
            cli,
            systems.join(QStringLiteral(", "))};
}

QString tableRow(const QStringList &cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |");
}

QString separator(int columns)
{
    QStringList cells;
    for (int i = 0; i < columns; ++i)
        cells.append(QStringLiteral("---"));
    return QStringLiteral("|") + cells.join(QStringLiteral("|")) + QStringLiteral("|");
}

// The tables of the document as the registry has them, under their headings.
QString expectedTables()
{
    QString text;
    QTextStream out(&text);
    for (SystemId system : SystemRegistry::systems()) {
        out << "## " << SystemRegistry::name(system) << " statuses\n\n";
        out << tableRow(StatusHeader) << '\n' << separator(int(StatusHeader.size())) << '\n';
        for (int i = 1; i < StatusTaxonomy::count(); ++i) {
            if (StatusTaxonomy::system(Status(i)) == system)
                out << tableRow(statusCells(Status(i))) << '\n';
        }
        out << '\n';
    }
    out << "## Actions\n\n";
    out << tableRow(ActionHeader) << '\n' << separator(int(ActionHeader.size())) << '\n';
    for (int i = 0; i < TaskActions::count(); ++i)
        out << tableRow(actionCells(TaskAction(i))) << '\n';
    return text;
}

// One table row of the document, with the heading it stands under.
struct DocRow
{
    QString heading;
    QStringList cells;
    int line = 0;
};

// Every table of the document: header rows and separators apart, every "| … |" line.
struct DocTables
{
    QList<DocRow> headers;
    QList<DocRow> rows;
};

DocTables readTables(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    DocTables tables;
    QString heading;
    bool inTable = false;
    int number = 0;
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        ++number;
        const QString line = raw.trimmed();
        if (line.startsWith(QStringLiteral("## "))) {
            heading = line.mid(3).trimmed();
            continue;
        }
        if (!line.startsWith(u'|')) {
            inTable = false;
            continue;
        }
        if (line.startsWith(QStringLiteral("|---")) || line.startsWith(QStringLiteral("| ---")))
            continue;
        QStringList cells = line.mid(1, line.endsWith(u'|') ? line.size() - 2 : -1).split(u'|');
        for (QString &cell : cells)
            cell = cell.trimmed();
        (inTable ? tables.rows : tables.headers).append({heading, cells, number});
        inTable = true;
    }
    return tables;
}
} // namespace

class TestTaxonomyDoc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headings();
    void statuses_data();
    void statuses();
    void actions_data();
    void actions();
    void nothingElse();

private:
    QList<DocRow> m_statusRows;
    QList<DocRow> m_actionRows;
    QList<DocRow> m_headers;
};

void TestTaxonomyDoc::initTestCase()
{
    registerSystems();
    if (qEnvironmentVariableIntValue("TASKMON_PRINT_TAXONOMY")) {
        std::fputs(expectedTables().toUtf8().constData(), stdout);
        QSKIP("printed the tables (TASKMON_PRINT_TAXONOMY)");
    }
    QString error;
    const DocTables tables = readTables(QStringLiteral(TASKMON_SOURCE_DIR "/docs/status-taxonomy.md"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_headers = tables.headers;
    for (const DocRow &row : tables.rows)
        (row.heading == u"Actions" ? m_actionRows : m_statusRows).append(row);
}

void TestTaxonomyDoc::headings()
{
    // One status table per system, in registration order, then the actions.
    QStringList expected;
    for (SystemId system : SystemRegistry::systems())
        expected.append(SystemRegistry::name(system) + QStringLiteral(" statuses"));
    expected.append(QStringLiteral("Actions"));
    QStringList headings;
    for (const DocRow &header : std::as_const(m_headers)) {
        headings.append(header.heading);
        QCOMPARE(header.cells, header.heading == u"Actions" ? ActionHeader : StatusHeader);
    }
    QCOMPARE(headings, expected);
}

void TestTaxonomyDoc::statuses_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QStringList>("cells");
    registerSystems();
    for (int i = 1; i < StatusTaxonomy::count(); ++i) {
        const Status status = Status(i);
        const QString name = QString(SystemRegistry::key(StatusTaxonomy::system(status))) + u'/'
            + QString(StatusTaxonomy::key(status));
        QTest::newRow(qPrintable(name)) << i - 1 << SystemRegistry::name(StatusTaxonomy::system(status)) + QStringLiteral(" statuses")
                                        << statusCells(status);
    }
}

void TestTaxonomyDoc::statuses()
{
    QFETCH(int, row);
    QFETCH(QString, heading);
    QFETCH(QStringList, cells);
    QVERIFY2(row < m_statusRows.size(), "the document lists fewer statuses than the registry");
    const DocRow &doc = m_statusRows.at(row);
    QVERIFY2(doc.heading == heading, qPrintable(QStringLiteral("line %1 stands under “%2”, not “%3”")
                                                    .arg(doc.line).arg(doc.heading, heading)));
    QCOMPARE(doc.cells, cells);
}

void TestTaxonomyDoc::actions_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("cells");
    registerSystems();
    for (int i = 0; i < TaskActions::count(); ++i) {
        const QLatin1StringView key = TaskActions::key(TaskAction(i));
        QTest::newRow(qPrintable(QString(key))) << i << actionCells(TaskAction(i));
    }
}

void TestTaxonomyDoc::actions()
{
    QFETCH(int, row);
    QFETCH(QStringList, cells);
    QVERIFY2(row < m_actionRows.size(), "the document lists fewer actions than the registry");
    QCOMPARE(m_actionRows.at(row).cells, cells);
}

void TestTaxonomyDoc::nothingElse()
{
    // No row for a status or an action that does not exist (or a duplicated one).
    QCOMPARE(m_statusRows.size(), StatusTaxonomy::count() - 1);
    QCOMPARE(m_actionRows.size(), TaskActions::count());
}

QTEST_GUILESS_MAIN(TestTaxonomyDoc)
#include "tst_taxonomydoc.moc"
