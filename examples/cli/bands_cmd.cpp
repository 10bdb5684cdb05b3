// `pmq bands …`: band tables and the per-point pay scheme on the command line (R-SCORE-4,
// R-SCORE-5, R-SCORE-6, R-OUT-11).
#include "cli.hpp"

#include "pmq/bands.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace pmq_cli {

namespace {
// A built-in table by id, otherwise a file (or - for stdin).
pmq::band_table table_arg(const std::string &id_or_file) {
  const auto ids = pmq::builtin_band_table_ids();
  if (std::find(ids.begin(), ids.end(), id_or_file) != ids.end())
    return pmq::builtin_band_table(id_or_file);
  return pmq::band_table_from_json(read_json(id_or_file));
}

pmq::points score_arg(const std::string &text) {
  const auto p = pmq::points::parse(text);
  if (!p)
    throw pmq::error(pmq::errc::invalid_argument, "score",
                     "\"" + text + "\" is not a score (a decimal with at most 3 places)");
  return *p;
}

std::string range_text(const pmq::band_table &t, const pmq::band &b) {
  const bool lo_in = !b.from || b.from_edge.value_or(pmq::edge::inclusive) == pmq::edge::inclusive;
  const bool hi_in = !b.to || b.to_edge.value_or(pmq::edge::exclusive) == pmq::edge::inclusive;
  return std::string(lo_in ? "[" : "(") + b.from.value_or(t.min).to_string() + ", " +
         b.to.value_or(t.max).to_string() + (hi_in ? "]" : ")");
}
} // namespace

void add_bands(CLI::App &app) {
  auto *bands = app.add_subcommand(
      "bands", "Band tables: pay adjustment (R-SCORE-4), annual grades (R-SCORE-6), supplier "
               "standings (R-OUT-11); the per-point scheme (R-SCORE-5)");
  bands->require_subcommand(1);
  examples(bands, {"pmq bands list", "pmq bands show pay_adjustment",
                   "pmq bands classify --bands pay_adjustment --score 94.999",
                   "pmq bands per-point --score 88.5"});

  auto list_format = std::make_shared<std::string>();
  auto *list = bands->add_subcommand("list", "The built-in band tables");
  add_format(list, *list_format);
  list->callback([list_format] {
    pmq::json rows = pmq::json::array();
    for (const auto &id : pmq::builtin_band_table_ids())
      rows.push_back({{"id", id},
                      {"title", pmq::builtin_band_table(id).title},
                      {"bands", pmq::builtin_band_table(id).bands.size()}});
    emit(*list_format, rows, rows);
  });

  struct show_opts {
    std::string table, format;
  };
  auto so = std::make_shared<show_opts>();
  auto *show = bands->add_subcommand("show", "A band table's bands with their exact edges");
  show->add_option("table", so->table, "a built-in table id, or a band table file (- for stdin)")
      ->required()
      ->type_name("ID|FILE");
  add_format(show, so->format);
  examples(show, {"pmq bands show annual_grades", "pmq bands show my_bands.json --format json"});
  show->callback([so] {
    const auto t = table_arg(so->table);
    pmq::json rows = pmq::json::array();
    for (const auto &b : t.bands) {
      pmq::json row = pmq::to_json_value(b);
      row["range"] = range_text(t, b);
      rows.push_back(row);
    }
    emit(so->format, pmq::to_json(t), rows, [&] {
      std::cout << t.id << "  " << t.title << "  [" << t.min.to_string() << ", "
                << t.max.to_string() << "]\n";
      for (const auto &b : t.bands)
        std::cout << "  " << range_text(t, b) << "  " << b.id << "  " << b.label << "\n";
    });
  });

  struct classify_opts {
    std::string table = "pay_adjustment", format;
    std::vector<std::string> scores;
  };
  auto co = std::make_shared<classify_opts>();
  auto *classify = bands->add_subcommand("classify", "The band each score falls in");
  classify
      ->add_option("--bands", co->table,
                   "a built-in table id or a band table file (default pay_adjustment)")
      ->type_name("ID|FILE");
  classify->add_option("--score", co->scores, "a score (decimal, at most 3 places); repeatable")
      ->required()
      ->type_name("SCORE");
  add_format(classify, co->format);
  examples(classify, {"pmq bands classify --score 94.999 --score 95",
                      "pmq bands classify --bands annual_grades --score 89.5 --format json",
                      "pmq bands classify --bands my_bands.json --score 75 --format csv"});
  classify->callback([co] {
    const auto t = table_arg(co->table);
    pmq::json rows = pmq::json::array();
    for (const auto &text : co->scores) {
      const auto &b = pmq::classify(t, score_arg(text));
      pmq::json row = {
          {"score", text}, {"band", b.id}, {"label", b.label}, {"range", range_text(t, b)}};
      const auto bj = pmq::to_json_value(b);
      for (const char *k : {"pay_adjustment", "award_eligible", "passed", "actions"})
        if (bj.contains(k)) row[k] = bj.at(k);
      rows.push_back(row);
    }
    emit(co->format, rows, rows, [&] {
      for (const auto &r : rows)
        std::cout << cell(r["score"]) << "  " << cell(r["band"]) << "  " << cell(r["label"]) << "  "
                  << cell(r["range"]) << "\n";
    });
  });

  struct per_point_opts {
    std::string scheme, format;
    std::vector<std::string> scores;
  };
  auto po = std::make_shared<per_point_opts>();
  auto *per_point = bands->add_subcommand(
      "per-point", "R-SCORE-5: 90 passes; below it each point lost costs one percentage point "
                   "of performance pay");
  per_point->add_option("--score", po->scores, "a score; repeatable")
      ->required()
      ->type_name("SCORE");
  add_input(per_point, "--scheme", po->scheme,
            "the scheme {\"pass_mark\", \"percent_per_point\", \"rounding\"} (default: 90, 1, "
            "whole_points)",
            false);
  add_format(per_point, po->format);
  examples(per_point, {"pmq bands per-point --score 88.5",
                       "pmq bands per-point --score 88.5 --scheme started_points.json"});
  per_point->callback([po] {
    const auto scheme = po->scheme.empty()
                            ? pmq::per_point_scheme{}
                            : pmq::from_json_value<pmq::per_point_scheme>(read_json(po->scheme));
    pmq::json rows = pmq::json::array();
    for (const auto &text : po->scores) {
      pmq::json row = {{"score", text}};
      row.update(pmq::to_json_value(pmq::per_point_pay(score_arg(text), scheme)));
      rows.push_back(row);
    }
    emit(po->format, rows, rows);
  });
}

} // namespace pmq_cli
