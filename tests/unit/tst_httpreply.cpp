// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/credentials.h"
#include "net/httpreply.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QObject>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

// What a server answered, reduced to the server's own words (httpreply.h), and how
// credentials reach the request without reaching a log (credentials.h, DESIGN.md §5, §7).
namespace {
qint64 utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch();
}

QByteArray headerValue(const QList<std::pair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray printed(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QByteArray text;
    for (const auto &[key, value] : headers)
        text += key + ": " + value + '\n';
    return text;
}

Credentials credentials(Credentials::Scheme scheme, const QString &user, const QString &secret)
{
    Credentials result;
    result.scheme = scheme;
    result.user = user;
    result.secret = secret;
    return result;
}

const QByteArray jettyPage = R"(<html>
<head>
<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>
<title>Error 503 Service Unavailable</title>
</head>
<body><h2>HTTP ERROR 503</h2>
<p>Problem accessing /v2/apps. Reason:
<pre>    Service Unavailable</pre></p><hr /><i><small>Powered by Jetty://</small></i><br/>
</body>
</html>
)";
} // namespace

Q_DECLARE_METATYPE(Credentials::Scheme)

class TestHttpReply final : public QObject
{
    Q_OBJECT

private slots:
    void serverMessage_data();
    void serverMessage();
    void longBodiesAreTrimmed();
    void snippet_data();
    void snippet();
    void snippetIsPrintable();
    void snippetCutsLongBodies();
    void parseRetryAfter_data();
    void parseRetryAfter();
    void describe();

    void applyHeaders_data();
    void applyHeaders();
    void noCredentialsNoHeaders();
    void redactedHeadersHideSecrets_data();
    void redactedHeadersHideSecrets();
    void redactedHeadersKeepOtherHeaders();
    void cookieValuesNeverPrinted();
    void secretHeaderNames();
    void describeNeverShowsTheSecret();
    void fromEnvironment();
};

void TestHttpReply::serverMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Marathon {message}")
        << QByteArray(R"({"message":"App is locked by one or more deployments. Override with the option '?force=true'.","deployments":[{"id":"97c136bf"}]})")
        << u"App is locked by one or more deployments. Override with the option '?force=true'."_s;
    QTest::newRow("Marathon validation")
        << QByteArray(R"({"message":"Object is not valid","details":[{"path":"/id","errors":["error.pattern"]}]})")
        << u"Object is not valid"_s;
    QTest::newRow("Evergreen {status,message}")
        << QByteArray(R"({"status":404,"message":"task 'mongo_compile_a1' not found"})")
        << u"task 'mongo_compile_a1' not found"_s;
    QTest::newRow("Evergreen {error}") << QByteArray(R"({"error":"invalid API key"})")
                                       << u"invalid API key"_s;
    QTest::newRow("JSON after whitespace") << QByteArray(" \r\n {\"message\": \"try again\"} \n")
                                           << u"try again"_s;
    QTest::newRow("JSON unicode escape") << QByteArray(R"({"message":"caf\u00e9 ferm\u00e9"})")
                                         << u"café fermé"_s;
    QTest::newRow("JSON UTF-8") << QByteArray(R"({"message":"Zugriff für bot verweigert"})")
                                << u"Zugriff für bot verweigert"_s;
    QTest::newRow("plain text (auth middleware)") << QByteArray("unauthorized\n") << u"unauthorized"_s;
    QTest::newRow("plain text sentence")
        << QByteArray("Forbidden: user 'bot' lacks permission") << u"Forbidden: user 'bot' lacks permission"_s;
    QTest::newRow("plain text non-ASCII")
        << QByteArray("Zugriff für bot verweigert") << u"Zugriff für bot verweigert"_s;
    QTest::newRow("Jetty HTML page: title") << jettyPage << u"Error 503 Service Unavailable"_s;
    QTest::newRow("HTML with only a heading")
        << QByteArray("<html><body><h2>HTTP ERROR 404</h2><p>Problem accessing /v2/x.</p></body></html>")
        << u"HTTP ERROR 404"_s;
    QTest::newRow("garbage JSON is shown as text") << QByteArray("{not json") << u"{not json"_s;
    QTest::newRow("empty body") << QByteArray() << QString();
    QTest::newRow("blank body") << QByteArray(" \r\n\t ") << QString();
}

