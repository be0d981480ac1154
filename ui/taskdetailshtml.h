// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/actionrules.h"
#include "domain/statuspalette.h"

#include <QString>

class QTextDocument;
class TaskStore;

// Renders everything taskmon knows about one task as rich text for the details pane:
// fields, failure details, annotations, dependencies, health checks, replacement links,
// the status history as a timeline and what can be done with the task now.
namespace TaskDetailsHtml {
// Status icons are registered as resources of document, so the HTML can show them.
QString build(const TaskStore &store, int row, const ActionContext &context, Theme theme,
              QTextDocument *document);
QString selectionSummary(const TaskStore &store, const QList<int> &rows);
}
