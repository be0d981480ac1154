// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QObject>
#include <QSet>
#include <QString>

// The failures this operator has seen, per task id and execution, kept in a small local file
// so "new since I looked" survives a restart. A restarted Evergreen task (a new execution)
// is new again. Acknowledging only marks: nothing is hidden or sent to a server.
class Acknowledgements final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Acknowledgements)

public:
    // An empty path keeps everything in memory (tests, --no-settings runs).
    explicit Acknowledgements(const QString &path = QString(), QObject *parent = nullptr);
    ~Acknowledgements() override;

    // AppDataLocation/acknowledged.txt.
    static QString defaultPath();

    const QString &path() const { return m_path; }
    bool isAcknowledged(const Task &task) const { return m_keys.contains(keyOf(task.id, task.execution)); }
    bool isAcknowledged(const QByteArray &id, quint16 execution) const { return m_keys.contains(keyOf(id, execution)); }
    int size() const { return int(m_keys.size()); }

    // Returns how many were not acknowledged before; writes the file when that is not 0.
    int acknowledge(const QList<Task> &tasks);
    void clear();

    // Makes `is:new` in every TaskQuery consult this instance (until it is destroyed).
    void makeCurrent();
    bool save() const;

signals:
    void changed();

private:
    static QByteArray keyOf(const QByteArray &id, quint16 execution);
    void load();

    QString m_path;
    QSet<QByteArray> m_keys;
};
