// SPDX-License-Identifier: GPL-3.0-or-later
#include "filtersidebar.h"

#include "badgepainter.h"
#include "itemmodels/taskformat.h"
#include "store/statuscounts.h"
#include "system/systemregistry.h"
#include "theme.h"

#include <QHash>
#include <QHeaderView>
#include <QLocale>

#include <tuple>

namespace {
quint64 statusesLabelled(const QString &label)
{
    quint64 mask = 0;
    for (int i = 1; i < StatusTaxonomy::count(); ++i) {
        if (StatusTaxonomy::label(Status(i)) == label)
            mask |= quint64(1) << i;
    }
    return mask;
}

Status firstStatusLabelled(const QString &label)
{
    for (int i = 1; i < StatusTaxonomy::count(); ++i) {
        if (StatusTaxonomy::label(Status(i)) == label)
            return Status(i);
    }
    return Status::Unset;
}
} // namespace

FilterSidebar::FilterSidebar(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("filterSidebar"));
    setColumnCount(2);
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(10);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setIconSize(QSize(14, 14));

    m_all = new QTreeWidgetItem(this, {tr("All tasks")});
    m_all->setData(0, SectionRole, All);
    QFont bold = m_all->font(0);
    bold.setBold(true);
    m_all->setFont(0, bold);

    addSection(StageSection, tr("Stage"));
    addSection(KindSection, tr("Failure"));
    addSection(StatusSection, tr("Status"));
    addSection(SourceSection, tr("Source"));
    addSection(GroupSection, tr("Group"));

    const Stage stages[] = {Stage::Scheduled, Stage::InProgress, Stage::Finished};
    for (Stage stage : stages)
        ensureEntry(StageSection, QString::number(int(stage)), StatusTaxonomy::stageName(stage), int(stage));
    const FailureKind kinds[] = {FailureKind::Test, FailureKind::System, FailureKind::Setup, FailureKind::None};
    int order = 0;
    for (const FailureKind kind : kinds) {
        QTreeWidgetItem *item = ensureEntry(KindSection, QString::number(int(kind)),
                                            kind == FailureKind::None ? tr("No failure")
                                                                      : StatusTaxonomy::failureKindName(kind),
                                            order++);
        item->setIcon(0, QIcon(BadgePainter::icon(StatusTaxonomy::failureKindPalette(kind),
                                                  StatusTaxonomy::failureKindGlyph(kind), UiTheme::current(), 14,
                                                  devicePixelRatioF())));
    }
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { onClicked(item); });
    expandAll();
    refreshStyles();
}

QTreeWidgetItem *FilterSidebar::addSection(Section section, const QString &title)
{
    auto *item = new QTreeWidgetItem(this, {title.toUpper()});
    item->setData(0, SectionRole, section);
    item->setFlags(Qt::ItemIsEnabled);
    QFont font = item->font(0);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setBold(true);
    item->setFont(0, font);
    item->setForeground(0, palette().color(QPalette::PlaceholderText));
    m_sections.insert(section, item);
    return item;
}

QTreeWidgetItem *FilterSidebar::entry(Section section, const QString &key) const
{
    if (section == All)
        return m_all;
    QTreeWidgetItem *parentItem = m_sections.value(section);
    for (int i = 0; parentItem && i < parentItem->childCount(); ++i) {
        if (parentItem->child(i)->data(0, KeyRole).toString() == key)
            return parentItem->child(i);
    }
    return nullptr;
}

QTreeWidgetItem *FilterSidebar::ensureEntry(Section section, const QString &key, const QString &label, int order)
{
    if (QTreeWidgetItem *existing = entry(section, key))
        return existing;
    QTreeWidgetItem *parentItem = m_sections.value(section);
    // Keep the section ordered by `order` (rank, then name).
    int position = 0;
    while (position < parentItem->childCount()
           && parentItem->child(position)->data(1, Qt::UserRole + 9).toInt() <= order) {
        ++position;
    }
    auto *item = new QTreeWidgetItem({label, QString()});
    item->setData(0, SectionRole, section);
    item->setData(0, KeyRole, key);
    item->setData(1, Qt::UserRole + 9, order);
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(0, label);
    parentItem->insertChild(position, item);
    return item;
}

void FilterSidebar::setCount(QTreeWidgetItem *item, int count)
{
    if (item->data(0, CountRole).toInt() == count && !item->text(1).isEmpty())
        return;
    item->setData(0, CountRole, count);
    item->setText(1, QLocale().toString(count));
}

void FilterSidebar::syncDynamicSection(Section section,
                                       const QList<std::tuple<QString, QString, int, int>> &entries)
{
    QTreeWidgetItem *parentItem = m_sections.value(section);
    // One pass over the children: a section may hold hundreds of groups.
    QHash<QString, QTreeWidgetItem *> shown;
    shown.reserve(parentItem->childCount());
    for (int i = 0; i < parentItem->childCount(); ++i)
        shown.insert(parentItem->child(i)->data(0, KeyRole).toString(), parentItem->child(i));
    QSet<QString> present;
    for (const auto &[key, label, count, order] : entries) {
        present.insert(key);
        QTreeWidgetItem *item = shown.value(key);
        setCount(item ? item : ensureEntry(section, key, label, order), count);
    }
    // Entries that emptied out go, unless they are the active filter (it must stay visible
    // so it can be lifted).
    for (int i = parentItem->childCount() - 1; i >= 0; --i) {
        QTreeWidgetItem *child = parentItem->child(i);
        const QString key = child->data(0, KeyRole).toString();
        if (!present.contains(key)) {
            if (m_active.value(section) == key)
                setCount(child, 0);
            else
                delete parentItem->takeChild(i);
        }
    }
}

