// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskdetailshtml.h"

#include "badgepainter.h"
#include "domain/isotime.h"
#include "itemmodels/taskformat.h"
#include "store/taskstore.h"
#include "theme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextDocument>
#include <QUrl>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TaskDetails", text);
}

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
            flags.append(tr(name));
    }
    if (task.system() == TaskSystem::Evergreen && !task.hasFlag(TaskFlag::Activated))
        flags.append(tr("not activated"));
    return flags.join(QStringLiteral(", "));
}

QString issueList(const QList<IssueLink> &issues)
{
    QStringList items;
    for (const IssueLink &issue : issues) {
        QString item = issue.url.isEmpty() ? esc(issue.key)
                                           : QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(issue.url), esc(issue.key.isEmpty() ? issue.url : issue.key));
        if (issue.confidence > 0)
            item += tr(" (confidence %1%)").arg(qRound(issue.confidence * 100));
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
            kind += tr(" — a known issue");
        rows.addText(tr("Kind"), kind);
    }
    rows.addText(tr("Command type"), TaskFormat::commandTypeName(task.commandType));
    rows.addText(tr("Description"), task.message.toString());
    if (task.system() == TaskSystem::Evergreen)
        rows.addText(tr("Failing command"), task.reason.toString());
    else if (!task.reason.isEmpty())
        rows.addText(tr("Mesos reason"), task.reason.toString());
    if (task.hasFlag(TaskFlag::TimedOut) || task.timeoutType != TimeoutType::None) {
        rows.addText(tr("Timeout"), task.timeoutType == TimeoutType::None
                                        ? tr("timed out (the server did not say which timeout)")
                                        : TaskFormat::timeoutDescription(task.timeoutType));
    }
    return rows.table(tr("Failure"));
}
} // namespace

