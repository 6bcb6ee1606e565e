// The touchpoint catalog as JSON (`tabiji catalog` writes it, --catalog FILE reads it back). Shape:
//   {"version": 1, "currency": "", "unmapped": "other" | "drop",
//    "stages": [{"name": "awareness", "label_ja": "認知"}, ...],
//    "human_contact_channels": ["phone", "human_chat"],
//    "touchpoints": [{"name": "Call center", "channel": "phone", "department": "Customer service",
//                     "mode": "human", "cost_per_contact": 0, "stage": "support"}, ...],
//    "rules": [{"attribute": "", "match": "exact", "pattern": "コールセンター", "touchpoint": "Call
//    center"}], "channel_kinds": [{"code": "store", "en": "Store", "ja": "実店舗", "default_mode": "human"},
//    ...]}
// "channel_kinds" is written as a reference for people editing the file and ignored when read.
// Reading: missing optional fields take the defaults of catalog.hpp (a touchpoint's mode defaults to its
// channel's default mode; a missing "stages" list to the six default stages); unknown fields are errors.
// Errors name the file and the JSON path: "catalog.json: $.touchpoints[2].channel: expected one of store,
// ec, ..., got 'fone'".
#pragma once
#include "tabiji/catalog.hpp"

#include <string>
#include <string_view>

namespace tabiji {

inline constexpr int kCatalogJsonVersion = 1;

std::string catalog_to_json(const Catalog& catalog);
// Parses and validates (validate_catalog). Throws InputError(source, 0, 0, ...).
Catalog catalog_from_json(std::string_view json, const std::string& source);

} // namespace tabiji
