// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/internedstring.h"
#include "domain/isotime.h"

#include <QByteArrayView>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

// Reading the fields of a server's JSON without trusting their types: a member of another
// type than expected reads as absent. For the parsers' .cpp files only, so that nlohmann's
// types never reach the rest of taskmon.
namespace JsonFields {
using Json = nlohmann::json;

// The member `key` of an object; nullptr when it is absent or `object` is no object.
const Json *lookup(const Json &object, const char *key);
// The same, as a null value when absent.
const Json &member(const Json &object, const char *key);
// A string's bytes (they live as long as the document); empty for anything else.
QByteArrayView text(const Json &value);
QByteArrayView text(const Json &object, const char *key);
QString string(const Json &object, const char *key);
InternedString interned(const Json &object, const char *key);
// An ISO 8601 time; 0 when absent or unreadable.
Timestamp time(const Json &object, const char *key);
std::optional<bool> boolean(const Json &object, const char *key);
// The member when it is an array, otherwise an empty one.
const Json &array(const Json &object, const char *key);
} // namespace JsonFields
