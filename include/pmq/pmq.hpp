// pmq — property-service quality management rules (物业服务品质管理). Includes every concern.
#pragma once

#include "pmq/calendar.hpp"
#include "pmq/complaint.hpp"
#include "pmq/datetime.hpp"
#include "pmq/error.hpp"
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/bands.hpp"
#include "pmq/numeric.hpp"
#include "pmq/rollup.hpp"
#include "pmq/rectification.hpp"
#include "pmq/scoring.hpp"
#include "pmq/staffing.hpp"
#include "pmq/standard.hpp"
#include "pmq/supplier.hpp"
#include "pmq/tender.hpp"
#include "pmq/version.hpp"
