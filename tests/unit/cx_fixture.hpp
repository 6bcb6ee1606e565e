// A small CX log and catalog shared by the CX metric tests; every expected value in those tests is
// computed by hand from this table.
//
// Touchpoints: Web (web, digital, consideration), FAQ (faq, self-service, support), Bot (chatbot,
// self-service, support), Chat (human_chat, human, support), Phone (phone, human, support), Shop (ec,
// digital, purchase). Human contacts: Chat, Phone. Times are hours after 2024-01-01T00:00Z.
//   c1: Web 0h, Phone 2h, Phone 30h (csat 1)
//   c2: FAQ 0h, Bot 1h, Chat 1.5h (csat 2), Web 72h
//   c3: Bot 0h, Web 30h, Phone 40h (csat 4)
//   c4: Web 0h, Shop 1h (csat 5)
#pragma once
#include "tabiji/catalog.hpp"
#include "tabiji/read_csv.hpp"

namespace tabiji::test {

inline Catalog cx_catalog() {
    Catalog c;
    auto add = [&](const char* name, ChannelKind k, const char* stage) {
        c.touchpoints.push_back({name, k, "", default_mode(k), 0, stage});
    };
    add("Web", ChannelKind::web, "consideration");
    add("FAQ", ChannelKind::faq, "support");
    add("Bot", ChannelKind::chatbot, "support");
    add("Chat", ChannelKind::human_chat, "support");
    add("Phone", ChannelKind::phone, "support");
    add("Shop", ChannelKind::ec, "purchase");
    return c;
}

inline const char* kCxLog = "case,activity,timestamp,csat\n"
                            "c1,Web,2024-01-01T00:00:00Z,\n"
                            "c1,Phone,2024-01-01T02:00:00Z,\n"
                            "c1,Phone,2024-01-02T06:00:00Z,1\n"
                            "c2,FAQ,2024-01-01T00:00:00Z,\n"
                            "c2,Bot,2024-01-01T01:00:00Z,\n"
                            "c2,Chat,2024-01-01T01:30:00Z,2\n"
                            "c2,Web,2024-01-04T00:00:00Z,\n"
                            "c3,Bot,2024-01-01T00:00:00Z,\n"
                            "c3,Web,2024-01-02T06:00:00Z,\n"
                            "c3,Phone,2024-01-02T16:00:00Z,4\n"
                            "c4,Web,2024-01-01T00:00:00Z,\n"
                            "c4,Shop,2024-01-01T01:00:00Z,5\n";

inline EventLog cx_log() {
    return read_csv(kCxLog, "cx.csv", {});
}

} // namespace tabiji::test
