// SPDX-License-Identifier: GPL-3.0-or-later
#include "isotime.h"

#include <QDateTime>

namespace {
// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant).
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(QByteArrayView text, qsizetype at, int count, int *value)
{
    if (at + count > text.size())
        return false;
    int result = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return true;
}

bool parseFast(QByteArrayView t, Timestamp *out)
{
    int year, month, day, hour, minute, second;
    if (!digits(t, 0, 4, &year) || t.size() < 19 || t[4] != '-' || !digits(t, 5, 2, &month)
        || t[7] != '-' || !digits(t, 8, 2, &day) || (t[10] != 'T' && t[10] != ' ')
        || !digits(t, 11, 2, &hour) || t[13] != ':' || !digits(t, 14, 2, &minute)
        || t[16] != ':' || !digits(t, 17, 2, &second)) {
        return false;
    }
    static constexpr int monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1] || hour > 23
        || minute > 59 || second > 60) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return false;
    qsizetype at = 19;
    int millis = 0;
    if (at < t.size() && t[at] == '.') {
        ++at;
        int scale = 100;
        while (at < t.size() && t[at] >= '0' && t[at] <= '9') {
            millis += (t[at] - '0') * scale;
            scale /= 10;
            ++at;
        }
    }
    qint64 offsetSeconds = 0;
    if (at < t.size() && (t[at] == 'Z' || t[at] == 'z')) {
        ++at;
    } else if (at < t.size() && (t[at] == '+' || t[at] == '-')) {
        int oh, om;
        const bool colon = at + 3 < t.size() && t[at + 3] == ':';
        if (!digits(t, at + 1, 2, &oh) || !digits(t, at + (colon ? 4 : 3), 2, &om))
            return false;
        offsetSeconds = (oh * 3600 + om * 60) * (t[at] == '-' ? -1 : 1);
        at += colon ? 6 : 5;
    } else {
        return false; // no zone: refuse to guess local time
    }
    if (at != t.size())
        return false;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    *out = seconds * 1000 + millis;
    return true;
}
} // namespace

Timestamp IsoTime::parse(QByteArrayView text)
{
    if (text.isEmpty() || text == "null")
        return 0;
    Timestamp result = 0;
    if (parseFast(text, &result))
        return result;
    // Unusual but valid spellings go through QDateTime; a time without a zone would be read
    // as this machine's local time, so it is refused like anything else unparsable.
    const QDateTime parsed = QDateTime::fromString(QString::fromUtf8(text), Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
        return 0;
    return parsed.toMSecsSinceEpoch();
}

QString IsoTime::format(Timestamp ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

Timestamp IsoTime::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
