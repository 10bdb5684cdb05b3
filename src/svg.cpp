#include "pmq/svg.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace pmq::svg {

namespace {

// Length of the UTF-8 sequence starting at s[i], 0 when it is not a valid one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (n == 3 && c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
  if (n == 3 && c == 0xED && b(i + 1) >= 0xA0) return 0; // surrogates
  if (n == 4 && c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
  if (n == 4 && c == 0xF4 && b(i + 1) >= 0x90) return 0; // beyond U+10FFFF
  return n;
}

// A rough width of text at 12 px: wide (CJK, full-width) characters 12 px, others 6.8 px.
double text_width(std::string_view s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    w += n >= 3 ? 12.5 : 7;
    i += n ? n : 1;
  }
  return w;
}

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::round(v * 10) / 10,
                               std::chars_format::fixed, 1);
  std::string out(buf.data(), r.ptr);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  if (out == "-0") out = "0";
  return out;
}

const char *tone_fill(std::string_view tone) {
  if (tone == "good") return "#3a8d4f";
  if (tone == "bad") return "#c0392b";
  if (tone == "warn") return "#d98c1a";
  if (tone == "muted") return "#9aa3ad";
  return "#4a78b0";
}

constexpr std::array<const char *, 8> palette{"#4a78b0", "#c0392b", "#3a8d4f", "#d98c1a",
                                              "#7d4fa0", "#1f9aa5", "#8c6d3f", "#d4579b"};

std::string svg_open(const std::string &css_class, double width, double height,
                     const std::string &title, const std::string &hatch) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + escape(css_class) +
                    "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" "
                    "font-size=\"12\" style=\"max-width:100%;height:auto\">";
  if (!title.empty()) out += "<title>" + escape(title) + "</title>";
  out += "<defs><pattern id=\"" + escape(hatch) +
         "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b0b0\" stroke-width=\"2\"/>"
         "</pattern></defs>";
  return out;
}

std::string text(double x, double y, std::string_view s, const char *anchor = "start",
                 const char *extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + extra +
         ">" + escape(s) + "</text>";
}

