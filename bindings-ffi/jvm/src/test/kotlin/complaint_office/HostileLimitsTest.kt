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
 * Hostile input, issue 16 item 8: an instant whose UTC offset has seconds (Liberia kept
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
}
