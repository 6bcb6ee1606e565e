// The font atlas: ImGui's default font for Latin UI text with the Japanese TrueType font merged in, plus a
// larger font for map labels. Glyph ranges are built from the characters actually used (UI text and the
// loaded journey's labels), so the atlas stays small and is rebuilt only when new characters appear.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace tabiji::web {

class Fonts {
  public:
    // Characters the next atlas must hold besides the UI's: all labels of the journey, concatenated.
    void set_label_text(std::string_view text);
    // The TrueType bytes (owned by the caller, must outlive the atlas); empty: Latin only.
    void set_japanese_ttf(const std::vector<uint8_t>* ttf);
    void set_pixel_ratio(float ratio);

    // Rebuilds the atlas and its GL texture when something above changed. Call between frames.
    // Returns true when it rebuilt.
    bool rebuild_if_needed();

    ImFont* ui() const { return ui_; }
    ImFont* map() const { return map_; }
    float map_font_pixels() const { return map_pixels_; } // size the map font was baked at
    bool has_japanese() const { return ttf_ != nullptr; }
    uint64_t generation() const { return generation_; } // increments on every rebuild
    int atlas_width() const;
    int atlas_height() const;

  private:
    ImFontGlyphRangesBuilder wanted_builder() const;

    std::vector<ImWchar> label_chars_;
    const std::vector<uint8_t>* ttf_ = nullptr;
    float ratio_ = 1;
    bool dirty_ = true;
    ImVector<ImWchar> ranges_; // must live as long as the atlas
    std::vector<ImWchar> built_chars_;
    ImFont* ui_ = nullptr;
    ImFont* map_ = nullptr;
    float map_pixels_ = 13;
    uint64_t generation_ = 0;
};

} // namespace tabiji::web
