#include "args.hpp"

#include <sstream>

namespace tabiji::cli {

namespace {
const OptionSpec* find_option(const CommandSpec& spec, const std::string& name) {
    for (const auto& o : spec.options)
        if (o.name == name) return &o;
    return nullptr;
}
} // namespace

Args::Args(const CommandSpec& spec, const std::vector<std::string>& argv) {
    bool only_positionals = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positionals || a == "-" || a.rfind("--", 0) != 0) {
            if (!only_positionals && a.size() > 1 && a[0] == '-' && a != "-") {
                if (a == "-h") {
                    help_ = true;
                    continue;
                }
                if (a != "-o")
                    throw UsageError("unknown option '" + a + "' (see 'tabiji " + spec.name + " --help')");
                // -o is the one short option: the output file.
                if (!find_option(spec, "output")) throw UsageError("'tabiji " + spec.name + "' has no -o");
                if (i + 1 >= argv.size()) throw UsageError("-o needs a FILE");
                values_["output"] = argv[++i];
                continue;
            }
            positionals_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positionals = true;
            continue;
        }
        std::string name = a.substr(2), value;
        bool has_inline = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_inline = true;
        }
        if (name == "help") {
            help_ = true;
            continue;
        }
        const OptionSpec* o = find_option(spec, name);
        if (!o) throw UsageError("unknown option '--" + name + "' (see 'tabiji " + spec.name + " --help')");
        if (o->value_name.empty()) {
            if (has_inline) throw UsageError("--" + name + " takes no value");
            values_[name] = "";
        } else {
            if (!has_inline) {
                if (i + 1 >= argv.size()) throw UsageError("--" + name + " needs a " + o->value_name);
                value = argv[++i];
            }
            values_[name] = value;
            repeated_[name].push_back(value);
        }
    }
    if (help_) return;
    if (positionals_.size() < spec.min_positionals)
        throw UsageError("missing argument: usage: " + spec.usage);
    if (positionals_.size() > spec.max_positionals)
        throw UsageError("too many arguments: usage: " + spec.usage);
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = repeated_.find(name);
    return it == repeated_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::value_or(const std::string& name, const std::string& fallback) const {
    auto v = value(name);
    return v ? *v : fallback;
}

long long Args::int_or(const std::string& name, long long fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != v->size())
        throw UsageError("--" + name + " expects a whole number, got '" + *v + "'");
    return n;
}

std::string help_text(const CommandSpec& spec) {
    std::ostringstream out;
    out << spec.summary << "\n\nUsage: " << spec.usage << "\n";
    if (!spec.options.empty()) {
        out << "\nOptions:\n";
        for (const auto& o : spec.options) {
            std::string left = (o.name == "output" ? "-o, --" : "    --") + o.name;
            if (!o.value_name.empty()) left += " " + o.value_name;
            out << "  " << left;
            out << std::string(left.size() < 28 ? 28 - left.size() : 1, ' ') << o.help << "\n";
        }
    }
    out << "  -h, --help" << std::string(28 - 10, ' ') << "show this help\n";
    if (!spec.examples.empty()) out << "\nExamples:\n" << spec.examples;
    return out.str();
}

} // namespace tabiji::cli
