package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.time.OffsetDateTime

/** What crosses the boundary besides the vectors: panics, native types, names. */
class BoundaryTest {
    @Test
    fun `a panic inside the library is an error with a code, not an abort`() {
        val e = assertThrows<ComplaintOfficeException> { panicProbe() }
        assertTrue(e is ComplaintOfficeException.Internal)
        assertEquals("internal.panic", e.code())
        assertNull(e.clause())
        // The library keeps working after the caught panic.
        assertTrue(Calendar.cn().isWorkingDay(LocalDate.of(2025, 10, 11)))
    }

    @Test
    fun `instants keep their offset and print with seconds`() {
        val at = OffsetDateTime.parse("2023-05-31T17:30Z")
        assertEquals("2023-05-31T17:30:00+00:00", formatInstant(at))
        assertEquals(java.time.YearMonth.of(2023, 6), yearMonthOfInstant(at, beijing()))
    }

    @Test
    fun `vocabularies print as their stable names and parse back`() {
        assertEquals("working_days", DurationUnit.WORKING_DAYS.toString())
        assertEquals("working_days", DurationUnit.WORKING_DAYS.asStr())
        assertEquals(Severity.SERIOUS, parseSeverity("serious"))
        val e = assertThrows<ComplaintOfficeException> { parseSeverity("grave") }
        assertEquals("triage.unknown_severity", e.code())
        assertEquals(Status.entries.size, Status.entries.map { it.toString() }.toSet().size)
    }

    @Test
    fun `errors carry the index and the key at fault`() {
        val received = """{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "n", "contact": "c", "content": "x"}"""
        val bad = """{"type": "registered", "at": "2025-09-26T11:00:00", "number": "25090001"}"""
        val e = assertThrows<ComplaintOfficeException> { Case.replayJson(Policy(), "[$received, $bad]") }
        assertTrue(e is ComplaintOfficeException.Case)
        assertEquals("case.invalid_event", e.code())
        assertEquals(1, e.index())
        assertEquals("at", e.key())
        assertEquals(1, (e as ComplaintOfficeException.Case).index)
        val refused = """{"type": "closed", "at": "2025-09-26T11:00:00+08:00"}"""
        val r = assertThrows<ComplaintOfficeException> {
            Case.replay(Policy(), listOf(Event.fromJson(received), Event.fromJson(refused)))
        }
        assertEquals(1, r.index())
        assertNull(r.key())
        val p = assertThrows<ComplaintOfficeException> { Policy.fromToml("[deadlines]\nplann = \"10 days\"") }
        assertEquals("deadlines.plann", p.key())
        assertNull(p.index())
        val n = assertThrows<ComplaintOfficeException> { ComplaintNumber.parse("23130001") }
        assertNull(n.index())
        assertNull(n.key())
    }

    @Test
    fun `objects compare by value`() {
        assertEquals(ComplaintNumber.parse("23050001"), ComplaintNumber(2023, 5, 1))
        assertEquals("23050002", ComplaintNumber(2023, 5, 1).succ().toString())
        assertEquals(Duration.parse("5個工作日"), Duration(5, DurationUnit.WORKING_DAYS))
    }

    @Test
    fun `each stage names its calendar and a provisional deadline is a finding without a clause`() {
        val policy = Policy.fromToml(
            "[[calendars]]\nname = \"hotline\"\nbase = \"every_day\"\n" +
                "[calendar_of]\nchannels = { hotline = \"hotline\" }\n" +
                "[deadlines]\nregistration = \"3 working days\"\n",
        )
        val received = { channel: String, contact: String ->
            Event.fromJson(
                "{\"type\": \"received\", \"at\": \"2026-12-29T10:00:00+08:00\", \"channel\": \"$channel\", " +
                    "\"complainant_kind\": \"customer\", \"name\": \"張三\", \"contact\": \"$contact\", " +
                    "\"content\": \"c\", \"subject\": \"投訴\"}",
            )
        }
        val now = OffsetDateTime.parse("2026-12-29T12:00:00+08:00")
        val hotline = Case.open(policy, received("hotline", "13812345678")).schedule(now).stages[0]
        assertEquals(listOf("hotline", "2027-01-01", "false"), listOf(hotline.calendar, hotline.lastDay.toString(), hotline.provisional.toString()))
        val case = Case.open(policy, received("email", "a@example.com"))
        val office = case.schedule(now).stages[0]
        assertEquals(listOf("default", "2027-01-04", "true"), listOf(office.calendar, office.lastDay.toString(), office.provisional.toString()))
        val check = case.compliance(now).checks.single { it.rule == "provisional_days" }
        assertNull(check.clause)
        assertEquals(CheckResult.FINDING, check.result)
        assertTrue(check.detail.contains("2027-01-04"))
    }

    @Test
    fun `batch forms agree with single calls`() {
        val cal = Calendar.cn()
        val dates = listOf(LocalDate.of(2025, 9, 26), LocalDate.of(2024, 2, 1))
        assertEquals(dates.map { cal.addWorkingDays(it, 5) }, cal.addWorkingDaysMany(dates, listOf(5L)))
        val epoch = dates.map { toEpochDay(it) }
        assertEquals(epoch.map { it + 0 }.map { fromEpochDay(it) }, dates)
    }
}
