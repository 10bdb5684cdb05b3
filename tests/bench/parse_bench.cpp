// JSON parsing is linear in the document (issue 10, defect 6): an inspection with 1,000 to
// 64,000 findings (about 95 bytes each; 6 MB at 64,000), parsed alone and loaded into structs.
// Google Benchmark fits the complexity (BigO, RMS); the parse callback used before made this
// quadratic (64,000 findings: 1.1 s in a release build). Built, never run by ctest:
// `sh cmake/dev.sh bench --benchmark_filter=findings`.
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

std::string inspection_with_findings(std::int64_t n) {
  std::string s = R"({"id":"big","responses":[{"item":"BJ-01","defects":0,"findings":[)";
  for (std::int64_t i = 0; i < n; ++i) {
    if (i) s += ',';
    s += R"({"description":"楼道堆放杂物 )" + std::to_string(i) +
         R"(","location":"3号楼","time":"2026-11-18T09:05+08:00","department":"保洁部"})";
  }
  return s + "]}]}";
}

void BM_parse_findings(benchmark::State &state) {
  const std::string text = inspection_with_findings(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::parse_json(text));
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}

void BM_load_inspection_findings(benchmark::State &state) {
  const std::string text = inspection_with_findings(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(pmq::load_inspection(text));
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}

} // namespace

BENCHMARK(BM_parse_findings)
    ->Arg(1000)
    ->Arg(4000)
    ->Arg(16000)
    ->Arg(64000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK(BM_load_inspection_findings)
    ->Arg(1000)
    ->Arg(4000)
    ->Arg(16000)
    ->Arg(64000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
