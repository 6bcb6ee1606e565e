// Training packs through the PushReader interface (see training_pack_reader.hpp).
#include "tabiji/training_pack_reader.hpp"

#include "tabiji/error.hpp"

#include <cctype>

namespace tabiji {

namespace {
constexpr size_t kMaxPackBytes = size_t(1) << 31; // the browser's memory is the real limit
}

TrainingPackReader::TrainingPackReader(std::string source) : source_(std::move(source)) {
    report_.format = "training pack";
    report_.encoding = "UTF-8";
}

void TrainingPackReader::feed(std::string_view chunk) {
    if (bytes_.size() + chunk.size() > kMaxPackBytes)
        throw InputError(source_, 0, 0, "too large for a training pack (over 2 GiB)");
    bytes_.append(chunk);
}

EventLog TrainingPackReader::finish() {
    pack_ = training_pack_from_bytes(bytes_, source_);
    bytes_.clear();
    bytes_.shrink_to_fit();
    report_.records = pack_.log.num_events();
    return std::move(pack_.log);
}

bool has_training_pack_extension(std::string_view name) {
    if (name.size() >= 3 && name.substr(name.size() - 3) == ".gz") name.remove_suffix(3);
    const std::string_view ext = kTrainingPackExtension;
    if (name.size() < ext.size()) return false;
    for (size_t i = 0; i < ext.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(name[name.size() - ext.size() + i])) != ext[i])
            return false;
    return true;
}

} // namespace tabiji
