// A training pack read through the PushReader interface, so that the web app opens a pack on the same
// path as a log (chunks from a File or a URL): the bytes are collected, and finish() parses the pack
// (training_pack.hpp), returns its log and keeps the rest (project, privacy report) for take_pack().
#pragma once
#include "tabiji/push_reader.hpp"
#include "tabiji/training_pack.hpp"

#include <string>

namespace tabiji {

class TrainingPackReader : public PushReader {
  public:
    explicit TrainingPackReader(std::string source);
    void feed(std::string_view chunk) override;
    EventLog finish() override;
    const ReadReport& report() const override { return report_; }
    uint64_t bytes_fed() const override { return bytes_.size(); }
    // After finish(): the pack without its log (moved out by finish).
    TrainingPack take_pack() { return std::move(pack_); }

  private:
    std::string source_;
    std::string bytes_;
    TrainingPack pack_;
    ReadReport report_;
};

// Whether a file name has the training pack extension (case-insensitive), optionally followed by .gz.
bool has_training_pack_extension(std::string_view name);

} // namespace tabiji
