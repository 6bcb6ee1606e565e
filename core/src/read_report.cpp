// ReadReport: counts every problem kind, keeps the first few examples of each; shortens shown text.
#include "tabiji/read_report.hpp"

namespace tabiji {

void ReadReport::add_problem(ReadProblem p) {
    uint64_t& n = problem_counts[p.kind];
    if (n++ < kMaxExamples) examples.push_back(std::move(p));
}

std::string shorten_text(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut; // keep UTF-8 whole
    return std::string(s.substr(0, cut)) + "...";
}

} // namespace tabiji