void TestHttpReply::serverMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(HttpReply::serverMessage(body), expected);
}

void TestHttpReply::longBodiesAreTrimmed()
{
    // "trimmed to a readable size": far less than the body, and it starts where the body does.
    const QByteArray sentence("The server could not complete the request because of an error. ");
    const QByteArray longText = sentence.repeated(200); // ~12,800 bytes
    const QString plain = HttpReply::serverMessage(longText);
    QVERIFY(!plain.isEmpty());
    QVERIFY2(plain.size() <= 1024, qPrintable(QString::number(plain.size())));
    QVERIFY(plain.startsWith(u"The server could not complete the request"_s));

    const QByteArray longJson = "{\"message\":\"" + QByteArray(8000, 'm') + "\"}";
    const QString fromJson = HttpReply::serverMessage(longJson);
    QVERIFY(!fromJson.isEmpty());
    QVERIFY2(fromJson.size() <= 1024, qPrintable(QString::number(fromJson.size())));
    QVERIFY(fromJson.startsWith(u"mmmmmmmmmm"_s));

    const QByteArray longHtml = "<html><head><title>" + QByteArray(5000, 't') + "</title></head></html>";
    const QString fromHtml = HttpReply::serverMessage(longHtml);
    QVERIFY(!fromHtml.isEmpty());
    QVERIFY2(fromHtml.size() <= 1024, qPrintable(QString::number(fromHtml.size())));
}

void TestHttpReply::snippet_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    // Short bodies come back whole, with no sign of a cut.
    QTest::newRow("ASCII") << QByteArray("hello") << u"hello"_s;
    QTest::newRow("UTF-8") << QByteArray("über") << u"über"_s;
    QTest::newRow("newline becomes a space") << QByteArray("line one\nline two") << u"line one line two"_s;
    QTest::newRow("exactly maxChars") << QByteArray(120, 'b') << QString(120, u'b');
}

void TestHttpReply::snippet()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(HttpReply::snippet(body, 120), expected);
}

void TestHttpReply::snippetIsPrintable()
{
    const QString controls = HttpReply::snippet(QByteArray("abc\x01\x02" "def"));
    for (QChar c : controls)
        QVERIFY(c.isPrint());
    QVERIFY(controls.startsWith(u"abc"_s));
    QVERIFY(controls.contains(u"def"_s));
    QVERIFY2(!controls.endsWith(u'…'), qPrintable(controls)); // nothing was cut

    // Bad UTF-8 is tolerated.
    const QString bad = HttpReply::snippet(QByteArray("\xff\xfe abc"));
    QVERIFY(bad.contains(u"abc"_s));
}

void TestHttpReply::snippetCutsLongBodies()
{
    const QString cut = HttpReply::snippet(QByteArray(200, 'a'), 120);
    QVERIFY(cut.startsWith(QString(120, u'a')));
    QVERIFY(!cut.startsWith(QString(121, u'a')));
    QVERIFY(cut.size() <= 121);
    QVERIFY(cut.endsWith(u'…'));
}

