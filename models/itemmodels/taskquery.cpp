// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskquery.h"

#include "domain/internpool.h"
#include "system/systemregistry.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <limits>

namespace {
static_assert(MaxStatuses <= 64, "status masks hold the statuses in 64 bits");
static_assert(MaxSystems < 16, "source masks hold the systems in 16 bits");

constexpr quint64 bitOf(Status status)
{
    return quint64(1) << int(status);
}

quint64 statusesWhere(auto predicate)
{
    quint64 mask = 0;
    for (int i = 1; i < StatusTaxonomy::count(); ++i) {
        if (predicate(StatusTaxonomy::info(Status(i))))
            mask |= bitOf(Status(i));
    }
    return mask;
}

using StatusTaxonomy::normalName;

quint64 statusesNamed(QStringView value)
{
    const QString wanted = normalName(value);
    return statusesWhere([&](const StatusInfo &info) {
        return normalName(QString(info.key)) == wanted
            || normalName(QString::fromUtf8(info.label)) == wanted;
    });
}

int editDistance(QStringView a, QStringView b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1,
                                       diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row.back();
}

QString closestStatus(QStringView value)
{
    const QString wanted = normalName(value);
    QString best;
    int bestDistance = 3;
    for (int i = 1; i < StatusTaxonomy::count(); ++i) {
        const StatusInfo &info = StatusTaxonomy::info(Status(i));
        for (const QString &candidate : {normalName(QString(info.key)),
                                         normalName(QString::fromUtf8(info.label))}) {
            const int distance = editDistance(wanted, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
    }
    return best;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Case-insensitive search of a lower-case ASCII needle in UTF-8 bytes, without decoding.
bool containsAsciiFolded(const QByteArray &haystack, const QByteArray &needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char first = needle[0];
    const char *data = haystack.constData();
    for (qsizetype i = 0; i + n <= haystack.size(); ++i) {
        char c = data[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
        if (c != first)
            continue;
        qsizetype k = 1;
        for (; k < n; ++k) {
            char d = data[i + k];
            if (d >= 'A' && d <= 'Z')
                d = char(d + 32);
            if (d != needle[k])
                break;
        }
        if (k == n)
            return true;
    }
    return false;
}
} // namespace

// Reads the query text left to right; one instance per parse.
class TaskQueryParser
{
public:
    TaskQueryParser(const QString &text, TaskQuery::Error *error) : m_text(text), m_error(error) {}

    bool run(std::vector<TaskQuery::Clause> *clauses)
    {
        while (true) {
            skipSpace();
            if (atEnd())
                return true;
            TaskQuery::Clause clause;
            if (!parseTerm(&clause))
                return false;
            clauses->push_back(std::move(clause));
        }
    }

private:
    struct Value
    {
        QString text;
        int position;
        int length;
    };

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(int ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }
    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }

    bool fail(const QString &message, int position, int length)
    {
        m_error->message = message;
        m_error->position = position;
        m_error->length = std::max(1, length);
        return false;
    }

    bool parseTerm(TaskQuery::Clause *clause)
    {
        const int termStart = m_pos;
        if (peek() == u'-') {
            if (m_pos + 1 >= m_text.size() || peek(1).isSpace())
                return fail(QCoreApplication::translate("TaskQuery", "Nothing to exclude after “-”."), termStart, 1);
            clause->negated = true;
            ++m_pos;
        }
        const int fieldStart = m_pos;
        int end = m_pos;
        while (end < m_text.size() && (m_text[end].isLetter() || m_text[end] == u'_'))
            ++end;
        QString field;
        if (end > m_pos && end < m_text.size() && m_text[end] == u':') {
            field = m_text.mid(m_pos, end - m_pos).toLower();
            m_pos = end + 1;
        }
        QList<Value> values;
        if (!parseValues(&values)) 
            return false;
        if (values.isEmpty()) {
            return fail(QCoreApplication::translate("TaskQuery", "“%1:” needs a value, for example %1:%2.")
                            .arg(field, exampleFor(field)),
                        fieldStart, m_pos - fieldStart);
        }
        if (field.isEmpty())
            return compileText(clause, values);
        return compileField(clause, field, fieldStart, values);
    }

    bool parseValues(QList<Value> *values)
    {
        while (!atEnd() && !peek().isSpace()) {
            const int start = m_pos;
            QString text;
            if (peek() == u'"') {
                const qsizetype close = m_text.indexOf(u'"', m_pos + 1);
                if (close < 0)
                    return fail(QCoreApplication::translate("TaskQuery", "This quote is never closed."), start, int(m_text.size()) - start);
                text = m_text.mid(m_pos + 1, close - m_pos - 1);
                m_pos = int(close) + 1;
            } else {
                while (!atEnd() && !peek().isSpace() && peek() != u',')
                    ++m_pos;
                text = m_text.mid(start, m_pos - start);
            }
            if (text.isEmpty())
                return fail(QCoreApplication::translate("TaskQuery", "Empty value."), start, 1);
            values->append({text, start, m_pos - start});
            if (peek() == u',') {
                ++m_pos;
                if (atEnd() || peek().isSpace() || peek() == u',')
                    return fail(QCoreApplication::translate("TaskQuery", "A value is missing after the comma."), m_pos - 1, 1);
            } else if (!atEnd() && !peek().isSpace()) {
                return fail(QCoreApplication::translate("TaskQuery", "Put a space or a comma between values."), m_pos, 1);
            }
        }
        return true;
    }

    static QString exampleFor(const QString &field)
    {
        if (field == u"status" || field == u"state")
            return QStringLiteral("failed");
        if (field == u"stage")
            return QStringLiteral("finished");
        if (field == u"kind" || field == u"failure")
            return QStringLiteral("system");
        if (field == u"source" && !SystemRegistry::systems().isEmpty())
            return QString(SystemRegistry::key(SystemRegistry::systems().first()));
        if (field == u"priority" || field == u"prio")
            return QStringLiteral(">50");
        if (field == u"is")
            return QStringLiteral("problem");
        return QStringLiteral("web");
    }

    bool compileText(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Text;
        addNeedles(clause, values);
        return true;
    }

    static void addNeedles(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        for (const Value &value : values) {
            clause->needles.append(value.text);
            // Non-ASCII needles are matched on the decoded id instead (see matchesId).
            clause->asciiNeedles.append(isAscii(value.text) ? value.text.toLower().toLatin1()
                                                            : QByteArray());
        }
    }

    bool compileField(TaskQuery::Clause *clause, const QString &field, int fieldStart,
                      const QList<Value> &values)
    {
        using Field = TaskQuery::Field;
        if (field == u"status" || field == u"state")
            return compileStatuses(clause, values);
        if (field == u"stage")
            return compileStages(clause, values);
        if (field == u"kind" || field == u"failure")
            return compileKinds(clause, values);
        if (field == u"is")
            return compileIs(clause, values);
        if (field == u"source")
            return compileSources(clause, values);
        if (field == u"priority" || field == u"prio")
            return compilePriorities(clause, values);
        const std::pair<const char16_t *, Field> textFields[] = {
            {u"group", Field::Group}, {u"app", Field::Group},   {u"variant", Field::Group},
            {u"host", Field::Host},   {u"id", Field::Id},       {u"name", Field::Name},
            {u"message", Field::Message}, {u"msg", Field::Message},
        };
        for (const auto &[name, kind] : textFields) {
            if (field == QStringView(name)) {
                clause->field = kind;
                addNeedles(clause, values);
                return true;
            }
        }
        return fail(QCoreApplication::translate("TaskQuery", "Unknown field “%1”. Known fields: %2. To search for the text, put it in quotes.")
                        .arg(field, TaskQuery::fieldNames().join(QStringLiteral(", "))),
                    fieldStart, int(field.size()) + 1);
    }

    bool compileStatuses(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Statuses;
        for (const Value &value : values) {
            const quint64 mask = statusesNamed(value.text);
            bool native = false;
            for (SystemId system : SystemRegistry::systems())
                native = native || SystemRegistry::descriptor(system)->isNativeStatus(value.text);
            if (!mask && !native) {
                const QString suggestion = closestStatus(value.text);
                QString message = QCoreApplication::translate("TaskQuery", "Unknown status “%1”.").arg(value.text);
                if (!suggestion.isEmpty())
                    message += u' ' + QCoreApplication::translate("TaskQuery", "Did you mean “%1”?").arg(suggestion);
                return fail(message, value.position, value.length);
            }
            clause->statusMask |= mask;
            if (native)
                clause->nativeStatuses.append(InternedString(value.text.toUpper()));
        }
        return true;
    }

    bool compileStages(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Statuses;
        for (const Value &value : values) {
            const QString name = normalName(value.text);
            std::optional<Stage> stage;
            if (name == u"scheduled" || name == u"queued")
                stage = Stage::Scheduled;
            else if (name == u"in-progress" || name == u"inprogress" || name == u"running"
                     || name == u"active")
                stage = Stage::InProgress;
            else if (name == u"finished" || name == u"done")
                stage = Stage::Finished;
            if (!stage) {
                return fail(QCoreApplication::translate("TaskQuery", "Unknown stage “%1”. Stages: scheduled, in-progress, finished.")
                                .arg(value.text),
                            value.position, value.length);
            }
            clause->statusMask |= statusesWhere([&](const StatusInfo &info) { return info.stage == *stage; });
        }
        return true;
    }

    bool compileKinds(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Statuses;
        for (const Value &value : values) {
            const QString name = normalName(value.text);
            quint64 mask = 0;
            if (name == u"known" || name == u"known-issue") {
                mask = statusesWhere([](const StatusInfo &info) { return info.knownIssue; });
            } else if (name == u"any" || name == u"failure") {
                mask = statusesWhere([](const StatusInfo &info) { return info.kind != FailureKind::None; });
            } else {
                for (int k = 0; k < FailureKindCount; ++k) {
                    if (name == StatusTaxonomy::failureKindKey(FailureKind(k))) {
                        mask = statusesWhere([k](const StatusInfo &info) { return int(info.kind) == k; });
                    }
                }
            }
            if (!mask) {
                return fail(QCoreApplication::translate("TaskQuery", "Unknown failure kind “%1”. Kinds: test, system, setup, known, any, none.")
                                .arg(value.text),
                            value.position, value.length);
            }
            clause->statusMask |= mask;
        }
        return true;
    }

    bool compileIs(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Statuses;
        for (const Value &value : values) {
            const QString name = normalName(value.text);
            // "New" is not a status but the operator's acknowledgement, so it gets its own
            // clause and does not mix with status values in one OR list.
            if (name == u"new" || name == u"new-failure" || name == u"new-problem") {
                if (values.size() > 1) {
                    return fail(QCoreApplication::translate("TaskQuery", "“is:%1” cannot be combined with other values; write it as its own term.")
                                    .arg(value.text),
                                value.position, value.length);
                }
                clause->field = TaskQuery::Field::New;
                if (name != u"new")
                    clause->statusMask = statusesWhere([](const StatusInfo &info) { return info.kind != FailureKind::None; });
                return true;
            }
            if (name == u"problem" || name == u"problems") {
                clause->statusMask |= statusesWhere([](const StatusInfo &info) { return info.kind != FailureKind::None; });
            } else if (name == u"parked") {
                clause->statusMask |= statusesWhere([](const StatusInfo &info) { return info.parked; });
            } else {
                return fail(QCoreApplication::translate("TaskQuery", "Unknown “is:” value “%1”. Try is:problem, is:parked, is:new or is:new-failure.").arg(value.text),
                            value.position, value.length);
            }
        }
        return true;
    }

    bool compileSources(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Source;
        for (const Value &value : values) {
            bool found = false;
            QStringList known;
            for (SystemId system : SystemRegistry::systems()) {
                known.append(QString(SystemRegistry::key(system)));
                if (value.text.compare(SystemRegistry::key(system), Qt::CaseInsensitive) == 0) {
                    clause->sourceMask |= quint16(1u << system);
                    found = true;
                }
            }
            if (!found) {
                return fail(QCoreApplication::translate("TaskQuery", "Unknown source “%1”. Sources: %2.").arg(value.text, known.join(QStringLiteral(", "))),
                            value.position, value.length);
            }
        }
        return true;
    }

    bool compilePriorities(TaskQuery::Clause *clause, const QList<Value> &values)
    {
        clause->field = TaskQuery::Field::Priority;
        constexpr qint64 lowest = std::numeric_limits<qint64>::min();
        constexpr qint64 highest = std::numeric_limits<qint64>::max();
        for (const Value &value : values) {
            const QString &t = value.text;
            auto number = [&](QStringView digits, qint64 *out) {
                bool ok = false;
                *out = digits.toLongLong(&ok);
                return ok;
            };
            qint64 a = 0, b = 0;
            bool ok = false;
            TaskQuery::Range range{lowest, highest};
            if (const qsizetype dots = t.indexOf(QStringLiteral("..")); dots > 0) {
                ok = number(QStringView(t).left(dots), &a) && number(QStringView(t).mid(dots + 2), &b) && a <= b;
                range = {a, b};
            } else if (t.startsWith(QStringLiteral(">="))) {
                ok = number(QStringView(t).mid(2), &a);
                range = {a, highest};
            } else if (t.startsWith(QStringLiteral("<="))) {
                ok = number(QStringView(t).mid(2), &a);
                range = {lowest, a};
            } else if (t.startsWith(u'>')) {
                ok = number(QStringView(t).mid(1), &a) && a < highest;
                range = {a + 1, highest};
            } else if (t.startsWith(u'<')) {
                ok = number(QStringView(t).mid(1), &a) && a > lowest;
                range = {lowest, a - 1};
            } else {
                ok = number(t.startsWith(u'=') ? QStringView(t).mid(1) : QStringView(t), &a);
                range = {a, a};
            }
            if (!ok) {
                return fail(QCoreApplication::translate("TaskQuery", "“%1” is not a priority. Use a number, >N, >=N, <N, <=N or N..M.").arg(t),
                            value.position, value.length);
            }
            clause->ranges.append(range);
        }
        return true;
    }

    const QString &m_text;
    TaskQuery::Error *m_error;
    int m_pos = 0;
};

TaskQuery TaskQuery::parse(const QString &text, Error *error)
{
    Error ignored;
    Error *sink = error ? error : &ignored;
    *sink = Error();
    TaskQuery query;
    TaskQueryParser parser(text, sink);
    if (!parser.run(&query.m_clauses))
        return TaskQuery();
    query.m_text = text;
    return query;
}

QStringList TaskQuery::fieldNames()
{
    return {QStringLiteral("status"), QStringLiteral("stage"),  QStringLiteral("kind"),
            QStringLiteral("source"), QStringLiteral("group"),  QStringLiteral("host"),
            QStringLiteral("id"),     QStringLiteral("name"),   QStringLiteral("message"),
            QStringLiteral("priority"), QStringLiteral("is")};
}

namespace {
std::function<bool(const Task &)> &acknowledgedLookup()
{
    static std::function<bool(const Task &)> lookup;
    return lookup;
}
} // namespace

void TaskQuery::setAcknowledgedLookup(std::function<bool(const Task &)> lookup)
{
    acknowledgedLookup() = std::move(lookup);
}

bool TaskQuery::matches(const Task &task) const
{
    for (const Clause &clause : m_clauses) {
        if (!clause.matches(task))
            return false;
    }
    return true;
}

bool TaskQuery::Clause::matchesInterned(InternedString value) const
{
    const quint32 id = value.id();
    // A compaction may give a freed id to another string: what was memoised is void.
    if (const quint32 generation = InternPool::generation(); generation != memoGeneration) {
        memo.clear();
        memoGeneration = generation;
    }
    if (id >= memo.size())
        memo.resize(std::max<size_t>(InternedString::poolSize(), size_t(id) + 1), -1);
    qint8 &known = memo[id];
    if (known < 0) {
        const QStringView text = value.view();
        known = std::any_of(needles.cbegin(), needles.cend(), [&](const QString &needle) {
            return text.contains(needle, Qt::CaseInsensitive);
        });
    }
    return known;
}

bool TaskQuery::Clause::matchesId(const QByteArray &id) const
{
    for (qsizetype i = 0; i < needles.size(); ++i) {
        const QByteArray &ascii = asciiNeedles[i];
        if (!ascii.isEmpty() ? containsAsciiFolded(id, ascii)
                             : QString::fromUtf8(id).contains(needles[i], Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

bool TaskQuery::Clause::matches(const Task &task) const
{
    bool hit = false;
    switch (field) {
    case Field::Statuses:
        hit = (statusMask & bitOf(task.status)) || nativeStatuses.contains(task.nativeStatus);
        break;
    case Field::Source:
        hit = sourceMask & (1u << int(task.source));
        break;
    case Field::Group:
        hit = matchesInterned(task.group);
        break;
    case Field::Host:
        hit = matchesInterned(task.host);
        break;
    case Field::Name:
        hit = matchesInterned(task.name);
        break;
    case Field::Message:
        hit = matchesInterned(task.message);
        break;
    case Field::Id:
        hit = matchesId(task.id);
        break;
    case Field::Text:
        hit = matchesId(task.id) || matchesInterned(task.name) || matchesInterned(task.group)
            || matchesInterned(task.host) || matchesInterned(task.message);
        break;
    case Field::New: {
        const auto &acknowledged = acknowledgedLookup();
        hit = (!statusMask || (statusMask & bitOf(task.status))) && !(acknowledged && acknowledged(task));
        break;
    }
    case Field::Priority:
        hit = std::any_of(ranges.cbegin(), ranges.cend(), [&](const Range &range) {
            return task.priority >= range.low && task.priority <= range.high;
        });
        break;
    }
    return hit != negated;
}
