//! §2.2.3 under contention: the in-process allocator hands out every number exactly once,
//! with no gap, strictly increasing per month, from many threads at once.

use std::sync::{Arc, Barrier};

use complaint_office::number::{ComplaintNumber, NumberAllocator};
use complaint_office::time::{YearMonth, parse_offset};

#[test]
fn four_threads_a_million_numbers_no_duplicate_no_gap() {
    let threads = 4;
    let per_thread = 250_000;
    let allocator = Arc::new(NumberAllocator::new(parse_offset("+08:00").unwrap()));
    // 1,000,000 numbers need 101 months of 9,999: each thread walks the same months in turn,
    // so threads contend on every month and each month fills to its last serial.
    let months: Arc<Vec<YearMonth>> = Arc::new({
        let mut m = YearMonth::new(2016, 1).unwrap();
        (0..120)
            .map(|_| {
                let this = m;
                m = m.succ();
                this
            })
            .collect()
    });
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (allocator, months, barrier) = (
                Arc::clone(&allocator),
                Arc::clone(&months),
                Arc::clone(&barrier),
            );
            std::thread::spawn(move || {
                barrier.wait();
                let mut mine: Vec<ComplaintNumber> = Vec::with_capacity(per_thread);
                let mut month = 0;
                while mine.len() < per_thread {
                    match allocator.allocate_in(months[month]) {
                        Ok(n) => {
                            // Strictly increasing within the month, as seen by this thread.
                            if let Some(last) = mine.last()
                                && last.year_month() == n.year_month()
                            {
                                assert!(n > *last);
                            }
                            mine.push(n);
                        }
                        Err(_) => month += 1, // the month is full: move on
                    }
                }
                mine
            })
        })
        .collect();
    let mut all: Vec<ComplaintNumber> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    assert_eq!(all.len(), threads * per_thread);
    all.sort();
    let before = all.len();
    all.dedup();
    assert_eq!(all.len(), before, "duplicate numbers");
    // No gap: each month used is 1..=max without holes, and every month but the last is full.
    let mut by_month: std::collections::BTreeMap<YearMonth, Vec<u32>> = Default::default();
    for n in &all {
        by_month.entry(n.year_month()).or_default().push(n.serial());
    }
    let last_month = *by_month.keys().last().unwrap();
    for (month, serials) in &by_month {
        let expected: Vec<u32> = (1..=serials.len() as u32).collect();
        assert_eq!(serials, &expected, "gap in {month}");
        if *month != last_month {
            assert_eq!(serials.len(), 9999, "{month} not full");
        }
    }
}
