// The JSON writer of Module.tabijiState() (state_json.cpp, training_json.cpp) and its one helper.
#pragma once
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

namespace tabiji::web {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// "key": "value" inside an object being written (the value need not end with a NUL).
inline void json_str(JsonWriter& w, const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

} // namespace tabiji::web
