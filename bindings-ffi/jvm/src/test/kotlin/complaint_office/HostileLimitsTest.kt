package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDateTime
import java.time.OffsetDateTime
import java.time.ZoneId
import java.time.ZoneOffset

/**
 * Hostile input, issue 16 items 6 and 7: whole documents (policy text, holiday data, histories,
 * CSV ledgers) have the readers' documented maxima of every binding — 64 MiB of text, 4 GiB of
 * CSV — and more is `input.too_large`; a string with a lone surrogate (which Kotlin strings
 * can hold and UTF-8 cannot) is `input.invalid_text` wherever it is passed, never a bare
 * `MalformedInputException` and never replaced by U+FFFD.
 *
 * Item 8: an instant whose UTC offset has seconds (Liberia kept
 * -00:44:30 until 1972) is refused with `time.invalid_offset`, never rounded — rounding the
 * offset and keeping the local time would move the instant by 30 seconds. java.time carries
 * such offsets; RFC 3339 text cannot, so `ISO_OFFSET_DATE_TIME` writes them with seconds and
 * the core refuses that text with the offset's code.
 */
class HostileLimitsTest {
    private val monrovia = ZoneOffset.ofTotalSeconds(-2670)

    private fun refused(code: String, call: () -> Unit) {
        val e = assertThrows<ComplaintOfficeException> { call() }
        assertEquals(code, e.code())
    }

    @Test
    fun `a sub-minute offset is refused, never rounded`() {
        val at = OffsetDateTime.of(LocalDateTime.of(1971, 1, 1, 12, 0), monrovia)
        refused("time.invalid_offset") { nextNumberAt(listOf(), at, ZoneOffset.ofHours(8)) }
        refused("time.invalid_offset") { NumberAllocator(monrovia) }
        refused("time.invalid_offset") { NumberAllocator(ZoneOffset.ofHours(8)).allocate(at) }
        refused("time.invalid_offset") { parseInstant("1971-01-01T12:00:00-00:44:30") }
        // The zone database gives the same offset for Monrovia in 1971.
        val zoned = LocalDateTime.of(1971, 1, 1, 12, 0).atZone(ZoneId.of("Africa/Monrovia")).toOffsetDateTime()
        if (zoned.offset == monrovia) {
            refused("time.invalid_offset") { nextNumberAt(listOf(), zoned, ZoneOffset.ofHours(8)) }
        }
        // A whole-minute historic offset is kept exactly.
        val kept = OffsetDateTime.of(LocalDateTime.of(1971, 1, 1, 12, 0), ZoneOffset.ofTotalSeconds(-2640))
        assertEquals(kept, parseInstant(formatInstant(kept)))
        assertFalse(formatInstant(kept).contains(":30"))
    }

    private val phone = "13912345678"

    @Test
    fun `documents over the readers' maximum are input too_large`() {
        val over = "#" + "x".repeat(64 * 1024 * 1024) + "\n"
        refused("input.too_large") { Policy.fromToml(over) }
        refused("input.too_large") { Policy.fromJson(over) }
        refused("input.too_large") { Calendar.cn().withHolidayCn(over) }
        refused("input.too_large") { Caseload.fromJson(Policy(), over) }
        refused("input.too_large") { eventsFromJson(over) }
        refused("input.too_large") { Case.replayJson(Policy(), over) }
        // At the limit a document is read (and refused for what it says, not its size).
        val at = "#" + "x".repeat(64 * 1024 * 1024 - 2) + "\n"
        val e = assertThrows<ComplaintOfficeException> { Policy.fromJson(at) }
        assertEquals("policy.syntax", e.code())
    }

    @Test
    fun `a lone surrogate is input invalid_text in any string argument or field`() {
        for (text in listOf("\uD800$phone", "$phone\uDFFF", "a\uDC00b")) {
            for (call in listOf<() -> Unit>(
                { Policy.fromToml("name = \"$text\"") },
                { Event.fromJson("{\"type\": \"received\", \"content\": \"$text\"}") },
                { Duration.parse(text) },
                { Contact.parse(text) },
                { mask(MaskKind.PHONE, text) },
                { Ledger.fromCsv(text, defaultCsvOptions(), Policy()) },
                // A string field of a record.
                { personalDataView(PersonalData(text, null, null, null, null), Role.DEPARTMENT) },
                { checkIntake(Policy(), Complaint(Channel.HOTLINE, ComplainantKind.CUSTOMER, text, null,
                    OffsetDateTime.parse("2025-09-26T10:00:00+08:00"), null, null)) },
            )) {
                val e = assertThrows<ComplaintOfficeException> { call() }
                assertEquals("input.invalid_text", e.code())
                assertFalse(e.message.orEmpty().contains(phone), e.message)
            }
        }
        // A surrogate pair is a character like any other.
        assertEquals("𠀋", Policy.fromToml("name = \"𠀋\"").name())
    }
}
