// The typed path (score_values and its batch form) against the explaining path: the same
// final score for every valid row of values, over random standards of every kind and policy
// (fixed seed), and the same problems, with the same paths, for every invalid one.
#include "pmq/scoring.hpp"
#include "pmq/standard.hpp"

#include "test_support.hpp"

#include <random>

using pmq::points;
using pmq_test::error_of;
using pmq_test::has_problem;

namespace {
struct typed_generator {
  std::mt19937_64 rng;
  std::uint64_t below(std::uint64_t n) { return rng() % n; }

  pmq::standard standard() {
    pmq::standard s;
    s.id = "typed";
    s.version = "1";
    s.title = "typed";
    s.decimals = std::uint32_t(below(4));
    s.not_applicable = static_cast<pmq::na_policy>(below(3));
    s.thresholds = below(2) ? pmq::threshold_policy::scaled : pmq::threshold_policy::absolute;
    if (below(3) == 0) s.three_level.basically_meets = points::from_milli(333);
    const bool weighted = below(3) == 0;
    const auto sections = 1 + below(4);
    points weights;
    for (std::uint64_t si = 0; si < sections; ++si) {
      pmq::section sec;
      sec.id = "S" + std::to_string(si);
      sec.title = sec.id;
      if (weighted) {
        sec.weight = points::from_milli(std::int64_t(1 + below(50)) * 1000);
        weights += *sec.weight;
      }
      const auto items = 1 + below(7);
      for (std::uint64_t ii = 0; ii < items; ++ii) {
        pmq::item it;
        it.id = sec.id + "-" + std::to_string(ii);
        it.title = it.id;
        it.requirement = "r";
        it.max_score =
            points::from_milli(std::int64_t(1 + below(20)) * 250 + std::int64_t(below(3)));
        switch (below(6)) {
        case 0:
          it.kind = pmq::item_kind::deduct;
          it.deduction =
              points::from_milli(std::int64_t(1 + below(std::uint64_t(it.max_score.milli()))));
          break;
        case 1:
          it.kind = pmq::item_kind::pass_fail;
          break;
        case 2:
          it.kind = pmq::item_kind::three_level;
          break;
        case 3:
          it.kind = pmq::item_kind::graded;
          if (below(2)) it.step = points::from_milli(1);
          break;
        case 4:
          it.kind = pmq::item_kind::veto;
          it.max_score = points{};
          it.veto_effect = below(2) ? pmq::veto_effect::zero : pmq::veto_effect::cap;
          if (it.veto_effect == pmq::veto_effect::cap)
            it.veto_cap = points::from_milli(std::int64_t(below(60'000)));
          break;
        default:
          it.kind = pmq::item_kind::not_applicable;
        }
        sec.items.push_back(it);
      }
      s.sections.push_back(sec);
    }
    if (weighted) s.weight_total = weights;
    if (!weighted && below(3) == 0) s.rebase_to = points{100};
    return s;
  }

  // One value per item: mostly valid, with an invalid one now and then when `bad`.
  std::vector<std::int64_t> values(const pmq::standard &s, bool bad) {
    std::vector<std::int64_t> v;
    for (const auto &sec : s.sections)
      for (const auto &it : sec.items) {
        const auto r = below(10);
        if (r == 0) {
          v.push_back(pmq::compiled_standard::no_response);
        } else if (r == 1) {
          v.push_back(pmq::compiled_standard::not_applicable);
        } else if (bad && r == 2) {
          v.push_back(below(2) ? -3 - std::int64_t(below(5)) : std::int64_t(3 + below(1000)));
        } else {
          switch (it.kind) {
          case pmq::item_kind::deduct:
            v.push_back(std::int64_t(below(40)));
            break;
          case pmq::item_kind::pass_fail:
          case pmq::item_kind::veto:
            v.push_back(std::int64_t(below(2)));
            break;
          case pmq::item_kind::three_level:
            v.push_back(std::int64_t(below(3)));
            break;
          case pmq::item_kind::graded:
            v.push_back(std::int64_t(below(std::uint64_t(it.max_score.milli()) + 1)));
            break;
          default:
            v.push_back(std::int64_t(below(3)));
          }
        }
      }
    return v;
  }
};

// The inspection the values stand for, for the JSON-shaped path.
pmq::inspection as_inspection(const pmq::standard &s, const std::vector<std::int64_t> &v) {
  pmq::inspection ins;
  ins.id = "I";
  std::size_t k = 0;
  for (const auto &sec : s.sections)
    for (const auto &it : sec.items) {
      const auto x = v[k++];
      if (x == pmq::compiled_standard::no_response) continue;
      pmq::response r;
      r.item = it.id;
      if (x == pmq::compiled_standard::not_applicable) {
        r.not_applicable = true;
      } else {
        switch (it.kind) {
        case pmq::item_kind::deduct:
          r.defects = std::uint32_t(x);
          break;
        case pmq::item_kind::pass_fail:
        case pmq::item_kind::veto:
          r.passed = x == 1;
          break;
        case pmq::item_kind::three_level:
          r.level = static_cast<pmq::level>(x);
          break;
        case pmq::item_kind::graded:
          r.score = points::from_milli(x);
          break;
        default:
          break;
        }
      }
      ins.responses.push_back(r);
    }
  return ins;
}

std::string problems_of(const pmq::error &e) {
  std::string out;
  for (const auto &p : e.problems())
    out += p.path + ": " + p.message + "\n";
  return out;
}
} // namespace

TEST_CASE("the typed path gives the JSON path's score on random standards of every kind",
          "[scoring][typed][R-STD-5][property]") {
  typed_generator g{std::mt19937_64(20261123)};
  int compared = 0, no_data = 0;
  for (int round = 0; round < 400; ++round) {
    const auto s = g.standard();
    std::optional<pmq::compiled_standard> c;
    try {
      c.emplace(s);
    } catch (const pmq::error &) {
      continue; // a random standard the rules refuse (a cap above the basis, …)
    }
    for (int n = 0; n < 10; ++n) {
      const auto v = g.values(s, false);
      std::optional<points> typed;
      std::string typed_error, json_error;
      try {
        typed = c->score_values(v);
      } catch (const pmq::error &e) {
        typed_error = problems_of(e);
      }
      std::optional<points> full;
      try {
        full = c->score(as_inspection(s, v)).score;
      } catch (const pmq::error &e) {
        json_error = problems_of(e);
      }
      CHECK(typed_error.empty() == json_error.empty());
      CHECK(typed == full);
      ++compared;
      if (!typed && typed_error.empty()) ++no_data;
    }
  }
  CHECK(compared > 2000);
  CHECK(no_data > 0);
}

TEST_CASE("the typed batch scores each row as score_values does, and names the row of a "
          "bad value",
          "[scoring][typed][batch]") {
  typed_generator g{std::mt19937_64(7)};
  for (int round = 0; round < 100; ++round) {
    const auto s = g.standard();
    std::optional<pmq::compiled_standard> c;
    try {
      c.emplace(s);
    } catch (const pmq::error &) {
      continue;
    }
    const std::size_t items = c->item_count();
    std::vector<std::int64_t> rows;
    std::vector<std::string> errors;
    std::vector<std::optional<points>> singles;
    for (int k = 0; k < 6; ++k) {
      const auto v = g.values(s, round % 2 == 1);
      rows.insert(rows.end(), v.begin(), v.end());
      try {
        singles.push_back(c->score_values(v));
        errors.emplace_back();
      } catch (const pmq::error &e) {
        singles.emplace_back();
        std::string prefixed;
        for (const auto &p : e.problems())
          prefixed += "[" + std::to_string(k) + "]." + p.path + ": " + p.message + "\n";
        errors.push_back(prefixed);
      }
    }
    std::vector<std::int64_t> out(6, 12345);
    std::string all_errors;
    for (const auto &e : errors)
      all_errors += e;
    if (all_errors.empty()) {
      c->score_values(rows, out);
      for (std::size_t k = 0; k < 6; ++k)
        CHECK(out[k] == (singles[k] ? singles[k]->milli() : pmq::compiled_standard::no_data));
    } else {
      const auto e = error_of([&] { c->score_values(rows, out); });
      CHECK(e.code() == pmq::errc::invalid_input);
      CHECK(problems_of(e) == all_errors);
    }
    (void)items;
  }
}

TEST_CASE("the typed batch refuses rows of the wrong length", "[scoring][typed][batch]") {
  pmq::standard s;
  s.id = "t";
  s.version = "1";
  s.title = "t";
  pmq::section sec;
  sec.id = "S";
  sec.title = "S";
  for (int i = 0; i < 3; ++i) {
    pmq::item it;
    it.id = "I" + std::to_string(i);
    it.title = it.id;
    it.requirement = "r";
    it.max_score = points{10};
    it.kind = pmq::item_kind::pass_fail;
    sec.items.push_back(it);
  }
  s.sections.push_back(sec);
  const pmq::compiled_standard c(s);
  std::vector<std::int64_t> out(2);
  auto e = error_of([&] { c.score_values(std::vector<std::int64_t>{1, 1, 1, 1, 1}, out); });
  CHECK(has_problem(e, "values", "expected 2 × 3 values"));
  e = error_of([&] { c.score_values(std::vector<std::int64_t>{1, 1, 1, 1, 5, -9}, out); });
  CHECK(has_problem(e, "[1].values[1]", "1 (passed) or 0 (failed)"));
  CHECK(has_problem(e, "[1].values[2]", "must be -1"));
  c.score_values(std::vector<std::int64_t>{1, 1, 1, 0, -2, -1}, out);
  CHECK(out == std::vector<std::int64_t>{30000, 15000}); // 10 of 20 applicable × 30 ÷ 20
  std::vector<std::int64_t> none;
  c.score_values(std::vector<std::int64_t>{}, none); // no inspections: nothing to do
}

namespace {
std::string batch_text(const std::string &text, pmq::result_form form) {
  const pmq::compiled_standard c(pmq::builtin_standard(""));
  std::string out;
  pmq::score_json_batch(
      c, text, [&](std::string_view s) { out += s; }, form);
  return out;
}

// What the batch gave before it streamed: the whole array read, scored, written at once.
std::string batch_whole(const std::string &text, pmq::result_form form) {
  const pmq::compiled_standard c(pmq::builtin_standard(""));
  pmq::json out = pmq::json::array();
  // Read in one pass, as the streamed batch reports a bad document.
  for (const auto &r : c.score(c.read_inspections(text)))
    out.push_back(form == pmq::result_form::summary ? pmq::to_json(pmq::summary_of(r))
                                                    : pmq::to_json(r));
  return out.dump();
}

std::string error_text(const std::function<void()> &f) {
  try {
    f();
  } catch (const pmq::error &e) {
    return std::to_string(int(e.code())) + " " + problems_of(e);
  }
  return "no error";
}
} // namespace

TEST_CASE("the summary holds the full result's decisions", "[scoring][summary][R-STD-5]") {
  const pmq::compiled_standard c(pmq::builtin_standard(""));
  const auto ins = pmq::load_inspection(pmq_test::read_file(PMQ_EXAMPLES_DATA "/inspection.json"));
  const auto full = c.score(ins);
  const auto s = c.summarize(ins);
  CHECK(s.inspection == full.inspection);
  CHECK(s.status == full.status);
  CHECK(s.score == full.score);
  CHECK(s.exact == full.exact);
  CHECK(s.passed == full.passed);
  CHECK(s.vetoes == full.vetoes);
  CHECK(s.failed_sections == full.failed_sections);
  const auto j = pmq::to_json(s);
  CHECK(j.dump() == pmq::to_json(pmq::summary_of(full)).dump());
  CHECK(j.at("score").dump() == "92.71");
  CHECK(!j.contains("sections"));
  // the same problems as the full result
  const auto bad = pmq::load_inspection(R"({"id":"I","responses":[{"item":"NOPE"}]})");
  CHECK(error_text([&] { c.summarize(bad); }) == error_text([&] { c.score(bad); }));
}

TEST_CASE("a veto and a failed critical section show in the summary", "[scoring][summary]") {
  typed_generator g{std::mt19937_64(99)};
  int vetoed = 0;
  for (int round = 0; round < 200; ++round) {
    const auto s = g.standard();
    std::optional<pmq::compiled_standard> c;
    try {
      c.emplace(s);
    } catch (const pmq::error &) {
      continue;
    }
    const auto ins = as_inspection(s, g.values(s, false));
    std::string full_error, summary_error;
    std::optional<pmq::score_result> full;
    std::optional<pmq::score_summary> summary;
    try {
      full = c->score(ins);
    } catch (const pmq::error &e) {
      full_error = problems_of(e);
    }
    try {
      summary = c->summarize(ins);
    } catch (const pmq::error &e) {
      summary_error = problems_of(e);
    }
    CHECK(full_error == summary_error);
    if (!full) continue;
    CHECK(pmq::to_json(*summary).dump() == pmq::to_json(pmq::summary_of(*full)).dump());
    if (!summary->vetoes.empty()) ++vetoed;
  }
  CHECK(vetoed > 0);
}

TEST_CASE("the streamed JSON batch writes what the whole-array batch wrote, and reports the "
          "same problems",
          "[scoring][batch][summary]") {
  const std::string one = pmq_test::read_file(PMQ_EXAMPLES_DATA "/inspection.json");
  for (const auto form : {pmq::result_form::explained, pmq::result_form::summary}) {
    for (const std::string &text :
         {"[" + one + "," + one + "]", std::string(" [ ] "), "[\n" + one + "\n]\n",
          std::string(R"([{"id":"a","responses":[]}, {"id":"b\"],[","responses":[]}])")}) {
      CHECK(batch_text(text, form) == batch_whole(text, form));
    }
    for (const std::string &bad :
         {std::string("[{\"id\":\"a\",\"responses\":[]},]"), std::string("{}"), std::string(""),
          std::string("[{\"id\":\"a\",\"responses\":[{\"item\":\"NOPE\"}]},{\"id\":\"\","
                      "\"responses\":3}]"),
          std::string("[{\"id\":\"a\",\"id\":\"b\",\"responses\":[]}]"),
          std::string("[{\"id\":\"a\",\"responses\":[]}] x"), std::string("[1,2"),
          std::string(65, '[') + std::string(65, ']'), "[" + one + ",{\"id\":\"x\"}]"}) {
      const auto streamed = error_text([&] { batch_text(bad, form); });
      CHECK(streamed != "no error");
      CHECK(streamed == error_text([&] { batch_whole(bad, form); }));
    }
  }
}

TEST_CASE("a standard loaded from text is validated once and compiles as before",
          "[scoring][standard]") {
  const auto text = pmq::to_json(pmq::builtin_standard("")).dump();
  const auto a = pmq::compiled_standard::load(text);
  const pmq::compiled_standard b(pmq::load_standard(text));
  CHECK(pmq::to_json(a.definition()).dump() == pmq::to_json(b.definition()).dump());
  CHECK(a.item_count() == b.item_count());
  const auto bad = R"({"id":"x","version":"1","title":"t","sections":[{"id":"S","title":"s",
    "items":[{"id":"A","title":"a","requirement":"r","max_score":5,"kind":"deduct"},
             {"id":"A","title":"a","requirement":"r","max_score":5,"kind":"pass_fail"}]},
    {"id":"S","title":"s","items":[]}]})";
  const auto e = error_of([&] { pmq::compiled_standard::load(bad); });
  CHECK(has_problem(e, "sections[0].items[0].deduction", "required"));
  CHECK(has_problem(e, "sections[0].items[1].id", "(first at sections[0].items[0])"));
  CHECK(has_problem(e, "sections[1].id", "(first at sections[0])"));
  CHECK(has_problem(e, "sections[1].items", "at least one item"));
}

