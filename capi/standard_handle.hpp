// The pmq_standard handle of the C ABI (pmq.h), shared by the rooms that take one.
#pragma once

#include "pmq/scoring.hpp"

struct pmq_standard {
  pmq::compiled_standard compiled;
};
