// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/internedstring.h"
#include "domain/taskstatus.h"

#include <QHash>
#include <QTreeWidget>

#include <optional>

class StatusCounts;

// What the sidebar selects: at most one entry per section, ANDed.
struct SidebarFacets
{
    std::optional<Stage> stage;
    std::optional<FailureKind> kind;
    quint64 statuses = 0;            // statuses sharing the chosen label
    std::optional<SystemId> source;
    std::optional<InternedString> group;
    bool operator==(const SidebarFacets &) const = default;
};

// The filter sidebar: All, then sections by stage, failure kind, status, source and group,
// each entry with a live count. Clicking an entry filters the table; clicking it again, or
// "All tasks", lifts the filter. Talks to the rest of the window through facetsChanged only.
class FilterSidebar final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterSidebar)

public:
    enum Section { All, StageSection, KindSection, StatusSection, SourceSection, GroupSection };
    enum Role { SectionRole = Qt::UserRole + 1, KeyRole, CountRole };

    explicit FilterSidebar(QWidget *parent = nullptr);

    void updateCounts(const StatusCounts &counts);
    const SidebarFacets &facets() const { return m_facets; }
    void clearFacets();
    // Makes an entry the active one of its section, as a click on it would (charts use it).
    void activate(Section section, const QString &key);

    // The entry of a section with a key (stage/kind/source number, status label, group
    // text); for tests and keyboard navigation.
    QTreeWidgetItem *entry(Section section, const QString &key) const;

signals:
    void facetsChanged(const SidebarFacets &facets);

private:
    QTreeWidgetItem *addSection(Section section, const QString &title);
    QTreeWidgetItem *ensureEntry(Section section, const QString &key, const QString &label, int order);
    void setCount(QTreeWidgetItem *item, int count);
    void syncDynamicSection(Section section, const QList<std::tuple<QString, QString, int, int>> &entries);
    void onClicked(QTreeWidgetItem *item);
    void applySelectionToFacets();
    void refreshStyles();

    QTreeWidgetItem *m_all = nullptr;
    QHash<int, QTreeWidgetItem *> m_sections;
    QHash<int, QString> m_active;  // section → key of its active entry
    SidebarFacets m_facets;
};
