// tabiji: the native batch face of the core. Dispatches to one subcommand per cmd_*.cpp.
#include "commands.hpp"
#include "tabiji/error.hpp"

#include <cstdio>
#include <exception>
#include <iostream>

using namespace tabiji::cli;

namespace {

std::vector<Command> all_commands() {
    return {dfg_command(),         info_command(),    generate_command(),     variants_command(),
            perf_command(),        paths_command(),   cx_command(),           funnel_command(),
            attribution_command(), catalog_command(), render_command(),       report_command(),
            convert_command(),     filter_command(),  training_pack_command()};
}

void print_main_help(const std::vector<Command>& commands) {
    std::cout << "tabiji " TABIJI_VERSION " - customer journey maps from event logs\n\n"
              << "Usage: tabiji COMMAND [options] [arguments]\n\nCommands:\n";
    for (const auto& c : commands)
        std::cout << "  " << c.spec.name
                  << std::string(c.spec.name.size() < 15 ? 15 - c.spec.name.size() : 1, ' ') << c.spec.summary
                  << "\n";
    std::cout << "\n'tabiji COMMAND --help' shows the options of a command.\n\n"
              << "Exit codes: 0 ok, 1 bad input (file, line and column on stderr), 2 usage error,\n"
              << "            3 internal error.\n";
}

} // namespace

int main(int argc, char** argv) {
    const auto commands = all_commands();
    if (argc < 2) {
        print_main_help(commands);
        return kUsage;
    }
    std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_main_help(commands);
        return kOk;
    }
    if (name == "--version") {
        std::cout << "tabiji " TABIJI_VERSION "\n";
        return kOk;
    }
    for (const auto& c : commands) {
        if (c.spec.name != name) continue;
        try {
            Args args(c.spec, std::vector<std::string>(argv + 2, argv + argc));
            if (args.help()) {
                std::cout << help_text(c.spec);
                return kOk;
            }
            return c.batch.produce ? run_batch(c.batch, args) : c.run(args);
        } catch (const UsageError& e) {
            std::cerr << "tabiji " << name << ": " << e.what() << "\n";
            return kUsage;
        } catch (const tabiji::InputError& e) {
            std::cerr << "tabiji: " << e.what() << "\n";
            return kBadInput;
        } catch (const std::bad_alloc&) {
            std::cerr << "tabiji: out of memory\n";
            return kInternal;
        } catch (const std::exception& e) {
            std::cerr << "tabiji: internal error: " << e.what() << "\n";
            return kInternal;
        }
    }
    std::cerr << "tabiji: unknown command '" << name << "' (see 'tabiji --help')\n";
    return kUsage;
}
