// Command-line parsing shared by every subcommand: declared options, --name VALUE or --name=VALUE,
// flags, positionals, and help text generated from the declarations so it never drifts from the parser.
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tabiji::cli {

// Exit codes, documented in README.md and `tabiji --help`.
enum Exit : int { kOk = 0, kBadInput = 1, kUsage = 2, kInternal = 3 };

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;       // without the leading dashes
    std::string value_name; // empty: a flag without value
    std::string help;
};

struct CommandSpec {
    std::string name;
    std::string summary; // one line
    std::string usage;   // e.g. "tabiji dfg [options] LOG"
    std::vector<OptionSpec> options;
    std::string examples; // lines shown under "Examples:"
    size_t min_positionals = 0, max_positionals = 1;
};

class Args {
  public:
    // Throws UsageError on an unknown option, a missing value or a wrong number of positionals.
    Args(const CommandSpec& spec, const std::vector<std::string>& argv);
    bool flag(const std::string& name) const { return values_.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const; // the last one given
    std::vector<std::string> values(const std::string& name) const;  // every one given, in order
    std::string value_or(const std::string& name, const std::string& fallback) const;
    long long int_or(const std::string& name, long long fallback) const; // UsageError when not a number
    const std::vector<std::string>& positionals() const { return positionals_; }
    bool help() const { return help_; }
    // Replaces (or adds) an option's value: for running a command once per log with adjusted options.
    void set_value(const std::string& name, std::string value) { values_[name] = std::move(value); }

  private:
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> repeated_;
    std::vector<std::string> positionals_;
    bool help_ = false;
};

std::string help_text(const CommandSpec& spec);

} // namespace tabiji::cli
