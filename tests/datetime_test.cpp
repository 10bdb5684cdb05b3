#include "pmq/datetime.hpp"

#include <catch2/catch.hpp>

TEST_CASE("dates are strict ISO 8601", "[datetime]") {
  CHECK(pmq::parse_date("2026-11-18"));
  CHECK(pmq::parse_date("2024-02-29"));       // leap year
  CHECK_FALSE(pmq::parse_date("2026-02-29")); // not a leap year
  CHECK_FALSE(pmq::parse_date("2026-02-30"));
  CHECK_FALSE(pmq::parse_date("0000-01-01")); // year 0
  CHECK_FALSE(pmq::parse_date("2026-13-01"));
  CHECK_FALSE(pmq::parse_date("2026-1-05"));
  CHECK_FALSE(pmq::parse_date("2026-01-05 "));
  CHECK(pmq::format_date(*pmq::parse_date("2026-01-05")) == "2026-01-05");
}

TEST_CASE("timestamps need an explicit offset", "[datetime]") {
  auto t = pmq::parse_timestamp("2026-11-18T09:40+08:00");
  REQUIRE(t);
  CHECK(t->offset_minutes == 480);
  CHECK(pmq::format_timestamp(*t) == "2026-11-18T09:40:00+08:00");
  CHECK(pmq::format_timestamp(*pmq::parse_timestamp("2026-11-18T01:40:00Z")) ==
        "2026-11-18T01:40:00Z");
  CHECK(t->utc() == pmq::parse_timestamp("2026-11-18T01:40:00Z")->utc());
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40"));       // no offset
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T24:00+08:00")); // no hour 24
  CHECK_FALSE(pmq::parse_timestamp("2026-02-30T09:40+08:00"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+8:00"));
}