std::string rect(double x, double y, double w, double h, const std::string &fill, const char *cls) {
  return "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
         "\" width=\"" + num(std::max(w, 0.0)) + "\" height=\"" + num(h) + "\" fill=\"" + fill +
         "\"/>";
}

} // namespace

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD"; // U+FFFD
      ++i;
      continue;
    }
    if (n == 1) {
      const char c = s[i];
      switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters other than tab and line ends are not allowed in XML.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += "\xEF\xBF\xBD";
        else
          out += c;
      }
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string bar_chart(const std::vector<bar> &bars, const bar_options &o) {
  const std::string hatch = "pmq-hatch-" + o.id;
  const double rh = o.row_height > 4 ? o.row_height : 18;
  double label_w = 0, text_w = 0;
  double hi = 0, lo = 0;
  for (const auto &b : bars) {
    label_w = std::max(label_w, text_width(b.label));
    text_w = std::max(text_w, text_width(b.text));
    for (const auto &v : {b.value, b.max, b.mark})
      if (v && std::isfinite(*v)) {
        hi = std::max(hi, *v);
        lo = std::min(lo, *v);
      }
  }
  label_w = std::min(label_w, o.width * 0.32) + 8;
  text_w = std::min(std::max(text_w, text_width(o.no_data_text)), o.width * 0.3) + 14;
  if (o.scale && *o.scale > 0) hi = *o.scale;
  if (hi <= 0 && lo >= 0) hi = 1; // every bar 0 or no data: any scale will do
  const double x0 = label_w, x1 = o.width - text_w;
  const double span = hi - lo;
  const auto x = [&](double v) { return x0 + (std::clamp(v, lo, hi) - lo) / span * (x1 - x0); };
  const double top = o.mark_legend ? 16 : 4;
  const double height = top + rh * double(bars.size()) + 6;
  std::string out = svg_open(o.css_class, o.width, height, o.title, hatch);
  if (o.mark_legend)
    out += "<g class=\"legend\"><line x1=\"" + num(x1 - 150) + "\" y1=\"7\" x2=\"" + num(x1 - 136) +
           "\" y2=\"7\" stroke=\"#222\" stroke-dasharray=\"3 2\"/>" +
           text(x1 - 132, 11, *o.mark_legend) + "</g>";
  const double zero = x(0);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto &b = bars[i];
    const double y = top + rh * double(i);
    const double bh = rh * 0.7, by = y + (rh - bh) / 2, ty = y + rh * 0.68;
    out += "<g class=\"row\">";
    out += text(x0 - 6, ty, b.label, "end", " class=\"label\"");
    if (b.max) out += rect(zero, by, x(*b.max) - zero, bh, "#e6e9ee", "track");
    if (b.value && std::isfinite(*b.value)) {
      const double a = x(std::min(0.0, *b.value)), e = x(std::max(0.0, *b.value));
      // A bar of exactly zero is a hairline, visibly not the hatched no-data bar.
      out += rect(a, by, std::max(e - a, 1.0), bh, tone_fill(b.tone), "bar");
    } else {
      const double e = b.max ? x(*b.max) : x1;
      out += rect(zero, by, e - zero, bh, "url(#" + hatch + ")", "bar nodata");
      out += text((zero + e) / 2, ty, o.no_data_text, "middle", " class=\"nodata\" fill=\"#555\"");
    }
    if (b.mark)
      out += "<line class=\"mark\" x1=\"" + num(x(*b.mark)) + "\" y1=\"" + num(y) + "\" x2=\"" +
             num(x(*b.mark)) + "\" y2=\"" + num(y + rh) +
             "\" stroke=\"#222\" stroke-dasharray=\"3 2\"/>";
    out += text(x1 + 6, ty, b.text, "start", " class=\"value\"");
    out += "</g>";
  }
  if (lo < 0)
    out += "<line x1=\"" + num(zero) + "\" y1=\"" + num(top) + "\" x2=\"" + num(zero) + "\" y2=\"" +
           num(height - 6) + "\" stroke=\"#444\"/>";
  out += "</svg>";
  return out;
}

