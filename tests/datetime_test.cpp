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

TEST_CASE("UTC offsets are those real zones use: -12:00 to +14:00 in quarter hours",
          "[datetime][R-CAL-10][bad-input]") {
  // both ends of the range are accepted, one step beyond is not
  CHECK(pmq::parse_timestamp("2026-11-18T09:40+14:00")->offset_minutes == 14 * 60);
  CHECK(pmq::parse_timestamp("2026-11-18T09:40-12:00")->offset_minutes == -12 * 60);
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+14:30")); // issue 9: was accepted
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+14:15"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+15:00"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40-12:15"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40-13:00"));
  // quarter hours as in Nepal, Eucla, Chatham, Marquesas, Newfoundland; other minutes are not
  CHECK(pmq::parse_timestamp("2026-11-18T09:40+05:45")->offset_minutes == 345);
  CHECK(pmq::parse_timestamp("2026-11-18T09:40+08:45"));
  CHECK(pmq::parse_timestamp("2026-11-18T09:40+12:45"));
  CHECK(pmq::parse_timestamp("2026-11-18T09:40-09:30")->offset_minutes == -570);
  CHECK(pmq::parse_timestamp("2026-11-18T09:40-03:30"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+08:20"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+08:01"));
  CHECK_FALSE(pmq::parse_timestamp("2026-11-18T09:40+08:60"));
  CHECK(pmq::valid_utc_offset(0));
  CHECK_FALSE(pmq::valid_utc_offset(14 * 60 + 15));
}

TEST_CASE("a moment outside the years pmq holds is refused, not an internal error",
          "[datetime][bad-input]") {
  // 1400-01-01T00:30+08:00 is 1399-12-31T16:30Z
  CHECK_FALSE(pmq::parse_timestamp("1400-01-01T00:30+08:00"));
  CHECK(pmq::parse_timestamp("1400-01-01T08:00+08:00"));
  CHECK(pmq::parse_timestamp("1400-01-01T00:30Z"));
  CHECK(pmq::parse_timestamp("1400-01-01T00:30-05:00"));
  // 9999-12-31T23:00-05:00 is 10000-01-01T04:00Z
  CHECK_FALSE(pmq::parse_timestamp("9999-12-31T23:00-05:00"));
  CHECK(pmq::parse_timestamp("9999-12-31T18:59-05:00"));
  CHECK_FALSE(pmq::parse_timestamp("9999-12-31T19:00-05:00"));
  CHECK(pmq::parse_timestamp("9999-12-31T23:59:59Z"));
  CHECK(pmq::parse_timestamp("9999-12-31T23:59+08:00")->utc() >
        pmq::parse_timestamp("9999-12-31T00:00Z")->utc());
}
