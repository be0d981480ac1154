<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionController</name>
    <message>
        <source>Select one or more tasks first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the %1 selected tasks: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — applies to %1 of the %2 selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New priority: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 sent for %n task(s)</source>
        <translation>
            <numerusform>%1 sent for %n task</numerusform>
            <numerusform>%1 sent for %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Force it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server refused %1 for %n task(s): %2</source>
        <translation>
            <numerusform>The server refused %1 for %n task: %2</numerusform>
            <numerusform>The server refused %1 for %n tasks: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Force %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionResultsDialog</name>
    <message>
        <source>%1: results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✕ failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionRules</name>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taskmon was started with --read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s status is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: none of the %n selected task(s) applies (%2)</source>
        <translation>
            <numerusform>%1: none of the %n selected task applies (%2)</numerusform>
            <numerusform>%1: none of the %n selected tasks applies (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n task(s)</source>
        <translation>
            <numerusform>%1 %n task</numerusform>
            <numerusform>%1 %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 not applicable: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>This connection cannot fetch raw records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Gave up waiting for the server&apos;s answer after %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach every connection within %1 s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) of %1 · %2 problems</source>
        <translation>
            <numerusform>%n task of %1 · %2 problems</numerusform>
            <numerusform>%n tasks of %1 · %2 problems</numerusform>
        </translation>
    </message>
    <message>
        <source>(new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %n task(s)%2?</source>
        <translation>
            <numerusform>%1 %n task%2?</numerusform>
            <numerusform>%1 %n tasks%2?</numerusform>
        </translation>
    </message>
    <message>
        <source> (forced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deployment holds the app; run again with --force to cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionOptions</name>
    <message>
        <source>--%1 wants an http or https address such as https://server.example, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the built-in demo cluster (the default when no server is given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the demo cluster: the same seed gives the same cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of demo tasks (default 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo status changes per second (default 40).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow a Marathon, e.g. http://leader:8080 or https://dcos/service/marathon; repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon basic-auth user (or TASKMON_MARATHON_USER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon basic-auth password (or TASKMON_MARATHON_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DC/OS ACS token, sent as Authorization: token=… (or TASKMON_MARATHON_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes finished Marathon tasks stay visible as history (default 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of silence after which a Marathon event stream counts as dead (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow an Evergreen server, e.g. https://evergreen.mongodb.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Evergreen version (or patch) whose builds to follow; repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Evergreen build to follow; repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evergreen API user (or TASKMON_EVERGREEN_USER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evergreen API key, or a bearer token without a user (or TASKMON_EVERGREEN_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between Evergreen polls (default 30; 10 while tasks run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept invalid TLS certificates (test servers only; logged as a warning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable every action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--evergreen needs at least one --version ID or --build ID to follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--evergreen-user needs --evergreen-key (or TASKMON_EVERGREEN_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--version and --build name Evergreen versions and builds; add --evergreen URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon options need --marathon URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling every %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>no credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>basic auth as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DC/OS token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBackend</name>
    <message>
        <source>demo cluster (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulating %1 tasks of both systems, about %2 changes a second</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCluster</name>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to launch container: invalid image reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task lost (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check failed 3 times in a row; killed by Marathon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent reconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon has no such action for a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App is locked by one or more deployments. Override with the option &apos;?force=true&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only resident tasks with local volumes can be wiped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed; the app is scaled down by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment started: rolling restart of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task &apos;%1&apos; currently has status &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - cannot abort task in this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - cannot reset task in this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insufficient privilege to set priority to %1, non-superusers can only set priority at or below 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evergreen tasks are not killed; abort them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo cluster no longer knows task %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>There is no D-Bus session bus to show desktop notifications on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desktop notification service answered (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Fetch the server&apos;s raw record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record exactly as the server sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the raw record again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&quot;color: gray&quot;&gt;Select a task to see everything about it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Task &lt;tt&gt;%1&lt;/tt&gt; is no longer listed by its server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenActions</name>
    <message>
        <source>(an authorisation problem: priorities above 100 need Evergreen project admin rights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evergreen&apos;s REST API has no route for overriding dependencies; use the Evergreen web UI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Evergreen action; Evergreen tasks are aborted or restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 was accepted, but the answer could not be read (%3); the next poll shows the task&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenAnnotations</name>
    <message>
        <source>Annotations of %1 (execution %2) could not be fetched: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenBackend</name>
    <message>
        <source>the Evergreen URL &quot;%1&quot; is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to watch: name a version or a build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials: Evergreen answers most requests only with TASKMON_EVERGREEN_USER and TASKMON_EVERGREEN_KEY (or a bearer token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was stopped before the server answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorisation problem — %1: %2 (sent %3; check the credentials and their rights on the project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited by the server (429%1); nothing is sent for %2, as its Retry-After asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not fetch the task from Evergreen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server&apos;s display_status is &quot;%2&quot; but its raw fields make it &quot;%3&quot;; showing %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more tasks whose display_status differs from their raw fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more unreadable elements in this poll.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenClient</name>
    <message>
        <source>TLS certificate errors ignored as configured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenParser</name>
    <message>
        <source>empty answer where JSON was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON near byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after task %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superseded by version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pull request was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an element that is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an element without task_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element %1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds no task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds no builds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element %1 skipped: a build without _id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds no annotations: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenPoller</name>
    <message>
        <source>builds of version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s next-page links go round in a circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks of build %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenRules</name>
    <message>
        <source>Evergreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evergreen reported a status taskmon does not know; it will not act on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort was already requested; Evergreen is stopping the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is blocked by a dependency and has not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has not been dispatched yet; unschedule it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort was requested; the task can be restarted once it has really finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is still running; abort it first and restart it once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is blocked and has not run; override its dependencies instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has not run yet; only finished tasks can be restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is scheduled but blocked by a dependency; override its dependencies instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is already scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has finished; restart it to run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is not scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has already been dispatched to a host; abort it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is blocked by a dependency and will not run until its dependencies are overridden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is already running; abort it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has already been dispatched; priority only matters while a task waits in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is already running; priority only matters while a task waits in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has finished; priority only matters while a task waits in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is not blocked by a dependency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Evergreen action; Evergreen tasks are aborted, restarted, scheduled or re-prioritised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an execution task of a display task; %1 the display task instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>execution tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Native status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out (the server did not say which timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvergreenStatus</name>
    <message>
        <source>exec timeout: the whole task ran longer than its limit (default %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle timeout: a command produced no output for too long (default %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 timeout (default %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 timeout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FailureKind</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup failure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterSidebar</name>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpReply</name>
    <message>
        <source>no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(an authorisation problem: check the credentials and their rights)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonPretty</name>
    <message>
        <source>record too deep to show: %1 levels (taskmon shows up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… (cut: the indented record is longer than %1 bytes; the record itself is %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegendDialog</name>
    <message>
        <source>Test failure — red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s own work failed: tests, a command, a timeout it ran into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test failure somebody already linked to an issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System failure — purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The infrastructure failed: host lost, agent unreachable, system command failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup failure — lavender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be set up, or its description is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running, or stopping after an abort or kill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished without a failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked, stopped or blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscheduled, aborted, killed, or waiting for a dependency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour is never the only cue: every status has its own glyph and label.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>taskmon (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taskmon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only failures of any kind and unreachable tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only failures and unreachable tasks (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What every badge colour and glyph means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll Evergreen now; reconnect a waiting Marathon now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search not applied: %1 (at column %2 of “%3”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonActions</name>
    <message>
        <source>deployment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon has no such action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force it? This cancels the deployment that holds the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon did not kill this task: it does not know it (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taskmon cannot tell the app of this task from its id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonBackend</name>
    <message>
        <source>Event stream redirected to %1 (the leader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET /v2/tasks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/v2/tasks listed %1 entries that are not tasks with an id; skipped them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed %1 tasks from /v2/tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET /v2/events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the server did not take &quot;Accept: text/event-stream&quot;; a proxy in between may rewrite it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — is %2 a Marathon?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (retrying in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taskmon cannot tell the app of task %1 from its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/v2/tasks held %1 invalid UTF-8 sequences; they are shown as U+FFFD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonEvents</name>
    <message>
        <source>Skipped a malformed event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped an event of more than %1 bytes (the limit is %2); the stream goes on. It began: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignoring events of type &quot;%1&quot;, which taskmon does not know; further ones are only counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more malformed or oversized events in the last %2 were skipped without a line each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored %1 more events of unknown types in the last %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event of type %1 held %2 invalid UTF-8 sequences; they are shown as U+FFFD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonHttp</name>
    <message>
        <source>Refused to follow a redirect to &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to follow a redirect from https to %1: it would send the credentials in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate not verified, as configured: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonParser</name>
    <message>
        <source>malformed JSON (%1) near: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status_update_event without %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance_changed_event without condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without a true/false %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without taskId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon killed unhealthy task %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: step done: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: step failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App %1 was removed from Marathon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group change of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon lost its connection to the Mesos master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon registered with the Mesos master %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a task listing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frame: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frame is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> near: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon does not list task %1 any more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonRules</name>
    <message>
        <source>Marathon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon replaces a finished task by itself; use Restart App to restart the whole app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon cannot restart a single task: kill it and Marathon launches a replacement, or use Restart App.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Marathon action; Marathon tasks are killed or their app is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is already being killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathon has not launched this instance yet; there is no task to kill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has already finished; Marathon launches a replacement by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only tasks with local persistent volumes can be wiped; use Kill instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no local volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Native status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesos reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarathonStream</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data on the event stream for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer to GET /v2/events for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>%n new system failure(s) in %1</source>
        <translation>
            <numerusform>%n new system failure in %1</numerusform>
            <numerusform>%n new system failures in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new system failure(s)</source>
        <translation>
            <numerusform>%n new system failure</numerusform>
            <numerusform>%n new system failures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new failure(s) in %1</source>
        <translation>
            <numerusform>%n new failure in %1</numerusform>
            <numerusform>%n new failures in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new failure(s)</source>
        <translation>
            <numerusform>%n new failure</numerusform>
            <numerusform>%n new failures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) matched in %1</source>
        <translation>
            <numerusform>%n task matched in %1</numerusform>
            <numerusform>%n tasks matched in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) matched</source>
        <translation>
            <numerusform>%n task matched</numerusform>
            <numerusform>%n tasks matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>The notification rule “%1” is not a valid query and is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationSettingsDialog</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule shows at most one notification this often; what comes in between is added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most one notification per rule every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule notifies when a task starts to match its query, for example &lt;code&gt;kind:system source:marathon&lt;/code&gt; or &lt;code&gt;is:new-failure group:/prod&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionReader</name>
    <message>
        <source>--%1 wants %2 from %3 to %4, not “%5”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <source>Tasks over the last 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar to show only that kind of failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups with the most problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar to show only that group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <source>Admin request: allow priorities above %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Priority for %n task(s):</source>
        <translation>
            <numerusform>Priority for %n task:</numerusform>
            <numerusform>Priority for %n tasks:</numerusform>
        </translation>
    </message>
    <message>
        <source>−1 is the same as unscheduling: the scheduler skips the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 is the default priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher numbers run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High priority: the task runs before most others.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryLineEdit</name>
    <message>
        <source>Search: words, status:failed, -group:/web, priority:&gt;50, &quot;disk full&quot;  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Refresh requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the task&apos;s connection is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 requested for %n task(s)</source>
        <translation>
            <numerusform>%1 requested for %n task</numerusform>
            <numerusform>%1 requested for %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (forced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, priority %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 succeeded for %n task(s)</source>
        <translation>
            <numerusform>%1 succeeded for %n task</numerusform>
            <numerusform>%1 succeeded for %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 succeeded, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBarPanel</name>
    <message>
        <source>%1 tasks · %2 problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemDescriptor</name>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskColumn</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetails</name>
    <message>
        <source>activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abort requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by a dependency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local persistent volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dependencies overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>execution task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restarts when finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (confidence %1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — a known issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspected issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations are being fetched…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 consecutive failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, last: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions in the toolbar and the context menu apply to every selected task they fit; you see what applies before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskFormat</name>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskQuery</name>
    <message>
        <source>Nothing to exclude after “-”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1:” needs a value, for example %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quote is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is missing after the comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a space or a comma between values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “%1”. Known fields: %2. To search for the text, put it in quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown stage “%1”. Stages: scheduled, in-progress, finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown failure kind “%1”. Kinds: test, system, setup, known, any, none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown source “%1”. Sources: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a priority. Use a number, &gt;N, &gt;=N, &lt;N, &lt;=N or N..M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“is:%1” cannot be combined with other values; write it as its own term.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown “is:” value “%1”. Try is:problem, is:parked, is:new or is:new-failure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test (known issue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTableView</name>
    <message>
        <source>Reset Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToastWidget</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowNotifications</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected failures as seen: they no longer count as new. Nothing is hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures nobody acknowledged yet here (A). Click to search for is:new-failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications are shown inside the window instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n notified task(s) gone or hidden by the filters.</source>
        <translation>
            <numerusform>%n notified task gone or hidden by the filters.</numerusform>
            <numerusform>%n notified tasks gone or hidden by the filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n failure(s).</source>
        <translation>
            <numerusform>Acknowledged %n failure.</numerusform>
            <numerusform>Acknowledged %n failures.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to acknowledge in the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n new failure(s)</source>
        <translation>
            <numerusform>%1 — %n new failure</numerusform>
            <numerusform>%1 — %n new failures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>taskmon: %n new failure(s)</source>
        <translation>
            <numerusform>taskmon: %n new failure</numerusform>
            <numerusform>taskmon: %n new failures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watch Marathon and Evergreen CI tasks live and act on failures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light, dark or system (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds to wait before --screenshot (default 4000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight Marathon tasks unreachable for this many minutes (default 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification when a task starts to match QUERY, for this run (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskmon-cli</name>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask before destructive actions on a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override a lock the server reported (Marathon: cancel the deployment that holds the app, after a 409).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 %2 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--filter: %1
  %2
  %3^</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2
Usage: %1 [connection options] COMMAND [options] [ARGS]

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow Marathon and Evergreen tasks from a terminal, with the rules of the taskmon window.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the current tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print one line per status change as it happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for every connection and for answers (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 a request or an action failed, 2 usage error.
&apos;%1 COMMAND --help&apos; describes each command.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the stream or the polling this long first, then print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only tasks matching QUERY (the search language of the window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table (default), json or csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this long (default: until interrupted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only changes of tasks matching QUERY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text (default) or jsonl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow a value above %1 as an explicit admin request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 [connection options] %2

%3.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown format “%1”; %2 knows %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no arguments, but got “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a number and at least one task id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number: give an integer from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (add --admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot go together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs one of its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs at least one %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group or task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification when a task starts to match QUERY (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
