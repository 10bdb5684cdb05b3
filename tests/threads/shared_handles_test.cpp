// Thread safety of the C ABI (docs/reliability.md): 8 threads call every kind of pmq function
// at once, sharing the same standard and band-table handles, with good and bad input mixed so
// that failures on one thread interleave with successes on the others. Every call's outcome —
// status, output, message, path and problems JSON — must equal what the same call gave when
// run alone on one thread. Runs in the ordinary test suite and, built with ThreadSanitizer
// (the tsan preset: `sh cmake/dev.sh tsan`), as the data-race check.
//
// Usage: pmq_thread_test [ROUNDS [-v]]   (each thread runs every call ROUNDS times, default 6;
//        -v lists every call with its single-threaded status and message)
#include <pmq/pmq.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct outcome {
  int status = 0;
  std::string output, message, path, problems;
  bool operator==(const outcome &) const = default;
};

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string valid(const char *name) {
  return read_file(std::string(PMQ_TEST_DATA "/valid/") + name);
}

// The calling thread's error details, read right after the call.
outcome finish(int status, char *out) {
  outcome o;
  o.status = status;
  if (out) o.output = out;
  pmq_free(out);
  o.message = pmq_last_error();
  o.path = pmq_last_error_path();
  o.problems = pmq_last_error_json();
  return o;
}

template <class F> std::function<outcome()> text_call(F f) {
  return [f] {
    char *out = nullptr;
    const int status = f(&out);
    return finish(status, out);
  };
}

struct named_call {
  std::string name;
  std::function<outcome()> run;
};

} // namespace

