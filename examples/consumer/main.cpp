// Uses the installed pmq through find_package(pmq): scores an inspection file.
#include <pmq/pmq.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const auto result = pmq::score(pmq::builtin_standard(), pmq::load_inspection(text.str()));
  std::cout << "consumer: pmq " << pmq::version << " scored " << result.inspection << " "
            << (result.score ? result.score->to_string() : "no data") << " / "
            << result.full_score.to_string() << "\n";
  return 0;
}
