// Scores an inspection (JSON file) against the built-in residential standard from C++.
#include <pmq/pmq.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: example_score_cpp INSPECTION.json\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  try {
    const pmq::compiled_standard standard(pmq::builtin_standard());
    const pmq::score_result r = standard.score(pmq::load_inspection(text.str()));
    std::cout << r.inspection << ": " << (r.score ? r.score->to_string() : std::string("no data"))
              << " / " << r.full_score.to_string() << "\n";
    for (const auto &s : r.sections)
      std::cout << "  " << s.title << " " << s.score.to_string() << " / " << s.max_score.to_string()
                << "\n";
  } catch (const pmq::error &e) {
    for (const auto &p : e.problems())
      std::cerr << p.path << ": " << p.message << "\n";
    return 1;
  }
  return 0;
}
