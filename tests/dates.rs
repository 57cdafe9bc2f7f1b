//! Business days for the tracker's expected completion: the public date API, across weekends,
//! month ends, year ends and leap days.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use privatelink_prep::dates::{
    add_business_days, days_in_month, expected_completion, is_leap_year, Date, Weekday,
    ENABLEMENT_BUSINESS_DAYS,
};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("{s} is not a date"))
}

fn plus(s: &str, n: u32) -> String {
    add_business_days(d(s), n).unwrap().to_string()
}

#[test]
fn enablement_takes_five_business_days() {
    assert_eq!(ENABLEMENT_BUSINESS_DAYS, 5);
    // Every weekday of one week, and the weekend after it.
    for (sent, done) in [
        ("2026-03-02", "2026-03-09"), // Monday
        ("2026-03-03", "2026-03-10"),
        ("2026-03-04", "2026-03-11"),
        ("2026-03-05", "2026-03-12"),
        ("2026-03-06", "2026-03-13"), // Friday
        ("2026-03-07", "2026-03-13"), // Saturday: counting starts on Monday
        ("2026-03-08", "2026-03-13"), // Sunday
    ] {
        assert_eq!(
            expected_completion(d(sent)).unwrap().to_string(),
            done,
            "{sent}"
        );
    }
}

#[test]
fn across_month_ends() {
    assert_eq!(plus("2025-04-28", 5), "2025-05-05");
    assert_eq!(plus("2025-06-30", 5), "2025-07-07");
    assert_eq!(plus("2025-10-31", 1), "2025-11-03"); // Friday to Monday
    assert_eq!(plus("2025-08-29", 3), "2025-09-03");
}

#[test]
fn across_year_ends() {
    assert_eq!(plus("2025-12-26", 5), "2026-01-02");
    assert_eq!(plus("2025-12-31", 5), "2026-01-07");
    assert_eq!(plus("2026-12-31", 1), "2027-01-01"); // Thursday to Friday
    assert_eq!(plus("2027-12-31", 1), "2028-01-03"); // Friday to Monday
    assert_eq!(plus("2028-12-30", 5), "2029-01-05"); // from a Saturday
}

#[test]
fn leap_years() {
    assert!(is_leap_year(2028) && is_leap_year(2000) && !is_leap_year(2100));
    assert_eq!(days_in_month(2028, 2), 29);
    assert_eq!(plus("2028-02-25", 5), "2028-03-03"); // Friday, over 29 February
    assert_eq!(plus("2028-02-28", 1), "2028-02-29");
    assert_eq!(plus("2027-02-26", 1), "2027-03-01"); // no 29 February in 2027
    assert_eq!(plus("2100-02-26", 1), "2100-03-01"); // 2100 is not a leap year
    assert_eq!(d("2028-02-29").weekday(), Weekday::Tuesday);
}

#[test]
fn zero_days_and_long_counts() {
    assert_eq!(plus("2026-03-07", 0), "2026-03-07");
    assert_eq!(plus("2026-03-02", 10), "2026-03-16");
    assert_eq!(plus("2026-01-01", 261), "2027-01-01"); // 261 business days in 2026 after 1 Jan
}

#[test]
fn iso_dates_only() {
    assert_eq!(d("2026-01-09").to_string(), "2026-01-09");
    for bad in [
        "2026-1-9",
        "09/01/2026",
        "2026-02-29",
        "2026-13-01",
        "",
        "2026-01-09Z",
        // One separator wrong, the other right: both must be hyphens.
        "2026-01/09",
        "2026/01-09",
        "2026/01/09",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad}");
    }
    assert_eq!(Date::new(2026, 2, 29), None);
    assert_eq!(add_business_days(d("9999-12-31"), 1), None);
}
