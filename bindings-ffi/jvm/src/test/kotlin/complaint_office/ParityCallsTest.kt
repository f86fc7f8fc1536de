package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset

/**
 * Time, intake, duration, period and discipline calls the parity check found missing in Kotlin
 * (issue 17 item 3), each against the call it stands beside.
 */
class ParityCallsTest {
    @Test
    fun `time - yearMonthOf, inOffice and normalizeOffset`() {
        val at = OffsetDateTime.parse("2023-05-31T17:30:00Z")
        assertEquals("2023-06", yearMonthOf(at, ZoneOffset.ofHours(8)).toString())
        assertEquals(yearMonthOfInstant(at, ZoneOffset.ofHours(8)), yearMonthOf(at, ZoneOffset.ofHours(8)))
        val office = inOffice(at, ZoneOffset.ofHours(8))
        assertEquals(OffsetDateTime.parse("2023-06-01T01:30:00+08:00"), office)
        assertTrue(office.isEqual(at))
        assertEquals("+08:00", normalizeOffset("+0800"))
        assertEquals("+00:00", normalizeOffset("Z"))
        assertEquals("-05:30", normalizeOffset("-05:30"))
        val e = assertThrows<ComplaintOfficeException.Time> { normalizeOffset("Beijing") }
        assertEquals("time.invalid_offset", e.code())
    }

    @Test
    fun `intake - parseContact and Contact normalized`() {
        val contact = parseContact("138 1234 5678")
        assertEquals(Contact.parse("13812345678"), contact)
        assertEquals(ContactKind.MOBILE, contact.kind())
        assertEquals("13812345678", contact.normalized())
        assertEquals(contact.asStr(), contact.normalized())
        val e = assertThrows<ComplaintOfficeException.Intake> { parseContact("call me") }
        assertTrue(e.code().startsWith("intake."))
    }

    @Test
    fun `duration - hourBounds`() {
        assertEquals(listOf(24.0, 24.0), Duration.parse("24 hours").hourBounds().map { it })
        val (shortest, longest) = Duration.parse("5 working days").hourBounds()
        assertTrue(shortest in 0.0..longest, "$shortest..$longest")
        assertTrue(longest >= 5 * 24.0)
    }

    @Test
    fun `period - lastDays are the last days of periodEndMany from midnight`() {
        val cal = Calendar.cn()
        val dates = (0L until 20L).map { LocalDate.of(2025, 9, 20).plusDays(it) }
        val fifteen = Duration.parse("15 days")
        val single = periodEndMany(cal, dates.map { it.atStartOfDay().atOffset(ZoneOffset.ofHours(8)) }, fifteen).map { it.lastDay }
        assertEquals(single, lastDays(cal, dates, fifteen))
        // 2025-09-20 + 15 days lands in National Day: the next working day.
        assertEquals(LocalDate.of(2025, 10, 9), lastDays(cal, listOf(LocalDate.of(2025, 9, 20)), fifteen).single())
        val e = assertThrows<ComplaintOfficeException.Period> { lastDays(cal, listOf(LocalDate.of(2999, 12, 30)), fifteen) }
        assertEquals("period.out_of_range", e.code())
    }

    @Test
    fun `discipline - a table from JSON, Policy discipline, decide, level and entries`() {
        val json = """{"otherwise": "heavy", "rules": [{"fault": ["negligence"], "consequence": ["general"], "level": "light"}]}"""
        val table = DisciplineTable.fromJsonValue(json)
        val light = ResponsibilityAssessment(Responsibility.LEADERSHIP, Fault.NEGLIGENCE, Consequence.GENERAL)
        val grave = ResponsibilityAssessment(Responsibility.SECONDARY, Fault.GROSS_NEGLIGENCE, Consequence.GENERAL)
        assertEquals(Level.LIGHT, table.level(light))
        assertEquals(Level.HEAVY, table.level(grave))
        assertEquals(table.level(grave), table.decide(grave).level)
        val policy = Policy.fromJson("""{"discipline": $json}""")
        assertEquals(table, policy.discipline())
        assertEquals(disciplineTable(policy), table.entries())
        assertEquals(decideDiscipline(policy, grave), table.decide(grave))
        assertEquals(DisciplineTable(), Policy().discipline())
        assertEquals(disciplineTable(Policy()), DisciplineTable().entries())
        val notJson = assertThrows<ComplaintOfficeException.Policy> { DisciplineTable.fromJsonValue("{") }
        assertEquals("discipline", notJson.key())
        val bad = assertThrows<ComplaintOfficeException.Policy> { DisciplineTable.fromJsonValue("""{"otherwise": "exile"}""") }
        assertTrue(bad.code().startsWith("policy."))
    }
}
