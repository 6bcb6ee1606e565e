// One function per command, found by name; every failure is an answer with "ok": false.
#include "commands.hpp"

#include "exports.hpp"
#include "i18n.hpp"
#include "platform.hpp"
#include "project_files.hpp"
#include "view_funnel.hpp"

#include "tabiji/funnel.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <exception>
#include <string>

namespace tabiji::web {

namespace {

struct Answer {
    bool ok = true;
    std::string result, error;
};

Answer fail(std::string why) {
    return {false, {}, std::move(why)};
}

std::optional<long long> integer(std::string_view s) {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

Answer download_csv(AppState& state, std::string_view which, bool download) {
    std::string text;
    if (which == "variants")
        text = variants_csv(state);
    else if (which == "funnel")
        text = funnel_csv(state);
    else if (which == "metrics")
        text = metrics_csv(state);
    else
        return fail("export_csv expects variants, funnel or metrics");
    if (text.empty()) return fail("nothing to export");
    if (download)
        platform_download(download_stem(state) + "-" + std::string(which) + ".csv", "text/csv", text);
    return {true, std::move(text), {}};
}

Answer run(AppState& state, std::string_view name, std::string_view arg) {
    auto& journey = state.journey();
    Analysis& an = state.analysis;
    if (name == "language") {
        if (arg != "en" && arg != "ja") return fail("language expects en or ja");
        an.set_language(arg == "ja" ? Lang::ja : Lang::en);
        return {};
    }
    if (name == "help") {
        state.ui.show_help = !state.ui.show_help;
        return {};
    }
    if (name == "tab") {
        state.ui.panel_open = true;
        state.ui.request_tab = std::string(arg);
        return {};
    }
    if (!journey) return fail("no journey on screen");
    if (name == "add_filter" || name == "set_filters") {
        FilterChain chain;
        if (!arg.empty()) {
            const std::string text = name == "add_filter"
                                         ? R"({"version": 1, "filters": [)" + std::string(arg) + "]}"
                                         : std::string(arg);
            chain = filter_chain_from_json(text, "command " + std::string(name));
        }
        if (name == "add_filter") {
            for (Filter& f : chain.filters)
                if (!an.add_filter(*journey, std::move(f))) return fail(an.error());
        } else if (!an.set_filters(*journey, std::move(chain))) {
            return fail(an.error());
        }
        return {};
    }
    if (name == "remove_filter") {
        const auto i = integer(arg);
        if (!i || *i < 0 || !an.remove_filter(*journey, static_cast<size_t>(*i)))
            return fail("no such filter");
        return {};
    }
    if (name == "select_variant") {
        const auto i = integer(arg);
        if (!i || *i < -1 || *i >= static_cast<long long>(an.variants().size()))
            return fail("no such variant");
        an.select_variant(static_cast<int>(*i));
        return {};
    }
    if (name == "funnel") {
        SavedFunnel spec = current_funnel_spec(state);
        const size_t bar = arg.find('|');
        spec.steps.clear();
        std::string_view list = arg.substr(0, bar);
        while (!list.empty()) {
            const size_t comma = list.find(',');
            if (comma != 0) spec.steps.emplace_back(list.substr(0, comma));
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
        spec.max_gap_seconds = 0;
        if (bar != std::string_view::npos) {
            const auto gap = parse_duration_seconds(arg.substr(bar + 1));
            if (!gap) return fail("funnel: the max gap reads like 7d, 36h, 90m or seconds");
            spec.max_gap_seconds = *gap;
        }
        an.set_funnel(spec);
        if (!spec.steps.empty() && !current_funnel(state)) return fail(funnel_error());
        return {};
    }
    if (name == "export_svg" || name == "download_svg") {
        std::string svg = map_svg(state);
        if (name == "download_svg") platform_download(download_stem(state) + ".svg", "image/svg+xml", svg);
        return {true, std::move(svg), {}};
    }
    if (name == "download_png") {
        state.ui.export_png = true;
        return {};
    }
    if (name == "export_csv" || name == "download_csv")
        return download_csv(state, arg, name == "download_csv");
    if (name == "project") return {true, project_json(state), {}};
    if (name == "save_project") {
        std::string json = save_project_download(state);
        if (json.empty()) return fail(state.error());
        return {true, std::move(json), {}};
    }
    if (name == "open_project") {
        if (!open_project_bytes(state, arg, tr("project file"))) return fail(state.error());
        return {};
    }
    if (name == "restore") {
        if (!restore_autosave(state, arg)) return fail("the autosave does not belong to this log");
        return {};
    }
    if (name == "answer_discard") {
        if (arg != "save" && arg != "discard" && arg != "cancel")
            return fail("answer_discard expects save, discard or cancel");
        state.ui.discard_answer = std::string(arg);
        return {};
    }
    if (name == "confirm_open") {
        request_open(state, arg == "drop");
        return {};
    }
    return fail("unknown command '" + std::string(name) + "'");
}

} // namespace

std::string run_command(AppState& state, std::string_view name, std::string_view arg) {
    Answer a;
    try {
        a = run(state, name, arg);
    } catch (const std::exception& e) {
        a = fail(e.what());
    }
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("ok");
    w.Bool(a.ok);
    w.Key("result");
    w.String(a.result.data(), static_cast<rapidjson::SizeType>(a.result.size()));
    w.Key("error");
    w.String(a.error.data(), static_cast<rapidjson::SizeType>(a.error.size()));
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

} // namespace tabiji::web
