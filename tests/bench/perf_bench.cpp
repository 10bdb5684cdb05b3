// Issue 12's figures (docs/performance.md): each path beside its baseline, measured in the
// same run, so the ratios — not the absolute times — are what is reported:
//   typed path            vs a plain loop over the same values (items 10, 100, 1,000)
//   typed batch           per inspection, batch sizes 1 … 10,000
//   JSON in → JSON out    vs nlohmann's DOM parse of the same inspection text
//   summary result        vs the same parse
//   JSON batch            per inspection vs single calls, batch sizes 1 … 10,000
//   standard load         500 items vs nlohmann's parse of the same text
// Built, never run by ctest: `sh cmake/dev.sh bench` (writes build/release/bench.json).
#include "pmq/pmq.h"
#include "pmq/scoring.hpp"

#include "bench_standard.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

// A standard of `items` items (sections of 20, or one section when fewer), 1 point each.
pmq::standard standard_of(int items) {
  const int per = items < 20 ? items : 20;
  return pmq_bench::synthetic_standard("perf", items / per, per, pmq::points::from_milli(100));
}

// 256 inspections of a standard: every item answered (defects 0..12 or pass/fail), one N/A in
// eight; as typed rows, and as JSON text.
struct data_set {
  pmq::standard standard;
  pmq::compiled_standard compiled;
  std::vector<std::int64_t> rows; // 256 × items, row-major
  std::vector<std::string> json;
  std::size_t items;

  explicit data_set(int n_items)
      : standard(standard_of(n_items)), compiled(standard), items(compiled.item_count()) {
    std::mt19937_64 rng(42);
    for (int n = 0; n < 256; ++n) {
      pmq::inspection ins;
      ins.id = "I-" + std::to_string(n);
      for (const auto &sec : standard.sections)
        for (const auto &it : sec.items) {
          pmq::response r;
          r.item = it.id;
          std::int64_t x;
          if (rng() % 8 == 0) {
            x = pmq::compiled_standard::not_applicable;
            r.not_applicable = true;
          } else if (it.kind == pmq::item_kind::deduct) {
            x = std::int64_t(rng() % 13);
            r.defects = static_cast<std::uint32_t>(x);
          } else {
            x = std::int64_t(rng() % 2);
            r.passed = x == 1;
          }
          rows.push_back(x);
          ins.responses.push_back(r);
        }
      json.push_back(pmq::to_json(ins).dump());
    }
  }
  const std::int64_t *row(std::size_t k) const { return rows.data() + (k % 256) * items; }
};

const data_set &data(int items) {
  static std::map<int, data_set> sets;
  auto it = sets.find(items);
  if (it == sets.end()) it = sets.emplace(items, data_set(items)).first;
  return it->second;
}

// The plain loop: a flat table of (max, per-defect deduction) and the same arithmetic with no
// validation, explanation or exact re-basing — what the simplest scorer in C would do.
struct plain_item {
  std::int64_t max, per; // per 0: pass/fail
};