void TestHttpReply::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("expected");

    const int absent = int(RetryAfter::Kind::Absent);
    const int invalid = int(RetryAfter::Kind::Invalid);
    const int wait = int(RetryAfter::Kind::Wait);
    constexpr qint64 longest = std::numeric_limits<qint64>::max();
    const qint64 now = utc(2015, 10, 21, 7, 26, 30);
    QTest::newRow("120 seconds") << QByteArray("120") << now << wait << qint64(120000);
    QTest::newRow("0 seconds") << QByteArray("0") << now << wait << qint64(0);
    QTest::newRow("seconds with spaces") << QByteArray(" 5 ") << now << wait << qint64(5000);
    QTest::newRow("HTTP date in the future")
        << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << now << wait << qint64(90000);
    QTest::newRow("HTTP date in the past")
        << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << utc(2015, 10, 21, 7, 30, 0) << wait << qint64(0);
    QTest::newRow("HTTP date now") << QByteArray("Wed, 21 Oct 2015 07:26:30 GMT") << now << wait << qint64(0);
    // Finding 10: seconds × 1000 overflowed (UBSan); a huge wait saturates instead.
    QTest::newRow("largest qint64 seconds") << QByteArray("9223372036854775807") << now << wait << longest;
    QTest::newRow("past qint64") << QByteArray("99999999999999999999999") << now << wait << longest;
    QTest::newRow("just past the milliseconds") << QByteArray("9223372036854776") << now << wait << longest;
    QTest::newRow("the last exact one")
        << QByteArray("9223372036854775") << now << wait << qint64(9223372036854775000);
    // Unreadable values are invalid, so the caller can say it ignored them.
    QTest::newRow("garbage") << QByteArray("soon") << now << invalid << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << now << invalid << qint64(0);
    QTest::newRow("minus one") << QByteArray("-1") << now << invalid << qint64(0);
    QTest::newRow("plus sign") << QByteArray("+5") << now << invalid << qint64(0);
    QTest::newRow("fraction") << QByteArray("1.5") << now << invalid << qint64(0);
    QTest::newRow("empty") << QByteArray() << now << absent << qint64(0);
    QTest::newRow("blank") << QByteArray("  ") << now << absent << qint64(0);
}

void TestHttpReply::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, now);
    QFETCH(int, kind);
    QFETCH(qint64, expected);
    const RetryAfter parsed = HttpReply::parseRetryAfter(value, now);
    QCOMPARE(int(parsed.kind), kind);
    QCOMPARE(parsed.ms, expected);
    QCOMPARE(parsed.valid(), kind == int(RetryAfter::Kind::Wait));
}

void TestHttpReply::describe()
{
    HttpOutcome conflict;
    conflict.status = 409;
    conflict.message = u"App is locked"_s;
    QVERIFY(!conflict.ok());
    QVERIFY(!conflict.isAuthProblem());
    QVERIFY(conflict.describe().contains(u"409"_s));
    QVERIFY(conflict.describe().contains(u"App is locked"_s));

    HttpOutcome denied;
    denied.status = 403;
    QVERIFY(denied.isAuthProblem());
    QVERIFY(denied.describe().contains(u"403"_s));
    QVERIFY(denied.describe().size() > 3); // says it is an authorisation problem

    HttpOutcome unauthorised;
    unauthorised.status = 401;
    QVERIFY(unauthorised.isAuthProblem());

    HttpOutcome fine;
    fine.status = 204;
    QVERIFY(fine.ok());

    HttpOutcome refused;
    refused.networkError = true;
    QVERIFY(!refused.ok());
    QVERIFY(!refused.describe().isEmpty());
}

void TestHttpReply::applyHeaders_data()
{
    QTest::addColumn<Credentials::Scheme>("scheme");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");

    using Scheme = Credentials::Scheme;
    // base64("alice:s3cret") and base64("jörg:pä:ss") in UTF-8, computed independently.
    QTest::newRow("Basic") << Scheme::Basic << u"alice"_s << u"s3cret"_s
                           << QByteArray("Authorization") << QByteArray("Basic YWxpY2U6czNjcmV0");
    QTest::newRow("Basic, UTF-8, colon in password")
        << Scheme::Basic << u"jörg"_s << u"pä:ss"_s << QByteArray("Authorization")
        << QByteArray("Basic asO2cmc6cMOkOnNz");
    QTest::newRow("DC/OS token") << Scheme::MarathonToken << QString() << u"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"_s
                                 << QByteArray("Authorization")
                                 << QByteArray("token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
    QTest::newRow("Bearer") << Scheme::Bearer << QString() << u"oauth-tok-123"_s
                            << QByteArray("Authorization") << QByteArray("Bearer oauth-tok-123");
    QTest::newRow("Evergreen Api-User") << Scheme::EvergreenKey << u"bot"_s << u"0123456789abcdef"_s
                                        << QByteArray("Api-User") << QByteArray("bot");
    QTest::newRow("Evergreen Api-Key") << Scheme::EvergreenKey << u"bot"_s << u"0123456789abcdef"_s
                                       << QByteArray("Api-Key") << QByteArray("0123456789abcdef");
}

void TestHttpReply::applyHeaders()
{
    QFETCH(Credentials::Scheme, scheme);
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);

    QNetworkRequest request;
    credentials(scheme, user, secret).apply(&request);
    QVERIFY(request.hasRawHeader(header));
    QCOMPARE(request.rawHeader(header), value);
    // Evergreen key auth sends no Authorization header; the others send nothing but it.
    if (scheme == Credentials::Scheme::EvergreenKey) {
        QVERIFY(!request.hasRawHeader("Authorization"));
        QCOMPARE(request.rawHeaderList().size(), 2);
    } else {
        QCOMPARE(request.rawHeaderList().size(), 1);
    }
}

