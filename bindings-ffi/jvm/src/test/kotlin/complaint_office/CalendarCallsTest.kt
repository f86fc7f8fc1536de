package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.time.ZoneOffset

/**
 * The calendar calls the parity check found missing in Kotlin (issue 17 item 3): the day-number
 * calls, the batch `isWorkingDayMany`, `default`, `fromConfig` and `withOfficeHours`.
 */
class CalendarCallsTest {
    private val cal = Calendar.default()
    private val dates = (0L until 60L).map { LocalDate.of(2024, 12, 20).plusDays(it) }
    private val counts = (0 until 60).map { ((it * 7) % 23 - 5).toLong() }

    @Test
    fun `default is the built-in PRC calendar`() {
        assertEquals(Calendar.cn(), Calendar.default())
        assertNotEquals(Calendar.weekdays(), Calendar.default())
    }

    @Test
    fun `day-number calls agree with the dated ones`() {
        val epoch = dates.map { toEpochDay(it) }
        val added = dates.zip(counts).map { (d, k) -> toEpochDay(cal.addWorkingDays(d, k)) }
        assertEquals(added, epoch.zip(counts).map { (e, k) -> cal.addWorkingDaysToEpochDay(e, k) })
        assertEquals(added, cal.addWorkingDaysEpoch(epoch, counts))
        assertEquals(dates.map { cal.isWorkingDay(it) }, epoch.map { cal.isWorkingEpochDay(it) })
        assertEquals(dates.map { cal.isWorkingDay(it) }, cal.isWorkingDayMany(dates))
        assertEquals(cal.isWorkingDayMany(dates), cal.isWorkingDayEpoch(epoch))
        assertTrue(cal.isWorkingEpochDay(toEpochDay(LocalDate.of(2025, 10, 11))))
        assertFalse(cal.isWorkingEpochDay(toEpochDay(LocalDate.of(2025, 10, 6))))
    }

    @Test
    fun `day numbers outside 1900 to 2999 are refused by code`() {
        val first = toEpochDay(LocalDate.of(1900, 1, 1))
        val last = toEpochDay(LocalDate.of(2999, 12, 31))
        val calls: List<() -> Any> = listOf(
            { cal.isWorkingEpochDay(first - 1) },
            { cal.isWorkingEpochDay(last + 1) },
            { cal.isWorkingEpochDay(Long.MIN_VALUE) },
            { cal.addWorkingDaysToEpochDay(last, 1) },
            { cal.addWorkingDaysToEpochDay(first, -1) },
            { cal.addWorkingDaysToEpochDay(0, 1_000_000) },
            { cal.addWorkingDaysToEpochDay(Long.MAX_VALUE, Long.MAX_VALUE) },
        )
        for (call in calls) {
            val e = assertThrows<ComplaintOfficeException.Calendar> { call() }
            assertEquals("calendar.out_of_range", e.code())
        }
        val e = assertThrows<ComplaintOfficeException.Calendar> { cal.addWorkingDaysEpoch(listOf(0L, 1L, last), listOf(1L)) }
        assertEquals("calendar.out_of_range" to 2, e.code() to e.index())
    }

    @Test
    fun `fromConfig builds a policy's calendar section`() {
        val config = """{"base": "weekdays", "extra_off_days": ["2025-10-10"], "office_hours": ["09:00-17:00"]}"""
        val weekdays = Calendar.fromConfig(config, null)
        assertFalse(weekdays.isWorkingDay(LocalDate.of(2025, 10, 10)))
        assertTrue(weekdays.isWorkingDay(LocalDate.of(2025, 10, 6)))
        assertEquals(listOf("09:00-17:00"), weekdays.officeHours())
        assertEquals(ZoneOffset.ofHours(8), weekdays.offset())
        assertEquals(Calendar.cn(), Calendar.fromConfig("{}", null))
        assertEquals(ZoneOffset.ofHours(9), Calendar.fromConfig("{}", ZoneOffset.ofHours(9)).offset())
        val clash = assertThrows<ComplaintOfficeException.Calendar> {
            Calendar.fromConfig("""{"extra_off_days": ["2025-10-10"], "extra_working_days": ["2025-10-10"]}""", null)
        }
        assertEquals("calendar.contradiction", clash.code())
        for (bad in listOf("""{"base": "moon"}""", "not json", "42")) {
            val e = assertThrows<ComplaintOfficeException.Policy> { Calendar.fromConfig(bad, null) }
            assertEquals("policy.invalid_value" to "calendar", e.code() to e.key())
        }
    }

    @Test
    fun `withOfficeHours sets and clears office hours`() {
        val hours = cal.withOfficeHours(listOf("09:00-12:00", "13:30-18:00"))
        assertEquals(listOf("09:00-12:00", "13:30-18:00"), hours.officeHours())
        assertEquals(emptyList<String>(), hours.withOfficeHours(emptyList()).officeHours())
        assertEquals(cal, hours.withOfficeHours(emptyList()))
        for (bad in listOf(listOf("9-5"), listOf("12:00-09:00"), listOf("09:00-12:00", "11:00-13:00"))) {
            val e = assertThrows<ComplaintOfficeException.Calendar> { cal.withOfficeHours(bad) }
            assertEquals("calendar.invalid_office_hours", e.code())
        }
    }
}
