#include "tabiji/push_reader.hpp"

#include "tabiji/input_file.hpp"

namespace tabiji {

EventLog read_buffer_with(PushReader& reader, std::string_view bytes, ReadReport* report) {
    reader.feed(bytes);
    EventLog log = reader.finish();
    if (report) *report = reader.report();
    return log;
}

EventLog read_file_with(PushReader& reader, const std::string& path, ReadReport* report) {
    read_file_chunks(path, [&](std::string_view chunk) { reader.feed(chunk); });
    EventLog log = reader.finish();
    if (report) *report = reader.report();
    return log;
}

} // namespace tabiji
