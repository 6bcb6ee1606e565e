// The words of the HTML report (tabiji report) in English and Japanese: one table per language, so the
// report code never branches on the language.
#pragma once

namespace tabiji::cli {

struct ReportLabels {
    const char *lang, *title, *summary, *cases, *events, *touchpoints, *time_span, *duration, *no_time;
    const char *read, *format, *records, *kept, *dropped_missing, *skipped_bad, *problems;
    const char *map, *map_note, *start, *end;
    const char *variants, *rank, *path, *share, *num_variants;
    const char *performance, *slowest_steps, *step, *count, *median, *mean, *p90, *case_durations,
        *case_durations_note;
    const char *cx, *channel_switch_rate, *failure_demand_rate, *bot_containment, *repeat_contact_rate, *fcr,
        *failure_demand_by_origin, *switches_of_steps, *followed_of_origin, *sessions_contained,
        *repeated_of_contacts, *no_bot_sessions;
    const char *funnel, *funnel_step, *conversion, *from_first, *stage_funnel;
    const char* footer;
};

inline const ReportLabels& report_labels(bool japanese) {
    static const ReportLabels en{
        "en",
        "Journey report",
        "Summary",
        "Customers (cases)",
        "Events",
        "Touchpoints",
        "Time span",
        "duration",
        "no timestamps",
        "Reading",
        "format",
        "records read",
        "events kept",
        "rows without case, touchpoint or time",
        "bad rows skipped",
        "problems",
        "Journey map",
        "Boxes: touchpoints, sized by events. Curves: steps, width by count; dashed: back "
        "to an earlier touchpoint.",
        "Start",
        "End",
        "Top variants",
        "#",
        "Journey",
        "Share",
        "variants in all",
        "Performance",
        "Slowest steps (by median time)",
        "Step",
        "Count",
        "Median",
        "Mean",
        "P90",
        "Journey duration (first to last event)",
        "customers per duration band",
        "CX metrics",
        "Channel switch rate",
        "Failure demand rate",
        "Bot containment",
        "Repeat contact rate",
        "first-contact resolution",
        "Failure demand by origin touchpoint",
        "switches / steps",
        "followed by a human contact within 24 h",
        "sessions contained",
        "repeated within 7 d",
        "no bot sessions",
        "Funnel",
        "Step",
        "Conversion from previous",
        "from first",
        "By journey stage, the catalog's stages in order (--funnel chooses other steps).",
        "Made by tabiji from the log on this machine; no data left it."};
    static const ReportLabels ja{
        "ja",
        "カスタマージャーニー レポート",
        "概要",
        "顧客数（ケース）",
        "イベント数",
        "タッチポイント数",
        "期間",
        "長さ",
        "時刻なし",
        "読み込み",
        "形式",
        "読んだ行",
        "採用したイベント",
        "顧客・タッチポイント・日時の欠けた行",
        "スキップした不正な行",
        "問題",
        "ジャーニーマップ",
        "箱はタッチポイント（大きさはイベント数）、曲線は遷移（太さは件数）。"
        "破線は前のタッチポイントへ戻る遷移。",
        "開始",
        "終了",
        "上位バリアント",
        "#",
        "ジャーニー",
        "割合",
        "バリアント総数",
        "パフォーマンス",
        "時間のかかる遷移（中央値順）",
        "遷移",
        "件数",
        "中央値",
        "平均",
        "P90",
        "ジャーニーの長さ（最初から最後のイベントまで）",
        "期間帯ごとの顧客数",
        "CX 指標",
        "チャネル切替率",
        "失敗需要率",
        "ボット完結率",
        "再問い合わせ率",
        "一次解決率",
        "起点タッチポイント別の失敗需要",
        "切替 / 遷移",
        "24 時間以内に有人対応へ",
        "完結したセッション",
        "7 日以内に再問い合わせ",
        "ボットのセッションなし",
        "ファネル",
        "ステップ",
        "前ステップからの転換率",
        "最初から",
        "ジャーニーステージ別（カタログのステージ順。--funnel で別のステップを指定できます）。",
        "tabiji がこのマシン上のログから作成しました。データは外部に送信されていません。"};
    return japanese ? ja : en;
}

} // namespace tabiji::cli
