// One log, several logs or a folder of logs for an analysis command (semantics in batch.hpp).
#include "batch.hpp"

#include "output.hpp"
#include "progress.hpp"
#include "report_format.hpp"

#include "tabiji/atomic_file.hpp"
#include "tabiji/error.hpp"
#include "tabiji/json_layout.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <new>
#include <thread>

namespace tabiji::cli {

namespace fs = std::filesystem;

namespace {

const char* const kLogExtensions[] = {".csv",    ".tsv",  ".txt",      ".jsonl",
                                      ".ndjson", ".json", ".jsonocel", ".xes"};

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The file name without ".gz" and its log extension; "" when it is not a log's name.
std::string log_stem(const std::string& file_name) {
    std::string name = file_name;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (ends_with(lower, ".gz")) name.resize(name.size() - 3), lower.resize(lower.size() - 3);
    for (const char* ext : kLogExtensions)
        if (ends_with(lower, ext) && lower.size() > std::string(ext).size())
            return name.substr(0, name.size() - std::string(ext).size());
    return "";
}

// A folder's log files: plain .json and .txt are left out (results and notes are named so).
bool folder_log_name(const std::string& stem, const std::string& name) {
    std::string rest = name.substr(stem.size());
    std::transform(rest.begin(), rest.end(), rest.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (ends_with(rest, ".gz")) rest.resize(rest.size() - 3);
    return rest != ".json" && rest != ".txt";
}

struct Result {
    std::string text;
    std::string error; // the message (main prints it after "tabiji: ")
    int code = kOk;
};

// Runs produce on one log, turning its exceptions into the message and exit code main would give.
Result produce_one(const BatchCommand& command, const Args& args, const std::string& log) {
    Result r;
    try {
        r.text = command.produce(args, log);
    } catch (const UsageError& e) {
        r.error = e.what(), r.code = kUsage;
    } catch (const InputError& e) {
        // Named after the log when the error is about something else (a filter, a catalog).
        r.error = e.file == log ? e.what() : log + ": " + e.what(), r.code = kBadInput;
    } catch (const std::bad_alloc&) {
        r.error = log + ": out of memory", r.code = kInternal;
    } catch (const std::exception& e) {
        r.error = log + ": internal error: " + e.what(), r.code = kInternal;
    }
    return r;
}

// CSV text cut into records (a newline inside a quoted field stays in its record), without line ends.
std::vector<std::string_view> csv_records(std::string_view text) {
    std::vector<std::string_view> out;
    bool quoted = false;
    size_t begin = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (text[i] == '\n' && !quoted) {
            out.push_back(text.substr(begin, i - begin));
            begin = i + 1;
        }
    }
    if (begin < text.size()) out.push_back(text.substr(begin));
    return out;
}

std::string combine(const std::string& kind, const std::vector<std::string>& logs,
                    const std::vector<Result>& results) {
    std::string out;
    if (kind == "json") {
        rapidjson::StringBuffer buf;
        JsonWriter w(buf);
        w.StartObject();
        for (size_t k = 0; k < logs.size(); ++k) {
            json_string(w, logs[k]);
            if (results[k].code != kOk) {
                w.StartObject();
                w.Key("error");
                json_string(w, results[k].error);
                w.EndObject();
                continue;
            }
            rapidjson::Document d;
            d.Parse<rapidjson::kParseFullPrecisionFlag>(results[k].text.data(), results[k].text.size());
            if (d.HasParseError()) throw std::logic_error("a result is not JSON");
            d.Accept(w);
        }
        w.EndObject();
        return json_text(buf);
    }
    if (kind == "csv") {
        bool header = false;
        for (size_t k = 0; k < logs.size(); ++k) {
            if (results[k].code != kOk) continue;
            const auto records = csv_records(results[k].text);
            for (size_t i = 0; i < records.size(); ++i) {
                if (i == 0 && header) continue;
                out += i == 0 ? std::string("file") : csv_field(logs[k]);
                out += ",";
                out += records[i];
                out += "\n";
            }
            header = true;
        }
        return out;
    }
    for (size_t k = 0; k < logs.size(); ++k) { // text
        if (results[k].code != kOk) continue;
        if (!out.empty()) out += "\n";
        out += "==> " + logs[k] + " <==\n" + results[k].text;
    }
    return out;
}

bool is_output_folder(const std::string& output) {
    if (output.empty() || output == "-") return false;
    std::error_code ec;
    return ends_with(output, "/") || fs::is_directory(output, ec);
}

// DIR/NAME.KIND for every log; UsageError when two logs would get the same name.
std::vector<std::string> output_paths(const std::string& folder, const std::vector<std::string>& logs,
                                      const std::string& kind) {
    std::vector<std::string> out;
    std::map<std::string, std::string> seen;
    for (const std::string& log : logs) {
        std::string stem = log == "-" ? "stdin" : log_stem(fs::path(log).filename().string());
        if (stem.empty()) stem = fs::path(log).filename().string();
        const std::string path = (fs::path(folder) / (stem + "." + kind)).string();
        if (auto [it, fresh] = seen.emplace(path, log); !fresh)
            throw UsageError("'" + it->second + "' and '" + log + "' would both be written to '" + path +
                             "'");
        out.push_back(path);
    }
    return out;
}

} // namespace

OptionSpec batch_output_option_spec() {
    return {"output", "FILE",
            "write to FILE (atomically) instead of standard output; a folder (or a name ending in /): one "
            "file per log"};
}

std::vector<std::string> expand_log_arguments(const std::vector<std::string>& arguments) {
    std::vector<std::string> out;
    for (const std::string& a : arguments) {
        std::error_code ec;
        if (a == "-" || !fs::is_directory(a, ec)) {
            out.push_back(a);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(a, ec)) {
            const std::string name = entry.path().filename().string();
            std::error_code e2;
            const std::string stem = log_stem(name);
            if (name.empty() || name[0] == '.' || !entry.is_regular_file(e2) || stem.empty() ||
                !folder_log_name(stem, name))
                continue;
            found.push_back((fs::path(a) / name).string());
        }
        if (ec) throw InputError(a, 0, 0, "cannot list the folder: " + ec.message());
        if (found.empty())
            throw InputError(a, 0, 0,
                             "the folder holds no log file (.csv, .tsv, .jsonl, .xes, .jsonocel, ...)");
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

int run_batch(const BatchCommand& command, const Args& args) {
    const std::string kind = command.kind(args);
    const std::string output = args.value_or("output", "");
    const bool several = args.positionals().size() > 1 ||
                         (args.positionals().at(0) != "-" && fs::is_directory(args.positionals().at(0)));
    const bool to_folder = is_output_folder(output);
    Progress progress(args);
    if (!several && !to_folder) {
        std::string text = command.produce(args, args.positionals().at(0));
        progress.finish();
        write_output(output, text);
        return kOk;
    }
    const std::vector<std::string> logs = expand_log_arguments(args.positionals());
    if (std::count(logs.begin(), logs.end(), "-") > 1)
        throw UsageError("standard input ('-') can be read once");
    if (!to_folder && (kind == "svg" || kind == "dot" || kind == "html"))
        throw UsageError("several " + kind + " results need -o FOLDER/ (one file per log)");
    std::vector<std::string> paths;
    if (to_folder) {
        paths = output_paths(output, logs, kind);
        std::error_code ec;
        fs::create_directories(output, ec);
        if (ec) throw InputError(output, 0, 0, "cannot create the folder: " + ec.message());
    }
    progress.expect_files(logs);

    const long long threads = args.int_or("threads", std::max(1u, std::thread::hardware_concurrency()));
    if (threads < 1 || threads > 256) throw UsageError("--threads expects 1 to 256");
    const size_t workers = std::min<size_t>(size_t(threads), logs.size());
    Args file_args = args;
    file_args.set_value("threads", std::to_string(std::max<long long>(1, threads / (long long)workers)));

    std::vector<Result> results(logs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t k = next++; k < logs.size(); k = next++) {
            results[k] = produce_one(command, file_args, logs[k]);
            if (to_folder && results[k].code == kOk) {
                try {
                    write_file_atomically(paths[k], results[k].text);
                } catch (const InputError& e) {
                    results[k].error = e.what(), results[k].code = kBadInput;
                }
                results[k].text.clear();
                results[k].text.shrink_to_fit();
            }
        }
    };
    std::vector<std::thread> pool;
    for (size_t k = 1; k < workers; ++k) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    progress.finish();

    int code = kOk;
    for (const Result& r : results)
        if (r.code == kUsage) throw UsageError(r.error);
    for (const Result& r : results) {
        if (r.code == kOk) continue;
        std::cerr << "tabiji: " << r.error << "\n";
        code = std::max(code, r.code);
    }
    if (!to_folder) write_output(output, combine(kind, logs, results));
    return code;
}

} // namespace tabiji::cli
