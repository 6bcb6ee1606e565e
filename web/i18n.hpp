// The UI's two languages. Every string the UI shows goes through tr(): the English text is the key, and
// the Japanese table in i18n.cpp gives its translation (a missing entry shows the English text).
// Format strings keep their printf conversions in the same order in both languages.
#pragma once
#include "tabiji/catalog.hpp" // tabiji::Lang

#include <string>

namespace tabiji::web {

Lang ui_language();
void set_ui_language(Lang lang);
const char* ui_language_code(); // "en" / "ja"

// The text in the current language (a pointer into static storage).
const char* tr(const char* english);

// A window title in the current language with an ID that does not change with it ("Variants###variants").
std::string window_title(const char* english, const char* id);

// Every Japanese string of the table and core's Japanese channel and stage labels, concatenated: the
// characters the font atlas must hold.
std::string all_translations();

} // namespace tabiji::web
