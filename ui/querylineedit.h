// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QTimer>

// The search field. It applies the query a moment after typing stops; a query that does
// not parse gets a red wavy underline under the offending text and the reason as tooltip,
// and the error is reported through queryError so a label can show it.
class QueryLineEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryLineEdit)

public:
    explicit QueryLineEdit(QWidget *parent = nullptr);

    // The parse error to show; position < 0 clears it.
    void setError(const QString &message, int position, int length);
    bool hasError() const { return m_errorPosition >= 0; }
    QString errorMessage() const { return m_errorMessage; }
    // Apply now rather than after the typing pause.
    void applyNow();

signals:
    void queryChanged(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    int xForPosition(int position) const;

    QTimer m_debounce;
    QString m_errorMessage;
    int m_errorPosition = -1;
    int m_errorLength = 0;
};
