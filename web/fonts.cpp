// Building the font atlas from the characters in use, and re-uploading its texture.
#include "fonts.hpp"

#include "imgui_impl_opengl3.h"
#include "imgui_internal.h" // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>

namespace tabiji::web {

namespace {

// Every non-ASCII character the UI itself writes (ASCII and Latin-1 come with the default ranges).
constexpr const char* kUiText = "旅路…→←·×—–≤≥";
constexpr float kUiPixels = 13;  // ImGui's default font is drawn at 13 px
constexpr float kMapPixels = 30; // map labels are baked large and scaled down with the zoom

std::vector<ImWchar> decode(std::string_view text) {
    std::vector<ImWchar> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (c >= 0x80 && c <= IM_UNICODE_CODEPOINT_MAX) out.push_back(static_cast<ImWchar>(c));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

void Fonts::set_label_text(std::string_view text) {
    auto chars = decode(text);
    if (chars != label_chars_) {
        label_chars_ = std::move(chars);
        dirty_ = true;
    }
}

void Fonts::set_japanese_ttf(const std::vector<uint8_t>* ttf) {
    if (ttf && ttf->empty()) ttf = nullptr;
    if (ttf != ttf_) dirty_ = true;
    ttf_ = ttf;
}

void Fonts::set_pixel_ratio(float ratio) {
    ratio = std::clamp(ratio, 0.5f, 4.0f);
    if (ratio != ratio_) dirty_ = true;
    ratio_ = ratio;
}

ImFontGlyphRangesBuilder Fonts::wanted_builder() const {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    b.AddText(kUiText);
    for (ImWchar c : label_chars_) b.AddChar(c);
    return b;
}

bool Fonts::rebuild_if_needed() {
    if (!dirty_) return false;
    dirty_ = false;
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    ranges_.clear();
    wanted_builder().BuildRanges(&ranges_);

    // UI: the default font, scaled for high-DPI screens, with Japanese glyphs merged in.
    ImFontConfig ui_cfg;
    ui_cfg.SizePixels = std::round(kUiPixels * ratio_);
    ui_cfg.OversampleH = ui_cfg.OversampleV = 1;
    ui_cfg.PixelSnapH = true;
    ui_ = atlas->AddFontDefault(&ui_cfg);
    if (ttf_) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.FontDataOwnedByAtlas = false; // the bytes stay with AppState across rebuilds
        merge.OversampleH = 1;
        merge.GlyphOffset.y = std::round(1 * ratio_);
        atlas->AddFontFromMemoryTTF(const_cast<uint8_t*>(ttf_->data()), static_cast<int>(ttf_->size()),
                                    std::round((kUiPixels + 1) * ratio_), &merge, ranges_.Data);
        // Map labels: the TrueType font alone (proportional Latin too), baked large.
        ImFontConfig map_cfg;
        map_cfg.FontDataOwnedByAtlas = false;
        map_cfg.OversampleH = 1;
        map_pixels_ = kMapPixels;
        map_ = atlas->AddFontFromMemoryTTF(const_cast<uint8_t*>(ttf_->data()), static_cast<int>(ttf_->size()),
                                           map_pixels_, &map_cfg, ranges_.Data);
    } else {
        map_ = ui_;
        map_pixels_ = ui_cfg.SizePixels;
    }
    atlas->Build();
    io.FontDefault = ui_;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ++generation_;
    return true;
}

int Fonts::atlas_width() const {
    return ImGui::GetIO().Fonts->TexWidth;
}
int Fonts::atlas_height() const {
    return ImGui::GetIO().Fonts->TexHeight;
}

} // namespace tabiji::web
