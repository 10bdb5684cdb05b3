// Inspections per second for a 100-item standard, through the C++ API and the C ABI, on the
// JSON and the typed paths, beside a plain baseline loop over the same data in the same run.
// Report figures as ratios to the baseline (BM_baseline_plain_loop): absolute numbers depend
// on the machine. Built, never run by ctest: `sh cmake/dev.sh bench`.
#include "pmq/pmq.h"
#include "pmq/scoring.hpp"

#include "bench_standard.hpp"

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

namespace {

constexpr int items_per_section = 20;
constexpr int sections = 5; // 100 items

pmq::standard make_standard() {
  return pmq_bench::synthetic_standard("bench", sections, items_per_section,
                                       pmq::points::from_milli(100));
}

// 256 inspections: every item answered (defects 0..12 or pass/fail), one N/A in eight.
struct data_set {
  pmq::standard standard = make_standard();
  std::vector<std::vector<std::int64_t>> values;
  std::vector<pmq::inspection> inspections;
  std::vector<std::string> json;

  data_set() {
    std::mt19937_64 rng(42);
    for (int n = 0; n < 256; ++n) {
      std::vector<std::int64_t> v;
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
          v.push_back(x);
          ins.responses.push_back(r);
        }
      json.push_back(pmq::to_json(ins).dump());
      values.push_back(std::move(v));
      inspections.push_back(std::move(ins));
    }
  }
};

const data_set &data() {
  static const data_set d;
  return d;
}

// The bench's standard as a C handle, released at the end of the benchmark.
class c_standard {
public:
  c_standard(const pmq::standard &standard, benchmark::State &state) {
    const std::string text = pmq::to_json(standard).dump();
    if (pmq_standard_load(text.c_str(), &handle_) != PMQ_OK) state.SkipWithError(pmq_last_error());
  }
  ~c_standard() { pmq_standard_free(handle_); }
  c_standard(const c_standard &) = delete;
  c_standard &operator=(const c_standard &) = delete;
  const pmq_standard *get() const { return handle_; }

private:
  pmq_standard *handle_ = nullptr;
};

// The baseline: the same arithmetic as a hand-written loop over the typed values, with no
// validation, explanation or re-basing — what the simplest possible scorer would cost.
void BM_baseline_plain_loop(benchmark::State &state) {
  const auto &d = data();
  std::size_t k = 0;
  for (auto _ : state) {
    const auto &v = d.values[k++ % d.values.size()];
    std::int64_t total = 0, max = 0;
    std::size_t i = 0;
    for (const auto &sec : d.standard.sections)
      for (const auto &it : sec.items) {
        const std::int64_t x = v[i++];
        if (x == pmq::compiled_standard::not_applicable) continue;
        max += it.max_score.milli();
        if (it.kind == pmq::item_kind::deduct)
          total += std::max<std::int64_t>(0, it.max_score.milli() - x * it.deduction->milli());
        else
          total += x ? it.max_score.milli() : 0;
      }
    benchmark::DoNotOptimize(total);
    benchmark::DoNotOptimize(max);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_cpp_typed_values(benchmark::State &state) {
  const auto &d = data();
  const pmq::compiled_standard c(d.standard);
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(c.score_values(d.values[k++ % d.values.size()]));
  state.SetItemsProcessed(state.iterations());
}

void BM_cpp_inspection_struct(benchmark::State &state) {
  const auto &d = data();
  const pmq::compiled_standard c(d.standard);
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(c.score(d.inspections[k++ % d.inspections.size()]));
  state.SetItemsProcessed(state.iterations());
}

void BM_cpp_json_in_json_out(benchmark::State &state) {
  const auto &d = data();
  const pmq::compiled_standard c(d.standard);
  std::size_t k = 0;
  for (auto _ : state) {
    const auto r = c.score(pmq::load_inspection(d.json[k++ % d.json.size()]));
    benchmark::DoNotOptimize(pmq::to_json(r).dump());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_c_abi_typed_values(benchmark::State &state) {
  const auto &d = data();
  const c_standard handle(d.standard, state);
  const pmq_standard *s = handle.get();
  std::size_t k = 0;
  for (auto _ : state) {
    const auto &v = d.values[k++ % d.values.size()];
    std::int64_t score = 0;
    pmq_score_values(s, v.data(), v.size(), &score);
    benchmark::DoNotOptimize(score);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_c_abi_json(benchmark::State &state) {
  const auto &d = data();
  const c_standard handle(d.standard, state);
  const pmq_standard *s = handle.get();
  std::size_t k = 0;
  for (auto _ : state) {
    char *out = nullptr;
    pmq_score(s, d.json[k++ % d.json.size()].c_str(), &out);
    benchmark::DoNotOptimize(out);
    pmq_free(out);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_c_abi_batch_json_256(benchmark::State &state) {
  const auto &d = data();
  const c_standard handle(d.standard, state);
  const pmq_standard *s = handle.get();
  std::string batch = "[";
  for (const auto &j : d.json)
    batch += (batch.size() > 1 ? "," : "") + j;
  batch += "]";
  for (auto _ : state) {
    char *out = nullptr;
    pmq_score_batch(s, batch.c_str(), &out);
    benchmark::DoNotOptimize(out);
    pmq_free(out);
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(d.json.size()));
}

// Where the JSON path's time goes: parsing, reading into structs, writing the result.
void BM_json_parse_only(benchmark::State &state) {
  const auto &d = data();
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::parse_json(d.json[k++ % d.json.size()]));
  state.SetItemsProcessed(state.iterations());
}

void BM_json_read_only(benchmark::State &state) {
  const auto &d = data();
  std::vector<pmq::json> parsed;
  for (const auto &j : d.json)
    parsed.push_back(pmq::parse_json(j));
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::inspection_from_json(parsed[k++ % parsed.size()]));
  state.SetItemsProcessed(state.iterations());
}

void BM_json_write_result_only(benchmark::State &state) {
  const auto &d = data();
  const pmq::compiled_standard c(d.standard);
  const auto r = c.score(d.inspections[0]);
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::to_json(r).dump());
  state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_json_parse_only);
BENCHMARK(BM_json_read_only);
BENCHMARK(BM_json_write_result_only);
BENCHMARK(BM_baseline_plain_loop);
BENCHMARK(BM_cpp_typed_values);
BENCHMARK(BM_cpp_inspection_struct);
BENCHMARK(BM_cpp_json_in_json_out);
BENCHMARK(BM_c_abi_typed_values);
BENCHMARK(BM_c_abi_json);
BENCHMARK(BM_c_abi_batch_json_256);
BENCHMARK_MAIN();
