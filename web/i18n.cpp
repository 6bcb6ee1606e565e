// The Japanese string table, keyed by the English text. Keep entries sorted by area; a missing entry
// shows the English text (state_json and the browser test check the language switch, not every entry).
#include "i18n.hpp"

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace tabiji::web {

namespace {

struct Entry {
    const char* en;
    const char* ja;
};

// clang-format off
constexpr Entry kJapanese[] = {
    // [SECTION] Toolbar, dialogs, read report
    {"Open…", "開く…"},
    {"Open an event log: CSV, JSON Lines, XES or OCEL, gzip too (or drop one on the page)",
     "イベントログを開く：CSV、JSON Lines、XES、OCEL（gzip も可。ページにドロップしても開けます）"},
    {"Fit", "全体表示"},
    {"Fit the map to the screen (or double-click the map)", "マップを画面に合わせる（マップをダブルクリックでも可）"},
    {"Project", "プロジェクト"},
    {"Save project", "プロジェクトを保存"},
    {"Open project…", "プロジェクトを開く…"},
    {"Export map as SVG", "マップを SVG で書き出す"},
    {"Export map as PNG", "マップを PNG で書き出す"},
    {"Export variants as CSV", "バリアントを CSV で書き出す"},
    {"Export funnel as CSV", "ファネルを CSV で書き出す"},
    {"Export CX metrics as CSV", "CX 指標を CSV で書き出す"},
    {"Analysis", "分析"},
    {"Show or hide the analysis panel (P)", "分析パネルの表示／非表示（P）"},
    {"Switch language (L)", "言語を切り替える（L）"},
    {"Keyboard shortcuts (F1)", "キーボードショートカット（F1）"},
    {"● unsaved", "● 未保存"},
    {"%s journeys · %s events · %u touchpoints · %zu transitions · %.2f ms/frame",
     "%s ジャーニー · %s イベント · %u タッチポイント · %zu 遷移 · %.2f ms/フレーム"},
    {"Read report", "読み込みレポート"},
    {"rows left out", "行を除外"},
    {"Reading %s…", "%s を読み込み中…"},
    {"Cancel", "キャンセル"},
    {"Shader error: %s", "シェーダーエラー：%s"},
    {"Format: %s%s%s", "形式：%s%s%s"},
    {"Separator: %s", "区切り文字：%s"},
    {"Columns: case '%s', activity '%s', timestamp '%s'", "列：ケース「%s」、アクティビティ「%s」、日時「%s」"},
    {"(none: file order)", "（なし：ファイルの順）"},
    {"Records read: %s   events kept: %s", "読み込んだレコード：%s   採用したイベント：%s"},
    {"Dropped (empty case id, activity or timestamp): %s", "除外（ケース ID・アクティビティ・日時が空）：%s"},
    {"Skipped (bad rows): %s", "スキップ（不正な行）：%s"},
    {"First examples:", "最初の例："},
    {"line %llu, column %llu: %s%s%s%s", "%llu 行 %llu 列：%s%s%s%s"},
    {"Could not open the file", "ファイルを開けませんでした"},
    {"The map shows the previous journey.", "マップには前のジャーニーが表示されています。"},
    {"OK", "OK"},
    {"Unsaved work", "未保存の作業"},
    {"Opening another file discards the unsaved work on this journey.",
     "別のファイルを開くと、このジャーニーの未保存の作業は失われます。"},
    {"Save the project first?", "先にプロジェクトを保存しますか？"},
    {"Save project, then open", "保存してから開く"},
    {"Discard and open", "破棄して開く"},
    {"Reading the journey log…", "ジャーニーログを読み込み中…"},
    {"Laying out the map…", "マップをレイアウト中…"},
    {"Laying out the journey map…", "ジャーニーマップをレイアウト中…"},
    {"Open a CSV event log to see its journey map.", "CSV のイベントログを開くとジャーニーマップが表示されます。"},
    {"Start", "開始"},
    {"End", "終了"},
    {"open a log first, then its project", "先にログを開いてから、そのプロジェクトを開いてください"},
    {"project", "プロジェクト"},
    {"project file", "プロジェクトファイル"},
    {"autosave", "自動保存"},
    {"catalog", "カタログ"},
    {"filter", "フィルター"},
    {"funnel", "ファネル"},
    // [SECTION] Filters
    {"Filters:", "フィルター："},
    {"none", "なし"},
    {"+ Add filter", "＋ フィルターを追加"},
    {"Clear all", "すべて解除"},
    {"Remove this filter", "このフィルターを外す"},
    {"%s of %s journeys · %s events · %.1f ms", "%s / %s ジャーニー · %s イベント · %.1f ms"},
    {"Add", "追加"},
    {"Kind", "種類"},
    {"Time frame", "期間"},
    {"Journey size", "ジャーニーの長さ"},
    {"Journey duration", "ジャーニーの所要時間"},
    {"Starts with", "開始タッチポイント"},
    {"Ends with", "終了タッチポイント"},
    {"Touchpoint", "タッチポイント"},
    {"Follows", "遷移"},
    {"Between", "区間"},
    {"Variants", "バリアント"},
    {"Attribute", "属性"},
    {"From", "起点"},
    {"To", "終点"},
    {"Mode", "方法"},
    {"events inside", "期間内のイベント"},
    {"journeys inside", "期間内に収まるジャーニー"},
    {"journeys touching", "期間にかかるジャーニー"},
    {"At least (events)", "最小（イベント数）"},
    {"At most (0: no limit)", "最大（0：制限なし）"},
    {"At least (hours)", "最小（時間）"},
    {"At most (hours, 0: no limit)", "最大（時間、0：制限なし）"},
    {"Keep (off: drop)", "残す（オフ：除く）"},
    {"Eventually (off: directly)", "間接的に（オフ：直後）"},
    {"By coverage", "カバー率で"},
    {"Coverage %", "カバー率 %"},
    {"Top variants", "上位バリアント数"},
    {"Range", "範囲"},
    {"Minimum", "最小"},
    {"Maximum", "最大"},
    {"Value", "値"},
    {"Missing values match too", "欠損値も一致とみなす"},
    {"This log has no attributes", "このログには属性がありません"},
    {"Bounds are numbers or dates", "範囲は数値か日付で指定します"},
    {"No values", "値がありません"},
    {"Not a date or time (e.g. 2024-04-01)", "日付・時刻ではありません（例：2024-04-01）"},
    {"journeys with", "含むジャーニー："},
    {"journeys without", "含まないジャーニー："},
    {"only events of", "イベントのみ："},
    {"events except", "除くイベント："},
    {"Time %s – %s", "期間 %s – %s"},
    {"Events %s – %s", "イベント数 %s – %s"},
    {"Duration %s – %s", "所要時間 %s – %s"},
    {"Starts with %s", "%s で始まる"},
    {"Does not start with %s", "%s で始まらない"},
    {"Ends with %s", "%s で終わる"},
    {"Does not end with %s", "%s で終わらない"},
    {"not ", "除外 "},
    {"Between %s and %s", "%s から %s まで"},
    {"Top %s variants", "上位 %s バリアント"},
    {"Variants covering %s %%", "%s %% をカバーするバリアント"},
    // [SECTION] Panel and views
    {"Funnel", "ファネル"},
    {"Flow", "フロー"},
    {"CX metrics", "CX 指標"},
    {"Catalog", "カタログ"},
    {"%s variants of %s journeys", "%s バリアント（%s ジャーニー）"},
    {"Clear selection", "選択を解除"},
    {"Keep up to this variant", "このバリアントまでに絞る"},
    {"Journeys", "件数"},
    {"Coverage", "カバー率"},
    {"Cumulative", "累積"},
    {"Steps", "ステップ"},
    {"Path", "経路"},
    {"Steps (touchpoints or stages, in order):", "ステップ（タッチポイントまたはステージ、順番に）："},
    {"stage", "ステージ"},
    {"+ Add step", "＋ ステップを追加"},
    {"Max gap", "最大間隔"},
    {"Add steps to see how many journeys reach each.", "ステップを追加すると、各ステップに到達したジャーニー数が表示されます。"},
    {"Step", "ステップ"},
    {"From previous", "前ステップから"},
    {"From first", "最初から"},
    {"Dropped", "離脱"},
    {"Median time", "所要時間の中央値"},
    {"Where the dropped journeys went next:", "離脱したジャーニーの次の行き先："},
    {"(journey ended)", "（ジャーニー終了）"},
    {"(other)", "（その他）"},
    {"%s journeys visit %s", "%s ジャーニーが %s を訪問"},
    {"Channel switch rate", "チャネル切り替え率"},
    {"Failure demand (self-service → human within 24 h)", "失敗需要（セルフサービス → 24 時間以内に有人）"},
    {"Repeat contact within 7 days", "7 日以内の再問い合わせ"},
    {"FCR", "一次解決率"},
    {"sessions", "セッション"},
    {"contained", "自己完結"},
    {"escalated", "有人へエスカレーション"},
    {"%zu activities are not in the catalog (see Catalog)", "%zu 件のアクティビティがカタログにありません（カタログを参照）"},
    {"Channel switches", "チャネル切り替え"},
    {"Channel", "チャネル"},
    {"Switches", "切り替え"},
    {"Switch share", "切り替え率"},
    {"Failure demand", "失敗需要"},
    {"Events", "イベント"},
    {"Then human", "その後有人"},
    {"Rate", "率"},
    {"Escalation and containment", "エスカレーションと自己完結"},
    {"Repeat contact", "再問い合わせ"},
    {"Contacts", "問い合わせ"},
    {"Repeated", "再問い合わせあり"},
    {"Attribution (Markov removal effect)", "アトリビューション（マルコフ除去効果）"},
    {"No goal: give a touchpoint the stage 'purchase' in the catalog.",
     "ゴールがありません：カタログでタッチポイントにステージ「purchase」を設定してください。"},
    {"Goal: stage '%s' · %s of %s journeys convert (%s)", "ゴール：ステージ「%s」· %s / %s ジャーニーが到達（%s）"},
    {"Share", "貢献度"},
    {"Conversions", "コンバージョン"},
    {"%zu touchpoints · %zu stages · saved in the project", "%zu タッチポイント · %zu ステージ · プロジェクトに保存"},
    {"Stage", "ステージ"},
    {"Department", "部署"},
    {"Cost", "コスト"},
    {"Stages", "ステージ"},
    {"Japanese label", "日本語ラベル"},
    {"Activities not in the catalog", "カタログにないアクティビティ"},
    {"Annotations (emotion, pain point, note)", "注記（感情・ペインポイント・メモ）"},
    {"Pain point", "ペインポイント"},
    {"Note", "メモ"},
    // [SECTION] Help
    {"Help: keyboard and mouse", "ヘルプ：キーボードとマウス"},
    {"Show or hide this help", "このヘルプの表示／非表示"},
    {"Open an event log", "イベントログを開く"},
    {"Save the project (download)", "プロジェクトを保存（ダウンロード）"},
    {"Open a project file", "プロジェクトファイルを開く"},
    {"Switch language (English / 日本語)", "言語の切り替え（English / 日本語）"},
    {"Show or hide the analysis panel", "分析パネルの表示／非表示"},
    {"Fit the map to the screen", "マップを画面に合わせる"},
    {"Clear the variant selection", "バリアントの選択を解除"},
    {"Remove the last filter", "最後のフィルターを外す"},
    {"Variants, funnel, flow, CX metrics, catalog", "バリアント、ファネル、フロー、CX 指標、カタログ"},
    {"Mouse: drag to pan, wheel to zoom, double-click to fit, hover for figures.",
     "マウス：ドラッグで移動、ホイールで拡大縮小、ダブルクリックで全体表示、ポイントで数値表示。"},
    {"Drop a log file on the page to open it.", "ログファイルをページにドロップすると開きます。"},
    // The map panel (view_map.cpp)
    {"Map", "マップ"},
    {"Touchpoints", "タッチポイント"},
    {"Paths", "経路"},
    {"Frequency", "頻度"},
    {"Performance", "所要時間"},
    {"Channel colours", "チャネル色"},
};
// clang-format on

Lang current = Lang::en;

const std::unordered_map<std::string_view, const char*>& table() {
    static const std::unordered_map<std::string_view, const char*> t = [] {
        std::unordered_map<std::string_view, const char*> m;
        for (const Entry& e : kJapanese) m.emplace(e.en, e.ja);
        return m;
    }();
    return t;
}

} // namespace

Lang ui_language() {
    return current;
}

void set_ui_language(Lang lang) {
    current = lang;
}

const char* ui_language_code() {
    return current == Lang::ja ? "ja" : "en";
}

const char* tr(const char* english) {
    if (current == Lang::en) return english;
    auto it = table().find(english);
    return it == table().end() ? english : it->second;
}

std::string window_title(const char* english, const char* id) {
    return std::string(tr(english)) + "###" + id;
}

std::string all_translations() {
    std::string text;
    for (const Entry& e : kJapanese) text += e.ja;
    // Core's own Japanese labels that the views show: channel kinds and the default stages.
    for (int k = 0; k < kNumChannelKinds; ++k)
        text += channel_kind_label(static_cast<ChannelKind>(k), Lang::ja);
    for (const Stage& s : default_stages()) text += s.label_ja;
    return text;
}

} // namespace tabiji::web
