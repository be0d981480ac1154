// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskdetailshtml.h"

#include "badgepainter.h"
#include "domain/isotime.h"
#include "itemmodels/taskformat.h"
#include "store/taskstore.h"
#include "system/systemregistry.h"
#include "theme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextDocument>
#include <QUrl>

namespace {
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString iconUrl(Status status, Theme theme)
{
    return QStringLiteral("status:%1/%2").arg(int(status)).arg(int(theme));
}

QString badge(Status status, Theme theme, const QString &label = {})
{
    const BadgeColors colors = StatusPalette::colors(status, theme);
    return QStringLiteral("<img src=\"%1\" width=\"14\" height=\"14\" style=\"vertical-align: middle\"> "
                          "<span style=\"background-color:%2; color:%3;\">&nbsp;%4&nbsp;</span>")
        .arg(iconUrl(status, theme), UiTheme::color(colors.fill).name(), UiTheme::color(colors.text).name(),
             esc(label.isEmpty() ? StatusTaxonomy::label(status) : label));
}

QString when(Timestamp at)
{
    if (at == 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

struct Rows
{
    QString html;
    void add(const QString &name, const QString &valueHtml)
    {
        if (valueHtml.isEmpty())
            return;
        html += QStringLiteral("<tr><td class=\"k\">%1</td><td>%2</td></tr>").arg(esc(name), valueHtml);
    }
    void addText(const QString &name, const QString &text) { add(name, esc(text)); }
    QString table(const QString &title) const
    {
        if (html.isEmpty())
            return {};
        return QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\">%2</table>").arg(esc(title), html);
    }
};

QString flagsText(const Task &task)
{
    QStringList flags;
    const std::pair<quint16, const char *> names[] = {
        {TaskFlag::Activated, QT_TRANSLATE_NOOP("TaskDetails", "activated")},
        {TaskFlag::Aborted, QT_TRANSLATE_NOOP("TaskDetails", "abort requested")},
        {TaskFlag::Blocked, QT_TRANSLATE_NOOP("TaskDetails", "blocked by a dependency")},
        {TaskFlag::HasAnnotations, QT_TRANSLATE_NOOP("TaskDetails", "has annotations")},
        {TaskFlag::HasLocalVolumes, QT_TRANSLATE_NOOP("TaskDetails", "local persistent volumes")},
        {TaskFlag::TimedOut, QT_TRANSLATE_NOOP("TaskDetails", "timed out")},
        {TaskFlag::OverrideDependencies, QT_TRANSLATE_NOOP("TaskDetails", "dependencies overridden")},
        {TaskFlag::DisplayTask, QT_TRANSLATE_NOOP("TaskDetails", "display task")},
        {TaskFlag::ExecutionTask, QT_TRANSLATE_NOOP("TaskDetails", "execution task")},
        {TaskFlag::ResetWhenFinished, QT_TRANSLATE_NOOP("TaskDetails", "restarts when finished")},
    };
    for (const auto &[flag, name] : names) {
        if (task.hasFlag(flag))
            flags.append(QCoreApplication::translate("TaskDetails", name));
    }
    if (const SystemDescriptor *system = SystemRegistry::descriptor(task.system()))
        flags += system->detailFlags(task);
    return flags.join(QStringLiteral(", "));
}

QString issueList(const QList<IssueLink> &issues)
{
    QStringList items;
    for (const IssueLink &issue : issues) {
        QString item = issue.url.isEmpty() ? esc(issue.key)
                                           : QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(issue.url), esc(issue.key.isEmpty() ? issue.url : issue.key));
        if (issue.confidence > 0)
            item += QCoreApplication::translate("TaskDetails", " (confidence %1%)").arg(qRound(issue.confidence * 100));
        items.append(item);
    }
    return items.join(QStringLiteral("<br>"));
}

QString failureSection(const Task &task)
{
    Rows rows;
    if (task.failureKind() == FailureKind::None && task.timeoutType == TimeoutType::None
        && task.commandType == CommandType::Unset) {
        return {};
    }
    if (task.failureKind() != FailureKind::None) {
        QString kind = StatusTaxonomy::failureKindName(task.failureKind());
        if (task.statusInfo().knownIssue)
            kind += QCoreApplication::translate("TaskDetails", " — a known issue");
        rows.addText(QCoreApplication::translate("TaskDetails", "Kind"), kind);
    }
    rows.addText(QCoreApplication::translate("TaskDetails", "Command type"), TaskFormat::commandTypeName(task.commandType));
    rows.addText(QCoreApplication::translate("TaskDetails", "Description"), task.message.toString());
    if (const SystemDescriptor *system = SystemRegistry::descriptor(task.system())) {
        for (const auto &[label, text] : system->failureRows(task))
            rows.addText(label, text);
    }
    return rows.table(QCoreApplication::translate("TaskDetails", "Failure"));
}
} // namespace