void TestHttpReply::noCredentialsNoHeaders()
{
    QNetworkRequest request;
    Credentials().apply(&request);
    QVERIFY(request.rawHeaderList().isEmpty());
}

void TestHttpReply::redactedHeadersHideSecrets_data()
{
    QTest::addColumn<Credentials::Scheme>("scheme");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("redacted");

    using Scheme = Credentials::Scheme;
    QTest::newRow("Basic") << Scheme::Basic << u"alice"_s << u"s3cret"_s
                           << QByteArray("Authorization") << QByteArray("Basic ***");
    QTest::newRow("Basic, password with spaces") << Scheme::Basic << u"alice"_s << u"open sesame now"_s
                                                 << QByteArray("Authorization") << QByteArray("Basic ***");
    QTest::newRow("DC/OS token") << Scheme::MarathonToken << QString() << u"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"_s
                                 << QByteArray("Authorization") << QByteArray("token=***");
    QTest::newRow("DC/OS token with padding") << Scheme::MarathonToken << QString() << u"YWJjZGVm=="_s
                                              << QByteArray("Authorization") << QByteArray("token=***");
    QTest::newRow("Bearer") << Scheme::Bearer << QString() << u"oauth-tok-123"_s
                            << QByteArray("Authorization") << QByteArray("Bearer ***");
    QTest::newRow("Evergreen hex key") << Scheme::EvergreenKey << u"bot"_s << u"0123456789abcdef0123456789abcdef"_s
                                       << QByteArray("Api-Key") << QByteArray("***");
    // API keys are opaque: a base64 key has "=" padding, and a key may hold a space.
    QTest::newRow("Evergreen base64 key") << Scheme::EvergreenKey << u"bot"_s << u"c2VjcmV0LWtleS12YWx1ZQ=="_s
                                          << QByteArray("Api-Key") << QByteArray("***");
    QTest::newRow("Evergreen key with a space") << Scheme::EvergreenKey << u"bot"_s << u"abc123 def456"_s
                                                << QByteArray("Api-Key") << QByteArray("***");
}

void TestHttpReply::redactedHeadersHideSecrets()
{
    QFETCH(Credentials::Scheme, scheme);
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, redacted);

    QNetworkRequest request;
    const Credentials creds = credentials(scheme, user, secret);
    creds.apply(&request);
    const auto headers = HttpLog::redactedHeaders(request);
    QCOMPARE(headers.size(), request.rawHeaderList().size());
    QCOMPARE(headerValue(headers, header), redacted);

    // No piece of the secret, nor its encoded form, appears anywhere in the printed headers.
    const QByteArray text = printed(headers);
    const QByteArray secretUtf8 = secret.toUtf8();
    for (const QByteArray &piece : secretUtf8.split(' ')) {
        if (piece.size() >= 3)
            QVERIFY2(!text.contains(piece), text.constData());
    }
    if (scheme == Credentials::Scheme::Basic) {
        const QByteArray encoded = (user + u':' + secret).toUtf8().toBase64();
        QVERIFY2(!text.contains(encoded.left(8)), text.constData());
    }
    if (scheme == Credentials::Scheme::EvergreenKey)
        QCOMPARE(headerValue(headers, "Api-User"), user.toUtf8()); // a user name is no secret
}

