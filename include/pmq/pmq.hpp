// pmq — property-service quality management rules (物业服务品质管理). Includes every concern.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/error.hpp"
#include "pmq/expr.hpp"
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/kpi.hpp"
#include "pmq/numeric.hpp"
#include "pmq/scoring.hpp"
#include "pmq/standard.hpp"
#include "pmq/version.hpp"
