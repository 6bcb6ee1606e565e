#include "tabiji/push_reader.hpp"

#include "tabiji/input_file.hpp"

namespace tabiji {

void feed_in_slices(PushReader& reader, std::string_view bytes) {
    constexpr size_t kSlice = size_t(4) << 20;
    for (size_t at = 0; at < bytes.size(); at += kSlice) reader.feed(bytes.substr(at, kSlice));
}

EventLog read_buffer_with(PushReader& reader, std::string_view bytes, ReadReport* report) {
    feed_in_slices(reader, bytes);
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