int main(int argc, char **argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 6;
  constexpr int threads = 8;

  // Shared handles, created once and used by every thread.
  pmq_standard *residential = nullptr, *national = nullptr, *loaded = nullptr, *derived = nullptr;
  pmq_bands *pay = nullptr, *grades = nullptr;
  char *residential_json = nullptr;
  if (pmq_standard_builtin(nullptr, &residential) ||
      pmq_standard_builtin("cn-national-demo-estate", &national) ||
      pmq_standard_to_json(residential, &residential_json) ||
      pmq_standard_load(residential_json, &loaded) ||
      pmq_standard_derive(national, valid("derive_selection.json").c_str(), &derived) ||
      pmq_bands_builtin("pay_adjustment", &pay) || pmq_bands_builtin("annual_grades", &grades)) {
    std::fprintf(stderr, "setup failed: %s\n", pmq_last_error());
    return 2;
  }
  const std::string residential_text = residential_json;
  pmq_free(residential_json);
  const std::string bands_text =
      read_file(PMQ_TEST_DATA "/../../src/presets/bands_pay_adjustment.json");

  const std::string inspection = read_file(PMQ_EXAMPLES_DATA "/inspection.json");
  const std::string inspection_national = read_file(PMQ_EXAMPLES_DATA "/inspection_national.json");
  const std::string d_tender = valid("supplier_tender.json"),
                    d_tender_rules = valid("supplier_tender_rules.json"),
                    d_staffing = valid("staffing_month.json"),
                    d_month = valid("supplier_month.json"), d_year = valid("supplier_year.json"),
                    d_bid = valid("supplier_may_bid.json"),
                    d_qualify = valid("supplier_qualification.json"),
                    d_loans = valid("archive_loans.json"), d_plan = valid("calendar_plan.json"),
                    d_households = valid("households.json"), d_rect = valid("rectification.json"),
                    d_rect_status = valid("rectification_status.json"),
                    d_assess = valid("assessments.json"), d_complaints = valid("complaints.json"),
                    d_counts = valid("kpi_counts.json"), d_months = valid("kpi_months.json"),
                    d_kpi_plan = valid("kpi_plan.json"), d_actuals = valid("kpi_actuals.json"),
                    d_fee = valid("fee_plan.json"), d_rollup = valid("rollup.json"),
                    d_scheme = valid("per_point_scheme.json"), d_custom = valid("kpi_custom.json"),
                    d_custom_counts = valid("kpi_custom_counts.json");

  std::vector<named_call> calls;
  const auto add = [&](std::string name, std::function<outcome()> run) {
    calls.push_back({std::move(name), std::move(run)});
  };
  // Standards and scoring, on shared handles.
  const std::string derived_inspection =
      R"({"id":"d","responses":[{"item":"JC-01","defects":2},{"item":"FW-02","not_applicable":true}]})";
  for (const pmq_standard *s : {residential, loaded, derived}) {
    const std::string &own = s == derived ? derived_inspection : inspection;
    const std::string batch = "[" + own + "," + own + "]";
    add("score", text_call([s, own](char **o) { return pmq_score(s, own.c_str(), o); }));
    add("score (unknown item)", text_call([s](char **o) {
          return pmq_score(s, R"({"id":"x","responses":[{"item":"NOPE","defects":1}]})", o);
        }));
    add("score_batch",
        text_call([s, batch](char **o) { return pmq_score_batch(s, batch.c_str(), o); }));
    add("standard_to_json", text_call([s](char **o) { return pmq_standard_to_json(s, o); }));
    add("score_values", [s] {
      std::size_t n = 0;
      pmq_standard_item_count(s, &n);
      std::vector<std::int64_t> values(n, PMQ_NO_RESPONSE);
      if (n > 0) values[0] = 1;
      std::int64_t score = 0;
      outcome o = finish(pmq_score_values(s, values.data(), n, &score), nullptr);
      o.output = std::to_string(n) + ":" + std::to_string(score);
      return o;
    });
    add("score_values (out of range)", [s] {
      std::size_t n = 0;
      pmq_standard_item_count(s, &n);
      std::vector<std::int64_t> values(n, PMQ_NO_RESPONSE);
      if (n > 1) values[1] = -7;
      std::int64_t score = 0;
      return finish(pmq_score_values(s, values.data(), n, &score), nullptr);
    });
  }
  add("score national",
      text_call([&](char **o) { return pmq_score(national, inspection_national.c_str(), o); }));
  add("standard_derive", text_call([&](char **o) {
        pmq_standard *d = nullptr;
        const int status = pmq_standard_derive(national, R"({"id":"p","exclude":["NOPE"]})", &d);
        if (status == PMQ_OK) {
          pmq_standard_to_json(d, o);
          pmq_standard_free(d);
        }
        return status;
      }));
  add("standard_load", text_call([&](char **o) {
        pmq_standard *s = nullptr;
        const int status = pmq_standard_load(residential_text.c_str(), &s);
        if (status == PMQ_OK) {
          pmq_score(s, inspection.c_str(), o);
          pmq_standard_free(s);
        }
        return status;
      }));
  add("bands_load", text_call([&](char **o) {
        pmq_bands *b = nullptr;
        const int status = pmq_bands_load(bands_text.c_str(), &b);
        if (status == PMQ_OK) {
          pmq_bands_classify(b, 89999, o);
          pmq_bands_free(b);
        }
        return status;
      }));
  add("bands_load (gap)", text_call([](char **o) {
        pmq_bands *b = nullptr;
        *o = nullptr;
        return pmq_bands_load(
            R"({"id":"t","title":"t","min":0,"max":100,"bands":[{"id":"a","label":"a","to":50,"to_edge":"exclusive"},{"id":"b","label":"b","from":60,"from_edge":"inclusive"}]})",
            &b);
      }));
  add("standard_load (bad)", text_call([](char **o) {
        pmq_standard *s = nullptr;
        *o = nullptr;
        return pmq_standard_load(R"({"id":"s","sections":[]})", &s);
      }));
  add("standard_builtin (unknown)", text_call([](char **o) {
        pmq_standard *s = nullptr;
        *o = nullptr;
        return pmq_standard_builtin("no-such-standard", &s);
      }));
  add("builtin_standards", text_call([](char **o) { return pmq_builtin_standards(o); }));
  add("rollup", text_call([&](char **o) { return pmq_rollup(d_rollup.c_str(), o); }));
  add("rollup (bad)", text_call([](char **o) {
        return pmq_rollup(R"({"branches":[{"id":"b","projects":[{"id":"p","scores":[-1]}]}]})", o);
      }));
  // Band tables, on shared handles.
  for (const pmq_bands *b : {pay, grades})
    for (const std::int64_t score :
         {std::int64_t(0), std::int64_t(89999), std::int64_t(90000), std::int64_t(100000)})
      add("bands_classify",
          text_call([b, score](char **o) { return pmq_bands_classify(b, score, o); }));
  add("bands_classify (out of range)",
      text_call([&](char **o) { return pmq_bands_classify(pay, 100001, o); }));
  add("per_point_pay",
      text_call([&](char **o) { return pmq_per_point_pay(87500, d_scheme.c_str(), o); }));
  add("per_point_pay (bad scheme)", text_call([](char **o) {
        return pmq_per_point_pay(87500, R"({"rounding":"sometimes"})", o);
      }));
  // Suppliers.
  add("supplier_qualify",
      text_call([&](char **o) { return pmq_supplier_qualify(d_qualify.c_str(), o); }));
  add("supplier_tender", text_call([&](char **o) {
        return pmq_supplier_tender(d_tender.c_str(), d_tender_rules.c_str(), o);
      }));
  add("supplier_staffing",
      text_call([&](char **o) { return pmq_supplier_staffing(d_staffing.c_str(), nullptr, o); }));
  add("supplier_month",
      text_call([&](char **o) { return pmq_supplier_month(d_month.c_str(), nullptr, o); }));
  add("supplier_month (bad rules)",
      text_call([&](char **o) { return pmq_supplier_month(d_month.c_str(), "{\"x\":1}", o); }));
  add("supplier_year",
      text_call([&](char **o) { return pmq_supplier_year(d_year.c_str(), nullptr, o); }));
  add("supplier_may_bid",
      text_call([&](char **o) { return pmq_supplier_may_bid(d_bid.c_str(), o); }));
  for (const char *which : {"monthly", "staffing", "tender", "yearly", "nope"})
    add("supplier_default_rules",
        text_call([which](char **o) { return pmq_supplier_default_rules(which, o); }));
  // Calendar, rectification, complaints.
  add("calendar_deadlines",
      text_call([](char **o) { return pmq_calendar_deadlines(R"({"month":"2026-12"})", o); }));
  add("calendar_deadlines (bad month)",
      text_call([](char **o) { return pmq_calendar_deadlines(R"({"month":"2026-13"})", o); }));
  add("archive_loans", text_call([&](char **o) { return pmq_archive_loans(d_loans.c_str(), o); }));
  add("inspection_plan",
      text_call([&](char **o) { return pmq_inspection_plan(d_plan.c_str(), o); }));
  add("household_sample",
      text_call([&](char **o) { return pmq_household_sample(d_households.c_str(), o); }));
  add("rectification_report",
      text_call([&](char **o) { return pmq_rectification_report(d_rect.c_str(), o); }));
  add("rectification_status",
      text_call([&](char **o) { return pmq_rectification_status(d_rect_status.c_str(), o); }));
  add("consecutive_failures",
      text_call([&](char **o) { return pmq_consecutive_failures(d_assess.c_str(), o); }));
  add("complaints_evaluate",
      text_call([&](char **o) { return pmq_complaints_evaluate(d_complaints.c_str(), o); }));
  add("complaint_classes", text_call([](char **o) { return pmq_complaint_classes(o); }));
  // KPIs and expressions.
  add("rate", [] {
    char *percent = nullptr;
    int has_data = 0;
    const int status = pmq_rate(197, 200, 2, &percent, &has_data);
    outcome o = finish(status, percent);
    o.output += has_data ? "" : " (no data)";
    return o;
  });
  add("rate_check", [] {
    int status = -1;
    outcome o = finish(pmq_rate_check(39, 40, "ge", "98", &status), nullptr);
    o.output = std::to_string(status);
    return o;
  });
  add("rate_check (bad threshold)", [] {
    int status = -1;
    return finish(pmq_rate_check(39, 40, "ge", "ninety", &status), nullptr);
  });
  add("kpi_catalogue", text_call([](char **o) { return pmq_kpi_catalogue(o); }));
  add("kpi_evaluate",
      text_call([&](char **o) { return pmq_kpi_evaluate("R-KPI-12", d_counts.c_str(), o); }));
  add("kpi_evaluate (duplicate key)", text_call([](char **o) {
        return pmq_kpi_evaluate("R-KPI-12",
                                R"({"valid_complaints":40,"handled_late":1,"handled_late":0})", o);
      }));
  add("kpi_evaluate_counts", text_call([](char **o) {
        const char *names[] = {"valid_complaints", "handled_late"};
        const std::int64_t values[] = {40, 1};
        return pmq_kpi_evaluate_counts("R-KPI-12", names, values, 2, o);
      }));
  add("kpi_evaluate_custom", text_call([&](char **o) {
        return pmq_kpi_evaluate_custom(d_custom.c_str(), d_custom_counts.c_str(), o);
      }));
  add("expr_evaluate",
      text_call([](char **o) { return pmq_expr_evaluate("(a - b) / a", R"({"a":40,"b":1})", o); }));
  add("expr_evaluate (bad)",
      text_call([](char **o) { return pmq_expr_evaluate("(a - ", R"({"a":40})", o); }));
  add("kpi_series", text_call([&](char **o) {
        return pmq_kpi_series("R-KPI-12", d_months.c_str(), "quarter", o);
      }));
  add("kpi_table", text_call([&](char **o) {
        return pmq_kpi_table(d_kpi_plan.c_str(), d_actuals.c_str(), "2026-Q1", o);
      }));
  add("kpi_table (bad period)", text_call([&](char **o) {
        return pmq_kpi_table(d_kpi_plan.c_str(), d_actuals.c_str(), "2026-Q5", o);
      }));
  add("fee_plan_check",
      text_call([&](char **o) { return pmq_fee_plan_check(d_fee.c_str(), "2026-Q2", o); }));
  add("version", [] {
    outcome o;
    o.output = pmq_version();
    return o;
  });

  // The single-threaded run is the reference; each call must succeed or fail on purpose.
  std::vector<outcome> expected;
  int ok = 0;
  for (const auto &c : calls) {
    expected.push_back(c.run());
    ok += expected.back().status == PMQ_OK;
    if (argc > 2 && std::string(argv[2]) == "-v")
      std::printf("%-32s %d %s\n", c.name.c_str(), expected.back().status,
                  expected.back().message.c_str());
    if (expected.back().status == PMQ_EINTERNAL) {
      std::fprintf(stderr, "%s: PMQ_EINTERNAL: %s\n", c.name.c_str(),
                   expected.back().message.c_str());
      return 1;
    }
  }

  std::atomic<long> mismatches{0}, done{0};
  std::mutex print;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      std::vector<std::size_t> order(calls.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      std::mt19937 rng(unsigned(t) + 1);
      for (int r = 0; r < rounds; ++r) {
        std::shuffle(order.begin(), order.end(), rng);
        for (const std::size_t i : order) {
          const outcome got = calls[i].run();
          ++done;
          if (got == expected[i]) continue;
          if (mismatches++ < 5) {
            const std::lock_guard<std::mutex> lock(print);
            std::fprintf(
                stderr,
                "thread %d, %s: got status %d \"%s\" at \"%s\", expected %d \"%s\" at \"%s\"%s\n",
                t, calls[i].name.c_str(), got.status, got.message.c_str(), got.path.c_str(),
                expected[i].status, expected[i].message.c_str(), expected[i].path.c_str(),
                got.output == expected[i].output ? "" : " (output differs)");
          }
        }
      }
    });
  for (auto &th : pool)
    th.join();

  pmq_standard_free(residential);
  pmq_standard_free(national);
  pmq_standard_free(loaded);
  pmq_standard_free(derived);
  pmq_bands_free(pay);
  pmq_bands_free(grades);
  std::printf("%d threads x %d rounds x %zu calls (%d succeed, %zu fail on purpose): %ld calls, "
              "%ld differ from the single-threaded run\n",
              threads, rounds, calls.size(), ok, calls.size() - std::size_t(ok), done.load(),
              mismatches.load());
  return mismatches == 0 ? 0 : 1;
}
