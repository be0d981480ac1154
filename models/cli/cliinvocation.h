// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"

#include <QCommandLineParser>
#include <QString>
#include <functional>

#include <QStringList>

// What taskmon-cli was asked to do, read from its arguments (DESIGN.md §5):
//
//   taskmon-cli <connection options> list [--live SECONDS] [--filter QUERY] [--format table|json|csv]
//   taskmon-cli <connection options> watch [--for SECONDS] [--format text|jsonl]
//   taskmon-cli <connection options> ACTION [flags] ID...   every action the systems declare
//   taskmon-cli <connection options> priority N ID...        an action that takes a value
// The connection options belong to the systems (app/systems): the caller passes them in.
struct CliInvocation
{
    enum class Command { List, Watch, Act, Help };
    enum class Format { Table, Json, Csv, Text, Jsonl };
    enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };
    // Longer waits than this (about 11 days) are refused: timers count in int milliseconds.
    static constexpr int MaxSeconds = 1'000'000;

    // How the connection options are declared and read; the caller keeps what they say.
    struct ConnectionParsing
    {
        std::function<void(QCommandLineParser *parser)> declare;
        std::function<bool(const QCommandLineParser &parser, QString *error)> read;
    };

    Command command = Command::Help;
    int timeoutSeconds = 30;     // to reach every connection, and for an action's answers

    // list / watch
    double liveSeconds = 0;
    double forSeconds = 0;       // 0: until interrupted
    QString filter;
    Format format = Format::Table;
    QStringList notifyQueries;   // watch --notify: one notification rule each, for this run

    // actions
    TaskAction action{};
    QStringList ids;             // task ids; for restart-app, app ids or task ids
    qint64 priority = 0;
    bool admin = false;
    bool force = false;
    bool yes = false;

    QString helpText;            // for Command::Help

    // Reads the arguments (without the program name). On a usage error returns false and
    // fills error with a message that says how to get help.
    static bool parse(const QStringList &arguments, const ConnectionParsing &connections,
                      CliInvocation *invocation, QString *error);
    static QString usage(const ConnectionParsing &connections);
};
