// The autosave is a small JSON document written with rapidjson: {"log": name, "dirty": bool, "project":
// the project's own JSON text}.
#include "project_files.hpp"

#include "exports.hpp"
#include "i18n.hpp"
#include "platform.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <exception>

namespace tabiji::web {

namespace {
uint64_t autosaved_edits = 0;
uint64_t autosaved_journey = 0;
bool autosaved_dirty = false;
} // namespace

std::string project_json(const AppState& state) {
    return project_to_bytes(state.analysis.project(), ProjectEncoding::json);
}

std::string save_project_download(AppState& state) {
    std::string json;
    try {
        validate_project(state.analysis.project(), tr("project"));
        json = project_json(state);
    } catch (const std::exception& e) {
        state.show_error(e.what());
        return {};
    }
    platform_download(download_stem(state) + ".tabiji.json", "application/json", json);
    state.analysis.mark_saved();
    return json;
}

bool open_project_bytes(AppState& state, std::string_view bytes, const std::string& source) {
    auto& journey = state.journey();
    if (!journey) {
        state.show_error(source + ": " + tr("open a log first, then its project"));
        return false;
    }
    try {
        Project p = project_from_bytes(bytes, source);
        const bool ok = state.analysis.apply_project(*journey, std::move(p));
        state.analysis.mark_saved(); // what is on screen is what the file says
        if (!ok) state.show_error(source + ": " + state.analysis.error());
        return ok;
    } catch (const std::exception& e) {
        state.show_error(e.what());
        return false;
    }
}

void request_open(AppState& state, bool dropped) {
    if (!state.analysis.dirty()) {
        if (dropped)
            platform_open_pending_file();
        else
            platform_pick_file();
        return;
    }
    state.ui.confirm_discard = true;
    state.ui.pending_drop = dropped;
    state.ui.pending_pick = !dropped;
}

void autosave_if_changed(AppState& state) {
    const Analysis& an = state.analysis;
    if (!state.journey()) return;
    if (an.edits() == autosaved_edits && state.journey_generation() == autosaved_journey &&
        an.dirty() == autosaved_dirty)
        return;
    autosaved_edits = an.edits();
    autosaved_journey = state.journey_generation();
    autosaved_dirty = an.dirty();
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    const std::string project = project_json(state);
    w.StartObject();
    w.Key("log");
    w.String(state.journey()->name.c_str());
    w.Key("dirty");
    w.Bool(an.dirty());
    w.Key("project");
    w.String(project.data(), static_cast<rapidjson::SizeType>(project.size()));
    w.EndObject();
    platform_store(kAutosaveKey, {buf.GetString(), buf.GetSize()});
}

bool restore_autosave(AppState& state, std::string_view json) {
    auto& journey = state.journey();
    if (!journey) return false;
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("log") || !d["log"].IsString() ||
        !d.HasMember("project") || !d["project"].IsString())
        return false;
    if (journey->name != d["log"].GetString()) return false;
    try {
        const auto& p = d["project"];
        Project project = project_from_bytes({p.GetString(), p.GetStringLength()}, tr("autosave"));
        state.analysis.apply_project(*journey, std::move(project));
    } catch (const std::exception& e) {
        state.show_error(e.what());
        return false;
    }
    const bool dirty = d.HasMember("dirty") && d["dirty"].IsBool() && d["dirty"].GetBool();
    if (dirty)
        state.analysis.mark_dirty();
    else
        state.analysis.mark_saved();
    return true;
}

} // namespace tabiji::web
