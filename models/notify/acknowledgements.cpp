// SPDX-License-Identifier: GPL-3.0-or-later
#include "acknowledgements.h"

#include "itemmodels/taskquery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace {
// Only the instance that made itself current answers is:new; a plain pointer is enough
// because everything runs on the GUI thread.
const Acknowledgements *g_current = nullptr;
} // namespace

Acknowledgements::Acknowledgements(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    load();
}

Acknowledgements::~Acknowledgements()
{
    if (g_current == this) {
        g_current = nullptr;
        TaskQuery::setAcknowledgedLookup({});
    }
}

QString Acknowledgements::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/acknowledged.txt");
}

QByteArray Acknowledgements::keyOf(const QByteArray &id, quint16 execution)
{
    return id + '\t' + QByteArray::number(execution);
}

int Acknowledgements::acknowledge(const QList<Task> &tasks)
{
    int added = 0;
    for (const Task &task : tasks) {
        const QByteArray key = keyOf(task.id, task.execution);
        if (!m_keys.contains(key)) {
            m_keys.insert(key);
            ++added;
        }
    }
    if (added) {
        save();
        emit changed();
    }
    return added;
}

void Acknowledgements::clear()
{
    if (m_keys.isEmpty())
        return;
    m_keys.clear();
    save();
    emit changed();
}

void Acknowledgements::makeCurrent()
{
    g_current = this;
    TaskQuery::setAcknowledgedLookup([](const Task &task) { return g_current && g_current->isAcknowledged(task); });
}

// One "id<TAB>execution" a line: ids never contain tabs or newlines, and the file stays
// readable and greppable.
void Acknowledgements::load()
{
    if (m_path.isEmpty())
        return;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.contains('\t'))
            m_keys.insert(line);
    }
}

bool Acknowledgements::save() const
{
    if (m_path.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (const QByteArray &key : m_keys)
        file.write(key + '\n');
    return file.commit();
}
