// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfields.h"

namespace JsonFields {

const Json *lookup(const Json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const Json &member(const Json &object, const char *key)
{
    static const Json null;
    const Json *value = lookup(object, key);
    return value ? *value : null;
}

QByteArrayView text(const Json &value)
{
    if (!value.is_string())
        return {};
    const std::string &s = value.get_ref<const std::string &>();
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

QByteArrayView text(const Json &object, const char *key)
{
    return text(member(object, key));
}

QString string(const Json &object, const char *key)
{
    return QString::fromUtf8(text(object, key));
}

InternedString interned(const Json &object, const char *key)
{
    return InternedString::fromUtf8(text(object, key));
}

Timestamp time(const Json &object, const char *key)
{
    return IsoTime::parse(text(object, key));
}

std::optional<bool> boolean(const Json &object, const char *key)
{
    const Json *value = lookup(object, key);
    if (!value || !value->is_boolean())
        return std::nullopt;
    return value->get<bool>();
}

const Json &array(const Json &object, const char *key)
{
    static const Json empty = Json::array();
    const Json *value = lookup(object, key);
    return value && value->is_array() ? *value : empty;
}

} // namespace JsonFields
