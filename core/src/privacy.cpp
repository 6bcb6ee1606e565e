// The privacy guard (see privacy.hpp).
#include "tabiji/privacy.hpp"

#include "tabiji/error.hpp"
#include "tabiji/hmac_sha256.hpp"
#include "tabiji/variants.hpp"

#include <algorithm>
#include <random>
#include <unordered_set>

namespace tabiji {

std::string random_pseudonym_key() {
    std::random_device rd;
    std::string key(32, '\0');
    for (size_t i = 0; i < key.size(); i += 4) {
        const uint32_t x = rd();
        for (size_t j = 0; j < 4; ++j) key[i + j] = char(uint8_t(x >> (8 * j)));
    }
    return key;
}

std::string pseudonym(std::string_view key, std::string_view case_id) {
    return "p-" + hex_digest(hmac_sha256(key, case_id), 8);
}

LogView k_anonymous_view(const EventLog& log, const LogView& view, uint32_t k) {
    std::vector<uint32_t> case_variant;
    const std::vector<Variant> variants = mine_variants(log, view, &case_variant);
    LogView out = view;
    out.ensure_case_mask(log);
    for (uint32_t c = 0; c < log.num_cases(); ++c)
        if (case_variant[c] == kNoVariant || variants[case_variant[c]].count < k) out.case_kept[c] = 0;
    return out;
}

namespace {

bool holds_case_id(const EventLog& log, const AttributeColumn& col) {
    if (col.type == AttrType::string) {
        for (uint32_t id = 1; id < col.strings.size(); ++id)
            if (log.cases.find(col.strings.view(id)) != StringPool::npos) return true;
        return false;
    }
    for (uint64_t r = 0; r < col.rows; ++r)
        if (col.has(r) && log.cases.find(col.text(r)) != StringPool::npos) return true;
    return false;
}

} // namespace

std::vector<std::string> attributes_holding_case_ids(const EventLog& log) {
    std::vector<std::string> names;
    for (const auto* columns : {&log.event_attributes, &log.case_attributes})
        for (const AttributeColumn& col : *columns)
            if (holds_case_id(log, col)) names.push_back(col.name);
    return names;
}

EventLog privacy_guarded_log(const EventLog& log, const LogView& view, const PrivacyOptions& options,
                             PrivacyReport* report) {
    if (options.k == 0) throw InputError(log.source, 0, 0, "k must be 1 or more");
    for (const std::string& name : options.exclude_attributes)
        if (!log.attribute(name))
            throw InputError(log.source, 0, 0, "cannot exclude attribute '" + name + "': the log has none");
    PrivacyReport rep;
    rep.k = options.k;
    rep.excluded_attributes = options.exclude_attributes;
    rep.id_attributes = attributes_holding_case_ids(log);
    auto left_out = [&](const std::string& name) {
        return std::count(rep.excluded_attributes.begin(), rep.excluded_attributes.end(), name) ||
               std::count(rep.id_attributes.begin(), rep.id_attributes.end(), name);
    };

    const std::string key = options.key.empty() ? random_pseudonym_key() : options.key;
    const LogView kept = k_anonymous_view(log, view, options.k);
    EventLogBuilder b(log.source);
    struct Copy {
        const AttributeColumn* from;
        uint32_t to;
    };
    std::vector<Copy> event_columns, case_columns;
    for (const AttributeColumn& col : log.event_attributes)
        if (!left_out(col.name))
            event_columns.push_back({&col, b.attribute(col.name, AttrLevel::event, col.type)});
    for (const AttributeColumn& col : log.case_attributes)
        if (!left_out(col.name))
            case_columns.push_back({&col, b.attribute(col.name, AttrLevel::case_level, col.type)});

    std::unordered_set<std::string> used;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        ++rep.cases_in;
        if (!kept.keeps_case(ce.case_index)) return;
        ++rep.cases_kept;
        std::string id = pseudonym(key, log.cases.view(ce.case_index));
        if (!used.insert(id).second) {
            const std::string base = id;
            for (int n = 2; !used.insert(id = base + "-" + std::to_string(n)).second; ++n) {
            }
        }
        const uint32_t case_number = b.cases().intern(id);
        for (uint64_t k = 0; k < ce.size; ++k) {
            const uint64_t i = ce.event_index(k);
            b.add_ids(case_number, b.activities().intern(log.activities.view(ce.activity[k])), ce.time[k]);
            for (const Copy& c : event_columns) b.set_text(c.to, c.from->text(i));
        }
        for (const Copy& c : case_columns) b.set_case_text(c.to, case_number, c.from->text(ce.case_index));
    });
    EventLog out = b.finish();
    out.has_time = log.has_time;
    rep.variants_in = mine_variants(log, view).size();
    rep.variants_kept = mine_variants(out).size();
    if (report) *report = std::move(rep);
    return out;
}

} // namespace tabiji