void TestHttpReply::redactedHeadersKeepOtherHeaders()
{
    QNetworkRequest request;
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cookie", "session=abcdef123456");
    request.setRawHeader("Proxy-Authorization", "Basic cHJveHk6cGFzcw==");
    credentials(Credentials::Scheme::Bearer, QString(), u"tok-xyz-789"_s).apply(&request);

    const auto headers = HttpLog::redactedHeaders(request);
    QCOMPARE(headers.size(), 4);
    QCOMPARE(headerValue(headers, "Accept"), QByteArray("text/event-stream"));
    QCOMPARE(headerValue(headers, "Proxy-Authorization"), QByteArray("Basic ***"));
    QCOMPARE(headerValue(headers, "Authorization"), QByteArray("Bearer ***"));
    const QByteArray text = printed(headers);
    QVERIFY(!text.contains("abcdef123456"));
    QVERIFY(!text.contains("cHJveHk6cGFzcw"));
    QVERIFY(!text.contains("tok-xyz-789"));
}

void TestHttpReply::cookieValuesNeverPrinted()
{
    // Session cookies are credentials too; browsers send several, separated by "; ".
    QNetworkRequest request;
    request.setRawHeader("Cookie", "mci-token=abc123secretvalue; theme=dark");
    const QByteArray text = printed(HttpLog::redactedHeaders(request));
    QVERIFY2(!text.contains("abc123secretvalue"), text.constData());
}

void TestHttpReply::secretHeaderNames()
{
    QVERIFY(HttpLog::isSecretHeader("Authorization"));
    QVERIFY(HttpLog::isSecretHeader("authorization"));
    QVERIFY(HttpLog::isSecretHeader("Api-Key"));
    QVERIFY(HttpLog::isSecretHeader("API-KEY"));
    QVERIFY(HttpLog::isSecretHeader("Cookie"));
    QVERIFY(HttpLog::isSecretHeader("Proxy-Authorization"));
    QVERIFY(!HttpLog::isSecretHeader("Api-User"));
    QVERIFY(!HttpLog::isSecretHeader("Accept"));
    QVERIFY(!HttpLog::isSecretHeader("Content-Type"));
}

void TestHttpReply::describeNeverShowsTheSecret()
{
    using Scheme = Credentials::Scheme;
    const QString secret = u"hunter2-very-secret"_s;
    for (Scheme scheme : {Scheme::None, Scheme::Basic, Scheme::MarathonToken, Scheme::Bearer,
                          Scheme::EvergreenKey}) {
        const QString text = credentials(scheme, u"alice"_s, secret).describe();
        QVERIFY(!text.isEmpty());
        QVERIFY2(!text.contains(u"hunter2"_s), qPrintable(text));
    }
    QVERIFY(credentials(Scheme::Basic, u"alice"_s, secret).describe().contains(u"alice"_s));
}

void TestHttpReply::fromEnvironment()
{
    using Scheme = Credentials::Scheme;
    const char *names[] = {"TASKMON_MARATHON_USER", "TASKMON_MARATHON_PASSWORD", "TASKMON_MARATHON_TOKEN",
                           "TASKMON_EVERGREEN_USER", "TASKMON_EVERGREEN_KEY"};
    for (const char *name : names)
        qunsetenv(name);
    QCOMPARE(Credentials::marathonFromEnvironment().scheme, Scheme::None);
    QCOMPARE(Credentials::evergreenFromEnvironment().scheme, Scheme::None);

    qputenv("TASKMON_MARATHON_USER", "alice");
    qputenv("TASKMON_MARATHON_PASSWORD", "pw");
    Credentials marathon = Credentials::marathonFromEnvironment();
    QCOMPARE(marathon.scheme, Scheme::Basic);
    QCOMPARE(marathon.user, u"alice"_s);
    QCOMPARE(marathon.secret, u"pw"_s);
    qputenv("TASKMON_MARATHON_TOKEN", "tok");
    marathon = Credentials::marathonFromEnvironment();
    QCOMPARE(marathon.scheme, Scheme::MarathonToken);
    QCOMPARE(marathon.secret, u"tok"_s);

    qputenv("TASKMON_EVERGREEN_USER", "bot");
    qputenv("TASKMON_EVERGREEN_KEY", "k3y");
    const Credentials evergreen = Credentials::evergreenFromEnvironment();
    QCOMPARE(evergreen.scheme, Scheme::EvergreenKey);
    QCOMPARE(evergreen.user, u"bot"_s);
    QCOMPARE(evergreen.secret, u"k3y"_s);

    for (const char *name : names)
        qunsetenv(name);
}

QTEST_GUILESS_MAIN(TestHttpReply)
#include "tst_httpreply.moc"
