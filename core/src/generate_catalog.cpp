// The generator's vocabulary in English and Japanese: touchpoints with their channel kinds, customer
// segments, contact reasons and the CSV header. One table per idea, indexed by the enum value.
#include "tabiji/generate.hpp"

#include <array>

namespace tabiji::gen {

namespace {

constexpr std::array<TouchpointInfo, kNumTouchpoints> kTouchpoints{{
    {"TV ad", "TVCM", Channel::ad},
    {"SNS", "SNS", Channel::sns},
    {"Email", "メール", Channel::email},
    {"Official website", "公式Webサイト", Channel::web},
    {"EC site", "ECサイト", Channel::ec},
    {"EC purchase", "EC購入", Channel::ec},
    {"Store", "店舗", Channel::store},
    {"Store purchase", "店舗購入", Channel::store},
    {"FAQ", "FAQ", Channel::faq},
    {"Chatbot", "チャットボット", Channel::chatbot},
    {"Human chat", "有人チャット", Channel::human_chat},
    {"IVR", "IVR", Channel::ivr},
    {"Call center", "コールセンター", Channel::phone},
    {"Cancellation", "解約手続き", Channel::phone},
}};

constexpr std::array<std::string_view, kNumChannels> kChannelCodes{
    "store", "ec", "web", "sns", "ad", "email", "phone", "human_chat", "chatbot", "faq", "ivr"};

struct Names {
    std::string_view en, ja;
};

constexpr std::array<Names, kNumSegments> kSegments{
    {{"new", "新規"}, {"regular", "一般"}, {"premium", "プレミアム"}}};

// "Returns, exchanges" holds the separator on purpose: real exports do, and readers must honour quoting.
constexpr std::array<Names, kNumReasons> kReasons{{
    {"", ""},
    {"Product question", "商品について"},
    {"Account", "会員情報・ログイン"},
    {"Delivery", "配送"},
    {"Billing", "請求・支払い"},
    {"Returns, exchanges", "返品・交換"},
    {"Cancellation", "解約"},
}};

std::string_view pick(const Names& n, GenerateLang lang) {
    return lang == GenerateLang::ja ? n.ja : n.en;
}

} // namespace

std::span<const TouchpointInfo> touchpoints() {
    return kTouchpoints;
}

std::string_view channel_code(Channel c) {
    return kChannelCodes[static_cast<size_t>(c)];
}

std::string_view touchpoint_name(Touchpoint t, GenerateLang lang) {
    const auto& info = kTouchpoints[static_cast<size_t>(t)];
    return lang == GenerateLang::ja ? info.ja : info.en;
}

std::string_view segment_name(Segment s, GenerateLang lang) {
    return pick(kSegments[static_cast<size_t>(s)], lang);
}

std::string_view reason_name(Reason r, GenerateLang lang) {
    return pick(kReasons[static_cast<size_t>(r)], lang);
}

std::string_view header_line(GenerateLang lang) {
    return lang == GenerateLang::ja ? "顧客ID,タッチポイント,日時,チャネル,セグメント,問い合わせ理由,CSAT"
                                    : "customer_id,touchpoint,timestamp,channel,segment,contact_reason,csat";
}

bool is_contact_channel(Channel c) {
    return c == Channel::faq || c == Channel::chatbot || c == Channel::human_chat || c == Channel::ivr ||
           c == Channel::phone;
}

} // namespace tabiji::gen
