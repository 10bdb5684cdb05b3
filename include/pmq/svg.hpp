// pmq's small SVG writer: the charts of the HTML reports (docs/reports.md), as inline SVG
// text — horizontal bars (earned against a maximum, or a value on a fixed scale), grouped
// counts, lines over periods. No script, no external reference, no fonts of its own.
//
// "No data" is drawn as such — a hatched bar or a hollow marker, labelled — never as a bar
// or a point at zero (R-KPI-31; a zero denominator is no data). Geometry is in doubles: a
// chart is for the eye; the numbers people read are the labels the caller passes, already
// rounded once from their exact values. Every text is escaped; a chart is as wide as its
// container (width 100 %, viewBox of `width` units), so it never overflows an A4 page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq::svg {

/// Text for HTML and XML: & < > " ' escaped. Bytes that are not valid UTF-8 become U+FFFD.
std::string escape(std::string_view text);

/// One bar. `value` absent: no data (hatched, labelled `no_data_text`).
struct bar {
  std::string label;           ///< left of the bar
  std::optional<double> value; ///< where the bar ends (0 … scale)
  std::optional<double> max;   ///< earned vs maximum: a track up to max, the bar up to value
  std::string text;            ///< right of the bar, e.g. "18.5 / 20"
  std::string tone;            ///< "good", "bad", "warn", "muted" or "" (the default colour)
  std::optional<double> mark;  ///< a tick across the bar, e.g. the pass mark
};

struct bar_options {
  std::string title;                      ///< the chart's <title> (for screen readers)
  std::optional<double> scale;            ///< the value of a full-width bar; default: the largest
  double width = 680;                     ///< viewBox width (A4 text width ≈ 680 px)
  double row_height = 18;                 ///< per bar
  std::string no_data_text = "无数据";    ///< drawn on a bar without value
  std::string css_class = "chart bars";   ///< on the <svg>
  std::string id = "bars";                ///< unique in the document: names the hatch pattern
  std::optional<std::string> mark_legend; ///< e.g. "合格线 90"
};

/// Horizontal bars, one row each, in the order given. Negative values are drawn from zero
/// to the left of an axis placed so that both signs fit (pay adjustments).
std::string bar_chart(const std::vector<bar> &bars, const bar_options &options = {});

/// A line chart: categories along x (periods), one line per series; a missing value breaks
/// the line and is drawn as a hollow marker on a hatched column labelled no data.
struct series {
  std::string name;
  std::vector<std::optional<double>> values; ///< one per category
};

struct line_options {
  std::string title;
  double width = 680;
  double height = 220;
  double y_min = 0;
  double y_max = 100;
  std::optional<double> mark; ///< a horizontal line (the pass mark)
  std::optional<std::string> mark_legend;
  std::string no_data_text = "无数据";
  std::string css_class = "chart lines";
  std::string id = "lines"; ///< unique in the document: names the hatch pattern
};

std::string line_chart(const std::vector<std::string> &categories, const std::vector<series> &lines,
                       const line_options &options = {});

} // namespace pmq::svg
