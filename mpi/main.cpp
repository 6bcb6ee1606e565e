// tabiji-mpi: `tabiji dfg` on many processes (mpirun -np N tabiji-mpi dfg LOG [options]). Every rank
// reads a byte range of the log (shard_read), cases are re-partitioned by owner (case_exchange), each
// rank mines its cases with the core and rank 0 merges and writes the JSON `tabiji dfg` writes, byte for
// byte (result_merge). A failure on any rank ends the job with its message and `tabiji`'s exit code.
#include "case_exchange.hpp"
#include "collective.hpp"
#include "result_merge.hpp"
#include "shard_read.hpp"

#include "../cli/args.hpp"
#include "../cli/log_options.hpp"
#include "../cli/output.hpp"
#include "tabiji/result_json.hpp"

#include <mpi.h>

#include <iostream>
#include <sstream>
#include <utility>

namespace tabiji::mpi {

namespace {

cli::CommandSpec dfg_spec() {
    cli::CommandSpec s;
    s.name = "dfg";
    s.summary = "the JSON of `tabiji dfg`, computed by all ranks of an MPI job (written by rank 0)";
    s.usage = "mpirun -np N tabiji-mpi dfg [options] LOG";
    s.options = cli::log_option_specs();
    s.options.push_back({"no-variants", "", "leave out the variants"});
    s.options.push_back({"no-performance", "", "leave out the step durations (performance_dfg)"});
    s.options.push_back({"compact", "", "one-line JSON instead of indented"});
    s.options.push_back({"output", "FILE", "write to FILE (atomically) instead of standard output"});
    s.options.push_back({"stats", "", "per rank on stderr: events read and owned, bytes exchanged, times"});
    s.examples = "  mpirun -np 4 tabiji-mpi dfg big.csv -o big.json --stats\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return s;
}

void run_dfg(Comm& comm, const cli::Args& args) {
    const std::string path = args.positionals().at(0);
    ReadOptions options;
    DfgJsonParts parts;
    comm.phase([&] {
        options = cli::read_options(args);
        parts.variants = !args.flag("no-variants");
        parts.performance = !args.flag("no-performance");
        parts.pretty = !args.flag("compact");
    });
    const double t0 = MPI_Wtime();
    Shard shard = read_shard(comm, path, options);
    const double t1 = MPI_Wtime();
    const uint64_t events_read = shard.log.num_events();
    OwnedCases owned;
    comm.phase([&] { owned = exchange_cases(comm, shard.log); });
    const uint64_t exchange_sent = comm.bytes_sent, exchange_received = comm.bytes_received;
    shard.log = EventLog{};
    const double t2 = MPI_Wtime();
    MergedResults merged;
    comm.phase([&] { merged = mine_and_merge(comm, owned, parts.variants, parts.performance); });
    const double t3 = MPI_Wtime();

    // The report rank 0 has (columns used) with the dropped rows of all ranks.
    uint64_t dropped = shard.report.dropped_missing_values;
    MPI_Reduce(comm.rank() == 0 ? MPI_IN_PLACE : &dropped, &dropped, 1, MPI_UINT64_T, MPI_SUM, 0, comm.get());
    comm.phase([&] {
        if (comm.rank() != 0) return;
        ReadReport report = shard.report;
        report.dropped_missing_values = dropped;
        // dfg_to_json reads only the source, activity names and has_time of the log.
        EventLog names;
        names.source = path;
        names.activities = std::move(owned.log.activities); // mining is done
        names.has_time = owned.log.has_time;
        cli::write_output(args.value_or("output", ""), dfg_to_json(names, merged.dfg, merged.variants,
                                                                   merged.performance, parts, &report));
    });
    const double t4 = MPI_Wtime();

    if (args.flag("stats")) {
        std::ostringstream line;
        line << "tabiji-mpi: rank " << comm.rank() << "/" << comm.size()
             << (shard.split ? " split" : " rank0-read") << " read_bytes=" << shard.bytes
             << " events_read=" << events_read << " cases_owned=" << owned.log.num_cases()
             << " events_owned=" << owned.log.num_events() << " events_sent=" << owned.events_sent
             << " exchange_sent_bytes=" << exchange_sent << " exchange_received_bytes=" << exchange_received
             << " merge_sent_bytes=" << comm.bytes_sent - exchange_sent
             << " merge_received_bytes=" << comm.bytes_received - exchange_received << " read_s=" << t1 - t0
             << " exchange_s=" << t2 - t1 << " mine_merge_s=" << t3 - t2 << " write_s=" << t4 - t3
             << " total_s=" << t4 - t0 << "\n";
        for (const std::string& l : comm.gather(line.str())) std::cerr << l;
    }
}

int run(int argc, char** argv) {
    MPI_Comm world = MPI_COMM_WORLD;
    Comm comm(world);
    const std::vector<std::string> words(argv + 1, argv + argc);
    const bool root = comm.rank() == 0;
    if (words.empty() || words[0] == "--help" || words[0] == "-h") {
        if (root)
            std::cout << "usage: mpirun -np N tabiji-mpi dfg [options] LOG   (see tabiji-mpi dfg --help)\n";
        return words.empty() ? cli::kUsage : cli::kOk;
    }
    if (words[0] != "dfg") {
        if (root) std::cerr << "tabiji-mpi: unknown command '" << words[0] << "' (only dfg so far)\n";
        return cli::kUsage;
    }
    const cli::CommandSpec spec = dfg_spec();
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
        run_dfg(comm, *args);
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
