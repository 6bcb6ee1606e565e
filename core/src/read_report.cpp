// ReadReport: counts every problem kind, keeps the first few examples of each.
#include "tabiji/read_report.hpp"

namespace tabiji {

void ReadReport::add_problem(ReadProblem p) {
    uint64_t& n = problem_counts[p.kind];
    if (n++ < kMaxExamples) examples.push_back(std::move(p));
}

} // namespace tabiji
