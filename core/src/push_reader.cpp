#include "tabiji/push_reader.hpp"

#include "tabiji/input_file.hpp"

namespace tabiji {

void feed_in_slices(PushReader& reader, std::string_view bytes,
                    const std::function<void(size_t)>& after_slice) {
    constexpr size_t kSlice = size_t(4) << 20;
    for (size_t at = 0; at < bytes.size(); at += kSlice) {
        const std::string_view slice = bytes.substr(at, kSlice);
        reader.feed(slice);
        if (after_slice) after_slice(slice.size());
    }
}

EventLog read_buffer_with(PushReader& reader, std::string_view bytes, ReadReport* report,
                          const std::function<void(size_t)>& after_slice) {
    feed_in_slices(reader, bytes, after_slice);
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
