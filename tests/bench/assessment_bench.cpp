// The period's assessment of a group: 500 projects (10 branches × 50) × 3 inspectors, from
// raw inspections, against the built-in 100-point standard (29 items) and against a 100-item
// standard given in the request. The baseline is scoring the same 1,500 inspections alone
// (compiled_standard::score, one compiled standard) in the same process; report the
// assessment as a ratio to it (absolute times depend on the machine). Built, never run by
// ctest: `cmake --preset release -DPMQ_BUILD_BENCHMARKS=ON && cmake --build build/release
// --target pmq_bench && build/release/tests/pmq_bench --benchmark_filter=assess`.
#include "pmq/assessment.hpp"
#include "pmq/pmq.h"
#include "pmq/scoring.hpp"

#include "bench_standard.hpp"

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

namespace {

constexpr int branches = 10;
constexpr int projects_per_branch = 50;
constexpr int inspectors = 3;

// A 100-item standard of 100 points: 5 sections × 20 items of 1 point (as scoring_bench).
pmq::standard hundred_items() {
  return pmq_bench::synthetic_standard("bench-100", 5, 20, pmq::points::from_milli(500));
}

const char *departments[] = {"客服部", "秩序维护部", "工程部", "保洁部", "绿化部"};

// A group's month: every project inspected by three inspectors; about one item in four
// found wanting, each defect with its finding (description, place, time, department).
struct group {
  pmq::standard standard;
  pmq::assessment_request request;
  std::string request_json;

  explicit group(pmq::standard s, bool in_request) : standard(std::move(s)) {
    std::mt19937_64 rng(2026);
    auto &r = request;
    r.period = "2026-11";
    r.organisation.company = "集团";
    if (in_request) {
      r.standards.push_back(standard);
      r.standard = standard.id;
    }
    for (int b = 0; b < branches; ++b) {
      pmq::org_branch br;
      br.id = "分公司" + std::to_string(b);
      br.head = "经理" + std::to_string(b);
      for (int p = 0; p < projects_per_branch; ++p) {
        pmq::org_project pr;
        pr.id = "项目" + std::to_string(b) + "-" + std::to_string(p);
        pr.head = "负责人" + pr.id;
        for (int k = 0; k < inspectors; ++k) {
          pmq::inspection ins;
          ins.id = pr.id + "/" + std::to_string(k);
          ins.project = pr.id;
          ins.inspector = "检查员" + std::to_string(b) + "-" + std::to_string(k);
          ins.date = pmq::date(2026, 11, static_cast<unsigned short>(1 + rng() % 30));
          int section = 0;
          for (const auto &sec : standard.sections) {
            for (const auto &it : sec.items) {
              if (rng() % 4 != 0) continue;
              pmq::response resp;
              resp.item = it.id;
              std::uint32_t n = 1;
              if (it.kind == pmq::item_kind::deduct) {
                const auto most = std::uint32_t(it.max_score.milli() / it.deduction->milli());
                n = 1 + std::uint32_t(rng() % std::min<std::uint32_t>(most, 2));
              } else {
                resp.passed = false;
              }
              for (std::uint32_t f = 0; f < n; ++f)
                resp.findings.push_back({"问题描述", "1号楼",
                                         *pmq::parse_timestamp("2026-11-18T09:30+08:00"),
                                         departments[section % 5]});
              ins.responses.push_back(std::move(resp));
            }
            ++section;
          }
          r.inspections.push_back(std::move(ins));
        }
        br.projects.push_back(std::move(pr));
      }
      r.organisation.branches.push_back(std::move(br));
    }
    request_json = pmq::to_json_value(r).dump();
  }
};

const group &builtin_group() {
  static const group g(pmq::builtin_standard("pmq-residential-example"), false);
  return g;
}
const group &hundred_group() {
  static const group g(hundred_items(), true);
  return g;
}
const group &pick(const benchmark::State &state) {
  return state.range(0) == 0 ? builtin_group() : hundred_group();
}

// Baseline: the same 1,500 inspections scored alone, against one compiled standard.
void BM_assess_baseline_score_alone(benchmark::State &state) {
  const auto &g = pick(state);
  for (auto _ : state) {
    const pmq::compiled_standard c(g.standard);
    for (const auto &ins : g.request.inspections)
      benchmark::DoNotOptimize(c.score(ins));
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(g.request.inspections.size()));
}

// The whole assessment from the typed request: validation, scoring, means, pay, ranks,
// history, the summary tables and the quality analysis.
void BM_assess_struct(benchmark::State &state) {
  const auto &g = pick(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::assess(g.request));
  state.SetItemsProcessed(state.iterations() * std::int64_t(g.request.inspections.size()));
}

// The C ABI's path: JSON text in, JSON text out.
void BM_assess_c_abi_json(benchmark::State &state) {
  const auto &g = pick(state);
  for (auto _ : state) {
    char *out = nullptr;
    if (pmq_assess(g.request_json.c_str(), &out) != PMQ_OK) state.SkipWithError(pmq_last_error());
    benchmark::DoNotOptimize(out);
    pmq_free(out);
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(g.request.inspections.size()));
}

// The rendered text report of the assessed group.
void BM_assess_text(benchmark::State &state) {
  const auto &g = pick(state);
  const auto r = pmq::assess(g.request);
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::assessment_text(r));
}

} // namespace

// Arg 0: the built-in 100-point standard (29 items); arg 1: a 100-item standard.
BENCHMARK(BM_assess_baseline_score_alone)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_assess_struct)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_assess_c_abi_json)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_assess_text)->Arg(0)->Unit(benchmark::kMillisecond);