QString TaskDetailsHtml::build(const TaskStore &store, int row, const ActionContext &context,
                               Theme theme, QTextDocument *document)
{
    const Task &task = store.at(row);
    const Timestamp now = store.now();
    // Every status icon the page may show, registered once per document and theme: the
    // pane is rebuilt several times a second while its task changes.
    for (int i = 0; i < StatusTaxonomy::count(); ++i) {
        const QUrl url(iconUrl(Status(i), theme));
        if (!document->resource(QTextDocument::ImageResource, url).isValid()) {
            document->addResource(QTextDocument::ImageResource, url,
                                  BadgePainter::statusIcon(Status(i), theme, 14, 2.0).toImage());
        }
    }

    const QString muted = theme == Theme::Dark ? QStringLiteral("#889397") : QStringLiteral("#5C6C75");
    QString html = QStringLiteral("<style>td.k { color: %1; padding-right: 12px; white-space: nowrap; }"
                                  " h3 { margin-top: 12px; margin-bottom: 2px; } .id { font-family: monospace; color: %1; }</style>")
                       .arg(muted);
    const QString title = task.name.isEmpty() ? task.idString() : task.name.toString();
    html += QStringLiteral("<h2 style=\"margin-bottom: 2px\">%1</h2>").arg(esc(title));
    html += QStringLiteral("<p style=\"margin-top: 0\">%1 &nbsp;<span class=\"id\">%2</span></p>")
                .arg(badge(task.status, theme), esc(task.idString()));

    const SystemDescriptor *system = SystemRegistry::descriptor(task.system());
    Rows summary;
    summary.addText(QCoreApplication::translate("TaskDetails", "Source"), TaskFormat::sourceName(task.source));
    summary.addText(system ? system->groupLabel() : QCoreApplication::translate("TaskDetails", "Group"), task.group.toString());
    summary.addText(QCoreApplication::translate("TaskDetails", "Stage"), StatusTaxonomy::stageName(task.stage()));
    summary.addText(QCoreApplication::translate("TaskDetails", "Host"), task.host.toString());
    if (system) {
        for (const auto &[label, text] : system->detailRows(task))
            summary.addText(label, text);
    }
    if (task.statusInfo().unreachable) {
        summary.addText(QCoreApplication::translate("TaskDetails", "Unreachable for"), Duration::text(now - store.statusSince(row)));
    }
    summary.addText(QCoreApplication::translate("TaskDetails", "Flags"), flagsText(task));
    if (task.stage() != Stage::Finished || task.failureKind() == FailureKind::None)
        summary.addText(QCoreApplication::translate("TaskDetails", "Message"), task.message.toString());
    html += summary.table(QCoreApplication::translate("TaskDetails", "Task"));

    html += failureSection(task);

    const TaskDetails *details = task.details.data();
    if (details && (details->annotations.loaded || task.hasFlag(TaskFlag::HasAnnotations))) {
        Rows annotations;
        if (!details->annotations.loaded) {
            annotations.addText(QCoreApplication::translate("TaskDetails", "Issues"), QCoreApplication::translate("TaskDetails", "loading…"));
        } else {
            annotations.add(QCoreApplication::translate("TaskDetails", "Known issues"), issueList(details->annotations.issues));
            annotations.add(QCoreApplication::translate("TaskDetails", "Suspected issues"), issueList(details->annotations.suspectedIssues));
            annotations.addText(QCoreApplication::translate("TaskDetails", "Note"), details->annotations.note);
        }
        html += annotations.table(QCoreApplication::translate("TaskDetails", "Annotations"));
    } else if (task.hasFlag(TaskFlag::HasAnnotations)) {
        html += Rows{QStringLiteral("<tr><td>%1</td></tr>").arg(QCoreApplication::translate("TaskDetails", "Annotations are being fetched…"))}.table(QCoreApplication::translate("TaskDetails", "Annotations"));
    }

    if (details && !details->dependsOn.isEmpty()) {
        Rows dependencies;
        for (const TaskDependency &dependency : details->dependsOn) {
            const Task *other = store.find(dependency.taskId.toUtf8());
            QString value = QCoreApplication::translate("TaskDetails", "needs %1").arg(esc(dependency.requiredStatus.isEmpty() ? QStringLiteral("*") : dependency.requiredStatus));
            if (other)
                value += QStringLiteral(" · ") + badge(other->status, theme);
            dependencies.add(dependency.taskId, value);
        }
        html += dependencies.table(system ? system->dependenciesLabel(task) : QCoreApplication::translate("TaskDetails", "Depends on"));
    }

    if (details && !details->healthChecks.isEmpty()) {
        Rows health;
        int index = 1;
        for (const HealthCheckResult &check : details->healthChecks) {
            QString value = check.alive ? QCoreApplication::translate("TaskDetails", "alive") : QCoreApplication::translate("TaskDetails", "failing");
            if (check.consecutiveFailures > 0)
                value += QCoreApplication::translate("TaskDetails", ", %1 consecutive failures").arg(check.consecutiveFailures);
            if (!check.lastFailureCause.isEmpty())
                value += QCoreApplication::translate("TaskDetails", ", last: %1").arg(check.lastFailureCause);
            health.addText(QCoreApplication::translate("TaskDetails", "Check %1").arg(index++), value);
        }
        html += health.table(QCoreApplication::translate("TaskDetails", "Health checks"));
    }

    Rows links;
    links.addText(QCoreApplication::translate("TaskDetails", "Replaced by"), QString::fromUtf8(store.replacedBy(task.id)));
    links.addText(QCoreApplication::translate("TaskDetails", "Replaces"), QString::fromUtf8(store.replaces(task.id)));
    html += links.table(QCoreApplication::translate("TaskDetails", "Replacement"));

    Rows times;
    times.addText(QCoreApplication::translate("TaskDetails", "Created"), when(task.createdAt));
    times.addText(QCoreApplication::translate("TaskDetails", "Scheduled"), when(task.scheduledAt));
    times.addText(QCoreApplication::translate("TaskDetails", "Started"), when(task.startedAt));
    times.addText(QCoreApplication::translate("TaskDetails", "Finished"), when(task.finishedAt));
    times.addText(QCoreApplication::translate("TaskDetails", "Run time"), Duration::text(TaskFormat::runTime(task, now)));
    times.addText(QCoreApplication::translate("TaskDetails", "Last change"), when(task.updatedAt));
    times.addText(QCoreApplication::translate("TaskDetails", "First seen"), when(task.firstSeenAt));
    html += times.table(QCoreApplication::translate("TaskDetails", "Times"));

    if (details && !details->fields.isEmpty()) {
        Rows extra;
        for (const auto &[name, value] : details->fields)
            extra.addText(name, value);
        html += extra.table(QCoreApplication::translate("TaskDetails", "More"));
    }

    // Newest first: when, what it became, how long it stayed.
    Rows timeline;
    const QList<TaskHistory::Entry> history = store.history(row);
    Timestamp until = now;
    for (const TaskHistory::Entry &entry : history) {
        timeline.add(when(entry.at), badge(entry.to, theme) + QStringLiteral(" ← ")
                                         + esc(StatusTaxonomy::label(entry.from))
                                         + QStringLiteral(" <span class=\"id\">(%1)</span>").arg(esc(Duration::text(until - entry.at))));
        until = entry.at;
    }
    const Status first = history.isEmpty() ? task.status : history.last().from;
    timeline.add(when(task.firstSeenAt), badge(first, theme) + QStringLiteral(" ") + esc(QCoreApplication::translate("TaskDetails", "first seen")));
    html += timeline.table(QCoreApplication::translate("TaskDetails", "Status history"));

    Rows actions;
    for (int i = 0; i < TaskActions::count(); ++i) {
        const auto action = TaskAction(i);
        if (!TaskActions::concerns(action, task.system()))
            continue;
        const ActionVerdict verdict = ActionRules::check(task, action, context);
        if (verdict.allowed)
            actions.add(TaskActions::label(action), QStringLiteral("<b>%1</b>").arg(QCoreApplication::translate("TaskDetails", "available")));
        else
            actions.addText(TaskActions::label(action), verdict.reason);
    }
    html += actions.table(QCoreApplication::translate("TaskDetails", "What you can do"));
    return html;
}

QString TaskDetailsHtml::selectionSummary(const TaskStore &store, const QList<int> &rows)
{
    QHash<QString, int> byLabel;
    for (int row : rows)
        byLabel[StatusTaxonomy::label(store.at(row).status)] += 1;
    QStringList parts;
    for (auto it = byLabel.cbegin(); it != byLabel.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(esc(it.key())));
    parts.sort();
    return QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p>")
        .arg(QCoreApplication::translate("TaskDetails", "%1 tasks selected").arg(rows.size()), parts.join(QStringLiteral(" · ")),
             esc(QCoreApplication::translate("TaskDetails", "Actions in the toolbar and the context menu apply to every selected task they fit; "
                    "you see what applies before anything is sent.")));
}