void FilterSidebar::updateCounts(const StatusCounts &counts)
{
    setCount(m_all, counts.total());
    for (int s = 0; s < StageCount; ++s)
        setCount(entry(StageSection, QString::number(s)), counts.stage(Stage(s)));
    for (int k = 0; k < FailureKindCount; ++k)
        setCount(entry(KindSection, QString::number(k)), counts.kind(FailureKind(k)));

    // Statuses of both systems that share a label are one entry ("Running", "Failed").
    QHash<QString, int> byLabel;
    QHash<QString, int> rank;
    for (int i = 1; i < StatusTaxonomy::count(); ++i) {
        const int count = counts.status(Status(i));
        if (count == 0)
            continue;
        const QString label = StatusTaxonomy::label(Status(i));
        byLabel[label] += count;
        const int order = StatusTaxonomy::info(Status(i)).actionRank * 100 + i;
        rank[label] = rank.contains(label) ? std::min(rank[label], order) : order;
    }
    QList<std::tuple<QString, QString, int, int>> statuses;
    for (auto it = byLabel.cbegin(); it != byLabel.cend(); ++it)
        statuses.append({it.key(), it.key(), it.value(), rank.value(it.key())});
    syncDynamicSection(StatusSection, statuses);
    const Theme theme = UiTheme::themeOf(palette());
    QTreeWidgetItem *statusParent = m_sections.value(StatusSection);
    for (int i = 0; i < statusParent->childCount(); ++i) {
        QTreeWidgetItem *child = statusParent->child(i);
        if (child->icon(0).isNull()) {
            const Status status = firstStatusLabelled(child->data(0, KeyRole).toString());
            child->setIcon(0, QIcon(BadgePainter::statusIcon(status, theme, 14, devicePixelRatioF())));
        }
    }

    QList<std::tuple<QString, QString, int, int>> sources;
    for (SystemId s : SystemRegistry::systems()) {
        if (const int count = counts.source(s))
            sources.append({QString::number(s), TaskFormat::sourceName(s), count, s});
    }
    syncDynamicSection(SourceSection, sources);

    QList<InternedString> groups = counts.groups();
    std::sort(groups.begin(), groups.end(), [](InternedString a, InternedString b) {
        return a.view().compare(b.view(), Qt::CaseInsensitive) < 0;
    });
    QList<std::tuple<QString, QString, int, int>> groupEntries;
    int order = 0;
    for (InternedString group : groups) {
        const QString name = group.isEmpty() ? tr("(none)") : group.toString();
        groupEntries.append({QString::number(group.id()), name, counts.group(group), order++});
    }
    syncDynamicSection(GroupSection, groupEntries);
}

void FilterSidebar::onClicked(QTreeWidgetItem *item)
{
    const auto section = Section(item->data(0, SectionRole).toInt());
    if (item == m_all) {
        clearFacets();
        return;
    }
    if (item->parent() == nullptr)
        return;  // a section title
    const QString key = item->data(0, KeyRole).toString();
    if (m_active.value(section) == key)
        m_active.remove(section);
    else
        m_active.insert(section, key);
    applySelectionToFacets();
}

void FilterSidebar::activate(Section section, const QString &key)
{
    m_active.insert(section, key);
    applySelectionToFacets();
}

void FilterSidebar::clearFacets()
{
    m_active.clear();
    applySelectionToFacets();
}

void FilterSidebar::applySelectionToFacets()
{
    SidebarFacets facets;
    auto number = [this](Section section) { return m_active.value(section).toInt(); };
    if (m_active.contains(StageSection))
        facets.stage = Stage(number(StageSection));
    if (m_active.contains(KindSection))
        facets.kind = FailureKind(number(KindSection));
    if (m_active.contains(StatusSection))
        facets.statuses = statusesLabelled(m_active.value(StatusSection));
    if (m_active.contains(SourceSection))
        facets.source = SystemId(number(SourceSection));
    if (m_active.contains(GroupSection))
        facets.group = InternedString::fromId(m_active.value(GroupSection).toUInt());
    refreshStyles();
    if (facets == m_facets)
        return;
    m_facets = facets;
    emit facetsChanged(m_facets);
}

void FilterSidebar::refreshStyles()
{
    const QColor highlight = palette().color(QPalette::Highlight);
    QColor tint = highlight;
    tint.setAlpha(60);
    auto style = [&](QTreeWidgetItem *item, bool active) {
        QFont font = item->font(0);
        font.setBold(active);
        item->setFont(0, font);
        item->setFont(1, font);
        const QBrush background = active ? QBrush(tint) : QBrush();
        item->setBackground(0, background);
        item->setBackground(1, background);
    };
    style(m_all, m_active.isEmpty());
    for (QTreeWidgetItem *sectionItem : std::as_const(m_sections)) {
        const auto section = sectionItem->data(0, SectionRole).toInt();
        for (int i = 0; i < sectionItem->childCount(); ++i) {
            QTreeWidgetItem *child = sectionItem->child(i);
            style(child, m_active.value(section) == child->data(0, KeyRole).toString() && m_active.contains(section));
        }
    }
}