TEST_CASE("results written straight into text read as the DOM's dump", "[scoring][json]") {
  const pmq::compiled_standard c(pmq::builtin_standard(""));
  auto ins = pmq::load_inspection(pmq_test::read_file(PMQ_EXAMPLES_DATA "/inspection.json"));
  ins.project = std::string("quote \" backslash \\ tab \t nl \n bell \x07 del \x7f 中文");
  ins.responses.push_back({});
  ins.responses.back().item = "BJ-03";
  ins.responses.back().findings.push_back(
      {"\x01\x1f", "", *pmq::parse_timestamp("2026-11-18T09:05+08:00"), "\b\f\r"});
  pmq::carry_over co;
  co.order = "R-1";
  co.project = *ins.project;
  co.points = points::from_milli(1500);
  co.reason = "原因 \"x\"";
  ins.carry_over.push_back(co);
  const auto r = c.score(ins);
  CHECK(pmq::to_json_text(r) == pmq::to_json(r).dump());
  CHECK(pmq::to_json_text(pmq::summary_of(r)) == pmq::to_json(pmq::summary_of(r)).dump());
  typed_generator g{std::mt19937_64(5)};
  int compared = 0;
  for (int round = 0; round < 100; ++round) {
    const auto s = g.standard();
    try {
      const pmq::compiled_standard cs(s);
      const auto res = cs.score(as_inspection(s, g.values(s, false)));
      CHECK(pmq::to_json_text(res) == pmq::to_json(res).dump());
      ++compared;
    } catch (const pmq::error &) {
    }
  }
  CHECK(compared > 20);
  for (const std::int64_t milli : {0LL, 1LL, -1LL, 500LL, -2500LL, 999'999'999LL, 123'456'789'012LL,
                                   (1LL << 52) + 1, -(1LL << 53) - 7}) {
    pmq::json j;
    pmq::json_io::write(j, points::from_milli(milli));
    std::string t;
    pmq::json_io::write_text(t, points::from_milli(milli));
    CHECK(t == j.dump());
  }
}
