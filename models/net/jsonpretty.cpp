// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonpretty.h"

#include "httpreply.h"
#include "utf8repair.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Writes the indented form of text that nlohmann has accepted as JSON, so every string is
// closed and every bracket matched; it stops once the output reaches its cap.
class Printer
{
public:
    Printer(QByteArrayView text, const JsonPretty::Limits &limits)
        : m_text(text)
        , m_limits(limits)
    {
        m_out.reserve(std::min<qsizetype>(text.size() * 2, limits.maxOutputBytes) + 64);
    }

    // False when the output was cut.
    bool run()
    {
        qsizetype at = 0;
        while (at < m_text.size()) {
            if (m_out.size() > m_limits.maxOutputBytes)
                return false;
            const char c = m_text[at];
            if (isSpace(c)) {
                ++at;
            } else if (c == '"') {
                at = copyString(at);
            } else if (c == '{' || c == '[') {
                m_out.append(c);
                ++at;
                const qsizetype next = skipSpace(at);
                if (next < m_text.size() && (m_text[next] == '}' || m_text[next] == ']')) {
                    m_out.append(m_text[next]);   // {} and [] stay on one line
                    at = next + 1;
                } else {
                    ++m_depth;
                    newline();
                }
            } else if (c == '}' || c == ']') {
                --m_depth;
                newline();
                m_out.append(c);
                ++at;
            } else if (c == ',') {
                m_out.append(c);
                newline();
                ++at;
            } else if (c == ':') {
                m_out.append(": ");
                ++at;
            } else {
                m_out.append(c);   // numbers, true, false, null
                ++at;
            }
        }
        return true;
    }

    QByteArray &output() { return m_out; }

private:
    qsizetype skipSpace(qsizetype at) const
    {
        while (at < m_text.size() && isSpace(m_text[at]))
            ++at;
        return at;
    }

    qsizetype copyString(qsizetype at)
    {
        qsizetype end = at + 1;
        while (end < m_text.size() && m_text[end] != '"')
            end += m_text[end] == '\\' ? 2 : 1;
        end = std::min(end + 1, m_text.size());
        m_out.append(m_text.sliced(at, end - at));
        return end;
    }

    void newline()
    {
        m_out.append('\n');
        m_out.append(QByteArray(qsizetype(m_depth) * m_limits.indent, ' '));
    }

    QByteArrayView m_text;
    const JsonPretty::Limits &m_limits;
    QByteArray m_out;
    int m_depth = 0;
};
} // namespace

int JsonPretty::depth(QByteArrayView json)
{
    int current = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++current);
        } else if (c == '}' || c == ']') {
            current = std::max(0, current - 1);
        }
    }
    return deepest;
}

QString JsonPretty::tooDeep(int levels, const Limits &limits)
{
    return QCoreApplication::translate("JsonPretty", "record too deep to show: %1 levels (taskmon shows up to %2)").arg(levels).arg(limits.maxDepth);
}

QString JsonPretty::format(QByteArrayView json, bool *ok, const Limits &limits)
{
    if (ok)
        *ok = false;
    const Utf8Repair::Result repair = Utf8Repair::repair(json);
    const QByteArrayView text = repair.text(json);
    if (const int levels = depth(text); levels > limits.maxDepth)
        return tooDeep(levels, limits);
    // accept() validates without building a tree; the depth is bounded above anyway.
    if (!nlohmann::json::accept(text.begin(), text.end()))
        return QCoreApplication::translate("JsonPretty", "not JSON: %1").arg(HttpReply::snippet(text));
    Printer printer(text, limits);
    const bool complete = printer.run();
    QByteArray &out = printer.output();
    if (!complete) {
        // Cut at a character boundary, then say how much is missing.
        qsizetype cut = std::min(out.size(), limits.maxOutputBytes);
        while (cut > 0 && (quint8(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.truncate(cut);
    }
    QString result = QString::fromUtf8(out);
    if (!complete)
        result += u'\n' + QCoreApplication::translate("JsonPretty", "… (cut: the indented record is longer than %1 bytes; the record itself is %2 bytes)")
                              .arg(limits.maxOutputBytes).arg(json.size());
    if (ok)
        *ok = true;
    return result;
}
