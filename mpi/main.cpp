// tabiji-mpi: `tabiji dfg`, `variants` and `perf` on many processes (mpirun -np N tabiji-mpi COMMAND
// [options] LOG...). Every rank reads a byte range of the log, or a run of its files (shard_read), cases
// are re-partitioned by owner (case_exchange), each rank filters and mines its cases with the core and
// the results are merged (result_merge) so that rank 0 writes what `tabiji` writes, byte for byte, with
// the same writers. A failure on any rank ends the job with its message and `tabiji`'s exit code.
#include "case_exchange.hpp"
#include "collective.hpp"
#include "cpu_time.hpp"
#include "result_merge.hpp"
#include "shard_read.hpp"

#include "../cli/args.hpp"
#include "../cli/filter_options.hpp"
#include "../cli/log_options.hpp"
#include "../cli/output.hpp"
#include "../cli/perf_output.hpp"
#include "../cli/report_format.hpp"
#include "../cli/variants_output.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/result_json.hpp"

#include <mpi.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>
#include <variant>

namespace tabiji::mpi {

namespace {

enum class Kind { dfg, variants, perf };

// Filters that cannot be applied to each rank's cases alone: variant filters need every journey's
// variant; attribute filters need attributes, which the exchange does not send.
const char* const kNeedsAllVariants = "needs the variants of all journeys";
const char* const kNeedsAttributes = "attributes are not sent between ranks";

const char* unsupported_reason(const std::string& option) {
    if (option == "top-variants" || option == "variant-coverage") return kNeedsAllVariants;
    if (option == "attr" || option == "drop-attr" || option == "attr-range" || option == "attr-events" ||
        option == "attr-nulls")
        return kNeedsAttributes;
    return nullptr;
}

void check_filters(const FilterChain& chain) {
    for (const Filter& f : chain.filters) {
        const char* why = std::holds_alternative<VariantFilter>(f)     ? kNeedsAllVariants
                          : std::holds_alternative<AttributeFilter>(f) ? kNeedsAttributes
                                                                       : nullptr;
        if (why)
            throw cli::UsageError("the " + std::string(filter_kind_name(f)) +
                                  " filter is not available in tabiji-mpi (" + why +
                                  "); run tabiji on one machine for it");
    }
}

cli::CommandSpec command_spec(Kind kind) {
    cli::CommandSpec s;
    s.name = kind == Kind::dfg ? "dfg" : kind == Kind::variants ? "variants" : "perf";
    s.summary =
        "the output of `tabiji " + s.name + "`, computed by all ranks of an MPI job (written by rank 0)";
    s.usage =
        "mpirun -np N tabiji-mpi " + s.name +
        " [options] LOG [LOG...]   (several files: ONE log holding their records in order, not one result "
        "per file as in tabiji)";
    s.options = cli::log_and_filter_option_specs();
    for (cli::OptionSpec& o : s.options)
        if (const char* why = unsupported_reason(o.name))
            o.help = "not in tabiji-mpi (" + std::string(why) + "): " + o.help;
        else if (o.name == "filter")
            o.help += " (tabiji-mpi: no variants or attribute filters in it)";
    if (kind == Kind::dfg) {
        s.options.push_back({"no-variants", "", "leave out the variants"});
        s.options.push_back({"no-performance", "", "leave out the step durations (performance_dfg)"});
        s.options.push_back({"compact", "", "one-line JSON instead of indented"});
    } else if (kind == Kind::variants) {
        for (cli::OptionSpec& o : cli::variants_option_specs()) s.options.push_back(std::move(o));
    } else {
        for (cli::OptionSpec& o : cli::perf_option_specs())
            if (o.name == "table")
                s.options.push_back({o.name, o.value_name, o.help + " (not cases in tabiji-mpi)"});
            else
                s.options.push_back(std::move(o));
    }
    s.options.push_back({"output", "FILE", "write to FILE (atomically) instead of standard output"});
    if (kind != Kind::variants)
        s.options.push_back({"sketch", "ALPHA",
                             "median and p90 from mergeable sketches instead of gathering every duration: "
                             "each within ALPHA (relative, 0 < ALPHA < 1, e.g. 0.01) of the exact value; "
                             "count, min, max exact; sum, mean, stdev equal up to floating-point rounding"});
    s.options.push_back({"stats", "", "per rank on stderr: events read and owned, bytes exchanged, times"});
    s.examples = "  mpirun -np 4 tabiji-mpi " + s.name + " big.csv -o big.json --stats\n" +
                 "  mpirun -np 4 tabiji-mpi " + s.name + " part-1.csv part-2.csv part-3.csv\n";
    s.min_positionals = 1;
    s.max_positionals = 1 << 20;
    return s;
}

double parse_sketch(const cli::Args& args) {
    const auto v = args.value("sketch");
    if (!v) return 0;
    size_t used = 0;
    double alpha = 0;
    try {
        alpha = std::stod(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || !(alpha > 0 && alpha < 1))
        throw cli::UsageError("--sketch expects a relative accuracy in (0, 1) such as 0.01, got '" + *v +
                              "'");
    return alpha;
}

// Peak resident memory of this process since it started or since the last reset_peak_rss (Linux's VmHWM;
// file pages mapped by the reader count too), in KiB; -1 when unknown.
long peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}
void reset_peak_rss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

void run_command(Comm& comm, Kind kind, const cli::Args& args) {
    const std::vector<std::string>& paths = args.positionals();
    ReadOptions options;
    FilterChain chain;
    MiningRequest request;
    DfgJsonParts parts;
    cli::Format format = cli::Format::json;
    std::string table;
    comm.phase([&] {
        chain = cli::filter_chain_from_args(args);
        check_filters(chain);
        options = cli::read_options(args);
        if (!args.value("threads")) options.threads = 1; // one core per rank
        if (paths.size() > 1)
            for (const std::string& p : paths)
                if (p == "-") throw cli::UsageError("standard input (-) can only be the one LOG");
        if (paths.size() > 1 && options.pair_lifecycle)
            throw cli::UsageError("--pair-lifecycle reads one LOG (pairs may span files)");
        request.sketch_alpha = kind == Kind::variants ? 0 : parse_sketch(args);
        if (kind == Kind::dfg) {
            parts.variants = !args.flag("no-variants");
            parts.performance = !args.flag("no-performance");
            parts.pretty = !args.flag("compact");
            request.variants = parts.variants;
            request.edge_performance = parts.performance;
        } else if (kind == Kind::variants) {
            format = cli::output_format(args, {cli::Format::json, cli::Format::csv, cli::Format::dot});
            request.variants = true;
        } else {
            format = cli::output_format(args, {cli::Format::json, cli::Format::csv, cli::Format::dot});
            table = cli::perf_table(args);
            if (format == cli::Format::csv && table == "cases")
                throw cli::UsageError(
                    "--table cases is not available in tabiji-mpi (it lists every journey)");
            request.edge_performance = request.time_to_next = request.case_durations = true;
        }
    });

    const double t0 = MPI_Wtime(), c0 = cpu_seconds();
    Shard shard = paths.size() == 1 ? read_shard(comm, paths[0], options) : read_files(comm, paths, options);
    const double t1 = MPI_Wtime(), c1 = cpu_seconds();
    const uint64_t events_read = shard.log.num_events(), cases_read = shard.log.num_cases();
    const long read_peak = peak_rss_kib();
    reset_peak_rss();
    OwnedCases owned;
    comm.phase([&] { owned = exchange_cases(comm, std::move(shard.log)); });
    const uint64_t exchange_sent = comm.bytes_sent, exchange_received = comm.bytes_received;
    const double t2 = MPI_Wtime(), c2 = cpu_seconds();
    LogView view;
    comm.phase([&] {
        if (comm.rank() == 0)
            if (auto path = args.value("save-filter")) cli::write_output(*path, filter_chain_to_json(chain));
        view = apply_filters(owned.log, chain);
    });
    MergedResults merged;
    comm.phase([&] { merged = mine_and_merge(comm, owned, view, request); });
    const double t3 = MPI_Wtime(), c3 = cpu_seconds();

    // The report rank 0 has (columns used) with the dropped rows of all ranks.
    uint64_t dropped = shard.report.dropped_missing_values;
    MPI_Reduce(comm.rank() == 0 ? MPI_IN_PLACE : &dropped, &dropped, 1, MPI_UINT64_T, MPI_SUM, 0, comm.get());
    comm.phase([&] {
        if (comm.rank() != 0) return;
        // The writers read the source, the activity names and has_time of the log (and its case ids only
        // for `perf --table cases`, refused above).
        EventLog& log = owned.log;
        log.source = paths.size() == 1 ? paths[0] : [&] {
            std::string joined;
            for (const std::string& p : paths) joined += (joined.empty() ? "" : ", ") + p;
            return joined;
        }();
        std::string out;
        if (kind == Kind::dfg) {
            ReadReport report = shard.report;
            report.dropped_missing_values = dropped;
            out = dfg_to_json(log, merged.dfg, merged.variants, merged.performance, parts, &report);
        } else if (kind == Kind::variants) {
            out = cli::variants_output(args, format, log, merged.variants, merged.dfg);
        } else {
            out = cli::perf_output(format, table, log, merged.dfg, merged.performance, merged.time_to_next,
                                   merged.case_durations);
        }
        cli::write_output(args.value_or("output", ""), out);
    });
    const double t4 = MPI_Wtime(), c4 = cpu_seconds();

    if (args.flag("stats")) {
        std::ostringstream line;
        line << "tabiji-mpi: rank " << comm.rank() << "/" << comm.size()
             << (shard.split ? " split" : " rank0-read") << " read_bytes=" << shard.bytes
             << " events_read=" << events_read << " cases_read=" << cases_read
             << " cases_owned=" << owned.log.num_cases() << " events_owned=" << owned.log.num_events()
             << " events_sent=" << owned.events_sent << " exchange_sent_bytes=" << exchange_sent
             << " exchange_received_bytes=" << exchange_received
             << " merge_sent_bytes=" << comm.bytes_sent - exchange_sent
             << " merge_received_bytes=" << comm.bytes_received - exchange_received << " read_s=" << t1 - t0
             << " exchange_s=" << t2 - t1 << " (cpu: pack=" << owned.pack_s
             << " transfer=" << owned.transfer_s << " build=" << owned.build_s << ") mine_merge_s=" << t3 - t2
             << " (cpu: dfg=" << merged.dfg_s << " variants=" << merged.variants_s
             << " steps=" << merged.steps_s << " durations_merge=" << merged.durations_merge_s
             << ") write_s=" << t4 - t3 << " total_s=" << t4 - t0 << " cpu_read_s=" << c1 - c0
             << " cpu_exchange_s=" << c2 - c1 << " cpu_mine_merge_s=" << c3 - c2 << " cpu_total_s=" << c4 - c0
             << " read_peak_rss_kib=" << read_peak << " after_read_peak_rss_kib=" << peak_rss_kib() << "\n";
        for (const std::string& l : comm.gather(line.str())) std::cerr << l;
    }
}

int run(int argc, char** argv) {
    MPI_Comm world = MPI_COMM_WORLD;
    Comm comm(world);
    const std::vector<std::string> words(argv + 1, argv + argc);
    const bool root = comm.rank() == 0;
    const char* const usage = "usage: mpirun -np N tabiji-mpi dfg|variants|perf [options] LOG [LOG...]   "
                              "(see tabiji-mpi COMMAND --help)\n";
    if (words.empty() || words[0] == "--help" || words[0] == "-h") {
        if (root) std::cout << usage;
        return words.empty() ? cli::kUsage : cli::kOk;
    }
    Kind kind;
    if (words[0] == "dfg")
        kind = Kind::dfg;
    else if (words[0] == "variants")
        kind = Kind::variants;
    else if (words[0] == "perf")
        kind = Kind::perf;
    else {
        if (root) std::cerr << "tabiji-mpi: unknown command '" << words[0] << "'\n" << usage;
        return cli::kUsage;
    }
    const cli::CommandSpec spec = command_spec(kind);
    try {
        std::unique_ptr<cli::Args> args;
        comm.phase([&] {
            args =
                std::make_unique<cli::Args>(spec, std::vector<std::string>(words.begin() + 1, words.end()));
        });
        if (args->help()) {
            if (root) std::cout << cli::help_text(spec);
            return cli::kOk;
        }
        run_command(comm, kind, *args);
        return cli::kOk;
    } catch (const JobFailed& e) {
        if (root) std::cerr << e.message << "\n";
        return e.code;
    }
}

} // namespace

} // namespace tabiji::mpi

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    const int code = tabiji::mpi::run(argc, argv);
    MPI_Finalize();
    return code;
}
