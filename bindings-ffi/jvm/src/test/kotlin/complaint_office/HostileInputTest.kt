package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/**
 * Hostile input (issue 16): values a careless or hostile caller passes, each refused with a
 * coded ComplaintOfficeException whose message holds none of the values, and the JVM alive.
 *
 * This binding takes nested data only as JSON text (no API takes Kotlin maps or lists of
 * arbitrary depth), so a cycle cannot be passed, and depth is bounded by the JSON parser at
 * MAX_NESTING (127) levels — the bound the Python and JavaScript bindings apply to their
 * native values (`input.too_deep`, `input.cycle`). Text 15,000 levels deep, which in Python
 * once overflowed the stack, is refused with the entry point's own code.
 */
class HostileInputTest {
    private val phone = "13912345678"
    private val received =
        """"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline", "complainant_kind": "customer""""

    private fun deepArray(levels: Int) = "[".repeat(levels) + "\"$phone\"" + "]".repeat(levels)

    private fun deepObject(levels: Int) = "{\"k\":".repeat(levels) + "\"$phone\"" + "}".repeat(levels)

    private fun refused(code: String, call: () -> Unit) {
        val e = assertThrows<ComplaintOfficeException> { call() }
        assertEquals(code, e.code())
        assertFalse(e.message.orEmpty().contains(phone))
    }

    @Test
    fun `JSON text 15,000 levels deep is a coded error at every entry point`() {
        for (deep in listOf(deepArray(15_000), deepObject(15_000))) {
            refused("case.invalid_event") { Event.fromJson("{$received, \"note\": $deep}") }
            refused("case.invalid_event") { eventsFromJson("[{$received, \"note\": $deep}]") }
            refused("case.invalid_event") { Case.replayJson(Policy(), "[{$received, \"note\": $deep}]") }
            refused("case.invalid_event") { Event.fromJson(deep) }
            refused("policy.syntax") { Policy.fromJson("{\"deadlines\": $deep}") }
            refused("policy.syntax") { Policy.fromJson("{\"discipline\": {\"rules\": [$deep]}}") }
            refused("calendar.invalid_holiday_data") {
                Calendar.cn().withHolidayCn("{\"year\": 2027, \"days\": [$deep]}")
            }
        }
        // The JVM and the library keep working.
        assertTrue(Calendar.cn().isWorkingDay(LocalDate.of(2025, 10, 11)))
    }

    @Test
    fun `the bound is 127 levels`() {
        // The event object and 126 arrays below it: read, then refused for the unknown key.
        val within = assertThrows<ComplaintOfficeException> {
            Event.fromJson("{$received, \"note\": ${deepArray(126)}}")
        }
        assertEquals("case.invalid_event", within.code())
        assertFalse(within.message.orEmpty().contains("not a JSON object"), within.message)
        // One level more and the text is not read at all.
        val over = assertThrows<ComplaintOfficeException> {
            Event.fromJson("{$received, \"note\": ${deepArray(127)}}")
        }
        assertEquals("case.invalid_event", over.code())
        assertTrue(over.message.orEmpty().contains("not a JSON object"), over.message)
    }
}