QString TaskDetailsHtml::build(const TaskStore &store, int row, const ActionContext &context,
                               Theme theme, QTextDocument *document)
{
    const Task &task = store.at(row);
    const Timestamp now = store.now();
    // Every status icon the page may show, registered once per document and theme: the
    // pane is rebuilt several times a second while its task changes.
    for (int i = 0; i < StatusCount; ++i) {
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

    Rows summary;
    summary.addText(tr("Source"), TaskFormat::sourceName(task.source));
    summary.addText(task.system() == TaskSystem::Marathon ? tr("App") : tr("Build variant"), task.group.toString());
    summary.addText(tr("Stage"), StatusTaxonomy::stageName(task.stage()));
    QString native = task.nativeStatus.toString();
    if (task.system() == TaskSystem::Marathon && !task.reason.isEmpty())
        native += QStringLiteral(" (%1)").arg(task.reason.toString());
    summary.addText(tr("Native status"), native);
    summary.addText(tr("Host"), task.host.toString());
    if (task.system() == TaskSystem::Evergreen) {
        summary.addText(tr("Priority"), QString::number(task.priority));
        summary.addText(tr("Execution"), QString::number(task.execution));
        summary.addText(tr("Version"), task.version.toString());
        summary.addText(tr("Build"), task.scope.toString());
    } else {
        summary.addText(tr("Health"), TaskFormat::healthName(task.health));
        summary.addText(tr("App version"), task.version.toString());
    }
    if (task.status == Status::MarUnreachable) {
        summary.addText(tr("Unreachable for"), TaskFormat::duration(now - store.statusSince(row)));
    }
    summary.addText(tr("Flags"), flagsText(task));
    if (task.stage() != Stage::Finished || task.failureKind() == FailureKind::None)
        summary.addText(tr("Message"), task.message.toString());
    html += summary.table(tr("Task"));

    html += failureSection(task);

    const TaskDetails *details = task.details.data();
    if (details && (details->annotations.loaded || task.hasFlag(TaskFlag::HasAnnotations))) {
        Rows annotations;
        if (!details->annotations.loaded) {
            annotations.addText(tr("Issues"), tr("loading…"));
        } else {
            annotations.add(tr("Known issues"), issueList(details->annotations.issues));
            annotations.add(tr("Suspected issues"), issueList(details->annotations.suspectedIssues));
            annotations.addText(tr("Note"), details->annotations.note);
        }
        html += annotations.table(tr("Annotations"));
    } else if (task.hasFlag(TaskFlag::HasAnnotations)) {
        html += Rows{QStringLiteral("<tr><td>%1</td></tr>").arg(tr("Annotations are being fetched…"))}.table(tr("Annotations"));
    }

    if (details && !details->dependsOn.isEmpty()) {
        Rows dependencies;
        for (const TaskDependency &dependency : details->dependsOn) {
            const Task *other = store.find(dependency.taskId.toUtf8());
            QString value = tr("needs %1").arg(esc(dependency.requiredStatus.isEmpty() ? QStringLiteral("*") : dependency.requiredStatus));
            if (other)
                value += QStringLiteral(" · ") + badge(other->status, theme);
            dependencies.add(dependency.taskId, value);
        }
        html += dependencies.table(task.status == Status::EvgBlocked ? tr("Blocked by") : tr("Depends on"));
    }

    if (details && !details->healthChecks.isEmpty()) {
        Rows health;
        int index = 1;
        for (const HealthCheckResult &check : details->healthChecks) {
            QString value = check.alive ? tr("alive") : tr("failing");
            if (check.consecutiveFailures > 0)
                value += tr(", %1 consecutive failures").arg(check.consecutiveFailures);
            if (!check.lastFailureCause.isEmpty())
                value += tr(", last: %1").arg(check.lastFailureCause);
            health.addText(tr("Check %1").arg(index++), value);
        }
        html += health.table(tr("Health checks"));
    }

    Rows links;
    links.addText(tr("Replaced by"), QString::fromUtf8(store.replacedBy(task.id)));
    links.addText(tr("Replaces"), QString::fromUtf8(store.replaces(task.id)));
    html += links.table(tr("Replacement"));

    Rows times;
    times.addText(tr("Created"), when(task.createdAt));
    times.addText(tr("Scheduled"), when(task.scheduledAt));
    times.addText(tr("Started"), when(task.startedAt));
    times.addText(tr("Finished"), when(task.finishedAt));
    times.addText(tr("Run time"), TaskFormat::duration(TaskFormat::runTime(task, now)));
    times.addText(tr("Last change"), when(task.updatedAt));
    times.addText(tr("First seen"), when(task.firstSeenAt));
    html += times.table(tr("Times"));

    if (details && !details->fields.isEmpty()) {
        Rows extra;
        for (const auto &[name, value] : details->fields)
            extra.addText(name, value);
        html += extra.table(tr("More"));
    }

    // Newest first: when, what it became, how long it stayed.
    Rows timeline;
    const QList<TaskHistory::Entry> history = store.history(row);
    Timestamp until = now;
    for (const TaskHistory::Entry &entry : history) {
        timeline.add(when(entry.at), badge(entry.to, theme) + QStringLiteral(" ← ")
                                         + esc(StatusTaxonomy::label(entry.from))
                                         + QStringLiteral(" <span class=\"id\">(%1)</span>").arg(esc(TaskFormat::duration(until - entry.at))));
        until = entry.at;
    }
    const Status first = history.isEmpty() ? task.status : history.last().from;
    timeline.add(when(task.firstSeenAt), badge(first, theme) + QStringLiteral(" ") + esc(tr("first seen")));
    html += timeline.table(tr("Status history"));

    Rows actions;
    for (int i = 0; i < TaskActionCount; ++i) {
        const auto action = TaskAction(i);
        if (!TaskActions::concerns(action, task.system()))
            continue;
        const ActionVerdict verdict = ActionRules::check(task, action, context);
        if (verdict.allowed)
            actions.add(TaskActions::label(action), QStringLiteral("<b>%1</b>").arg(tr("available")));
        else
            actions.addText(TaskActions::label(action), verdict.reason);
    }
    html += actions.table(tr("What you can do"));
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
        .arg(tr("%1 tasks selected").arg(rows.size()), parts.join(QStringLiteral(" · ")),
             esc(tr("Actions in the toolbar and the context menu apply to every selected task they fit; "
                    "you see what applies before anything is sent.")));
}