std::string line_chart(const std::vector<std::string> &categories, const std::vector<series> &lines,
                       const line_options &o) {
  const std::string hatch = "pmq-hatch-" + o.id;
  // Layout: a strip for points without data on top, the plot, the category labels, the legend.
  const double left = 40, right = 16, strip = 18, top = 8;
  const double plot_top = top + strip + 6, plot_bottom = o.height - 22;
  double legend_w = 0;
  for (const auto &s : lines)
    legend_w = std::max(legend_w, text_width(s.name) + 24);
  legend_w = std::min(std::max(legend_w, 60.0), o.width - left - right);
  const std::size_t per_row =
      std::max<std::size_t>(1, std::size_t((o.width - left - right) / legend_w));
  const std::size_t legend_rows = (lines.size() + per_row - 1) / per_row;
  const double height = o.height + 16 * double(legend_rows) + (o.mark_legend ? 16 : 0);
  std::string out = svg_open(o.css_class, o.width, height, o.title, hatch);
  const double lo = o.y_min, hi = o.y_max > o.y_min ? o.y_max : o.y_min + 1;
  const auto y = [&](double v) {
    return plot_bottom - (std::clamp(v, lo, hi) - lo) / (hi - lo) * (plot_bottom - plot_top);
  };
  const std::size_t n = categories.size();
  const double x0 = left + 20, x1 = o.width - right - 20;
  const auto x = [&](std::size_t i) {
    return n <= 1 ? (x0 + x1) / 2 : x0 + (x1 - x0) * double(i) / double(n - 1);
  };
  // Grid and y labels.
  for (int k = 0; k <= 4; ++k) {
    const double v = lo + (hi - lo) * k / 4.0;
    out += "<line x1=\"" + num(left) + "\" y1=\"" + num(y(v)) + "\" x2=\"" + num(o.width - right) +
           "\" y2=\"" + num(y(v)) + "\" stroke=\"#e3e3e3\"/>";
    out += text(left - 4, y(v) + 4, num(v), "end", " fill=\"#555\"");
  }
  out += text(left - 4, top + strip - 5, o.no_data_text, "end", " class=\"nodata\" fill=\"#555\"");
  out += rect(left, top, o.width - right - left, strip, "url(#" + hatch + ")", "nodata-strip");
  if (n == 0)
    out += text((left + o.width - right) / 2, (plot_top + plot_bottom) / 2, o.no_data_text,
                "middle", " class=\"nodata\"");
  // Categories: labels; a category where no series has data is a hatched column.
  const double col = n <= 1 ? (x1 - x0) / 2 : (x1 - x0) / double(n - 1) * 0.6;
  const std::size_t label_every =
      std::max<std::size_t>(1, std::size_t(std::ceil(double(n) * 64.0 / (x1 - x0 + 64))));
  for (std::size_t i = 0; i < n; ++i) {
    bool any = false;
    for (const auto &s : lines)
      any = any || (i < s.values.size() && s.values[i] && std::isfinite(*s.values[i]));
    if (!any) {
      out += rect(x(i) - col / 2, plot_top, col, plot_bottom - plot_top, "url(#" + hatch + ")",
                  "nodata-column");
      out += text(x(i), (plot_top + plot_bottom) / 2, o.no_data_text, "middle",
                  " class=\"nodata\" fill=\"#555\"");
    }
    // The first and last labels are kept inside the chart.
    const char *anchor = n > 1 && i == 0 ? "start" : n > 1 && i + 1 == n ? "end" : "middle";
    const double lx = n > 1 && i == 0 ? x(i) - 12 : n > 1 && i + 1 == n ? x(i) + 12 : x(i);
    if (i % label_every == 0 || i + 1 == n)
      out += text(lx, plot_bottom + 15, categories[i], anchor, " class=\"category\"");
  }
  if (o.mark)
    out += "<line class=\"mark\" x1=\"" + num(left) + "\" y1=\"" + num(y(*o.mark)) + "\" x2=\"" +
           num(o.width - right) + "\" y2=\"" + num(y(*o.mark)) +
           "\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>";
  // The lines: consecutive points with data are joined; a gap breaks the line.
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const auto &s = lines[k];
    const std::string colour = palette[k % palette.size()];
    out += "<g class=\"series\">";
    std::string path;
    bool pen = false;
    for (std::size_t i = 0; i < n; ++i) {
      const bool has = i < s.values.size() && s.values[i] && std::isfinite(*s.values[i]);
      if (!has) {
        pen = false;
        out += "<circle class=\"nodata\" cx=\"" + num(x(i)) + "\" cy=\"" + num(top + strip / 2) +
               "\" r=\"4\" fill=\"#fff\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>";
        continue;
      }
      path += (pen ? " L" : " M") + num(x(i)) + " " + num(y(*s.values[i]));
      pen = true;
      out += "<circle class=\"point\" cx=\"" + num(x(i)) + "\" cy=\"" + num(y(*s.values[i])) +
             "\" r=\"3\" fill=\"" + colour + "\"/>";
    }
    if (!path.empty())
      out += "<path d=\"" + path.substr(1) + "\" fill=\"none\" stroke=\"" + colour +
             "\" stroke-width=\"1.8\"/>";
    out += "</g>";
  }
  // Legend.
  double ly = o.height + 4;
  if (o.mark_legend) {
    out += "<line x1=\"" + num(left) + "\" y1=\"" + num(ly + 4) + "\" x2=\"" + num(left + 16) +
           "\" y2=\"" + num(ly + 4) + "\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>" +
           text(left + 20, ly + 8, *o.mark_legend);
    ly += 16;
  }
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const double lx = left + legend_w * double(k % per_row);
    const double yy = ly + 16 * double(k / per_row);
    out += "<g class=\"legend\"><rect x=\"" + num(lx) + "\" y=\"" + num(yy) +
           "\" width=\"12\" height=\"8\" fill=\"" + palette[k % palette.size()] + "\"/>" +
           text(lx + 16, yy + 8, lines[k].name) + "</g>";
  }
  out += "</svg>";
  return out;
}

} // namespace pmq::svg