void BM_typed_plain_loop(benchmark::State &state) {
  const auto &d = data(int(state.range(0)));
  std::vector<plain_item> table;
  for (const auto &sec : d.standard.sections)
    for (const auto &it : sec.items)
      table.push_back({it.max_score.milli(), it.deduction ? it.deduction->milli() : 0});
  std::size_t k = 0;
  for (auto _ : state) {
    const std::int64_t *v = d.row(k++);
    std::int64_t total = 0, max = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
      const std::int64_t x = v[i];
      if (x == -2) continue;
      max += table[i].max;
      if (table[i].per) {
        const std::int64_t s = table[i].max - x * table[i].per;
        total += s > 0 ? s : 0;
      } else {
        total += x ? table[i].max : 0;
      }
    }
    std::int64_t score = max ? total * 100000 / max : 0;
    benchmark::DoNotOptimize(score);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_typed_values(benchmark::State &state) {
  const auto &d = data(int(state.range(0)));
  std::size_t k = 0;
  for (auto _ : state) {
    auto r = d.compiled.score_values(std::span<const std::int64_t>(d.row(k++), d.items));
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

// A handle on a standard through the C ABI, for the C entry points.
struct c_handle {
  pmq_standard *s = nullptr;
  explicit c_handle(const pmq::standard &def) {
    pmq_standard_load(pmq::to_json(def).dump().c_str(), &s);
  }
  ~c_handle() { pmq_standard_free(s); }
  c_handle(const c_handle &) = delete;
  c_handle &operator=(const c_handle &) = delete;
};

void BM_typed_values_c(benchmark::State &state) {
  const auto &d = data(int(state.range(0)));
  const c_handle h(d.standard);
  std::size_t k = 0;
  for (auto _ : state) {
    std::int64_t score = 0;
    pmq_score_values(h.s, d.row(k++), d.items, &score);
    benchmark::DoNotOptimize(score);
  }
  state.SetItemsProcessed(state.iterations());
}

// The typed batch through the C ABI: range(0) inspections of 100 items per call.
void BM_typed_batch_c(benchmark::State &state) {
  const auto &d = data(100);
  const c_handle h(d.standard);
  const auto n = std::size_t(state.range(0));
  std::vector<std::int64_t> rows;
  for (std::size_t k = 0; k < n; ++k)
    rows.insert(rows.end(), d.row(k), d.row(k) + d.items);
  std::vector<std::int64_t> out(n);
  for (auto _ : state) {
    pmq_score_values_batch(h.s, rows.data(), n, d.items, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(n));
}

// The JSON path's baseline: nlohmann's DOM parse of the same inspection text, alone.
void BM_json_dom_parse_baseline(benchmark::State &state) {
  const auto &d = data(int(state.range(0)));
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(nlohmann::json::parse(d.json[k++ % d.json.size()]));
  state.SetItemsProcessed(state.iterations());
}

void BM_json_score_explained_c(benchmark::State &state) {
  const auto &d = data(int(state.range(0)));
  const c_handle h(d.standard);
  std::size_t k = 0;
  for (auto _ : state) {
    char *out = nullptr;
    pmq_score(h.s, d.json[k++ % d.json.size()].c_str(), &out);
    benchmark::DoNotOptimize(out);
    pmq_free(out);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_json_score_summary_c(benchmark::State &state) {
  const auto &d = data(int(state.range(0)));
  const c_handle h(d.standard);
  std::size_t k = 0;
  for (auto _ : state) {
    char *out = nullptr;
    pmq_score_summary(h.s, d.json[k++ % d.json.size()].c_str(), &out);
    benchmark::DoNotOptimize(out);
    pmq_free(out);
  }
  state.SetItemsProcessed(state.iterations());
}

// The JSON batch, range(0) inspections of 100 items per call; range(1): 1 for summaries.
void BM_json_batch_c(benchmark::State &state) {
  const auto &d = data(100);
  const c_handle h(d.standard);
  const auto n = std::size_t(state.range(0));
  std::string text = "[";
  for (std::size_t k = 0; k < n; ++k)
    text += (k ? "," : "") + d.json[k % d.json.size()];
  text += "]";
  const bool summary = state.range(1) == 1;
  for (auto _ : state) {
    char *out = nullptr;
    if (summary)
      pmq_score_batch_summary(h.s, text.c_str(), &out);
    else
      pmq_score_batch(h.s, text.c_str(), &out);
    benchmark::DoNotOptimize(out);
    pmq_free(out);
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(n));
}

// Loading a standard of range(0) items (C ABI: read, validate, compile) beside nlohmann's DOM
// parse of the same text.
std::string standard_text(int items) {
  return pmq::to_json(
             pmq_bench::synthetic_standard("load", items / 20, 20, pmq::points::from_milli(100)))
      .dump();
}

void BM_standard_parse_baseline(benchmark::State &state) {
  const auto text = standard_text(int(state.range(0)));
  for (auto _ : state)
    benchmark::DoNotOptimize(nlohmann::json::parse(text));
  state.SetItemsProcessed(state.iterations());
}

void BM_standard_load_c(benchmark::State &state) {
  const auto text = standard_text(int(state.range(0)));
  for (auto _ : state) {
    pmq_standard *s = nullptr;
    pmq_standard_load(text.c_str(), &s);
    benchmark::DoNotOptimize(s);
    pmq_standard_free(s);
  }
  state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_typed_plain_loop)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_typed_values)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_typed_values_c)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_typed_batch_c)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(BM_json_dom_parse_baseline)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_json_score_explained_c)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_json_score_summary_c)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_json_batch_c)
    ->ArgsProduct({{1, 10, 100, 1000, 10000}, {0, 1}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_standard_parse_baseline)->Arg(500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_standard_load_c)->Arg(500)->Unit(benchmark::kMicrosecond);
