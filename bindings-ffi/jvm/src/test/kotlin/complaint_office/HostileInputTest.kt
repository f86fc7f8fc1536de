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
            refused("office.invalid_caseload") { Caseload.fromJson(Policy(), "[[{$received, \"note\": $deep}]]") }
            refused("office.invalid_caseload") { Caseload.fromJson(Policy(), deep) }
            refused("case.invalid_event") { verifyHistory(listOf(ChainedEvent(deep, ChainHash.genesis())), null) }
            refused("case.invalid_event") { canonicalJson(deep) }
        }
        // The JVM and the library keep working.
        assertTrue(Calendar.cn().isWorkingDay(LocalDate.of(2025, 10, 11)))
    }

    @Test
    fun `hostile e-mails are read or refused with a code, never a crash`() {
        val header = "From: a@example.com\r\nSubject: complaint\r\n"
        val nested = buildString {
            append(header)
            for (i in 0 until 10_000) append("Content-Type: multipart/mixed; boundary=\"b$i\"\r\n\r\n--b$i\r\n")
            append("Content-Type: text/plain\r\n\r\n$phone\r\n")
        }.toByteArray()
        val random = kotlin.random.Random(20).nextBytes(2_000_000)
        val longHeader = (header + "X-Long: " + "a".repeat(3_000_000) + "\r\n\r\nbody\r\n").toByteArray()
        val words = (header.replace("complaint", "=?GBK?B?" + "1cXI/Q==".repeat(50_000) + "?=") + "\r\nbody\r\n").toByteArray()
        val manyParts = (header + "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n" +
            "--x\r\nContent-Type: application/octet-stream\r\n\r\n$phone\r\n".repeat(50_000) + "--x--\r\n").toByteArray()
        for (message in listOf(nested, random, longHeader, words, manyParts, ByteArray(1) { 0 })) {
            try {
                val intake = intakeEmail(Policy(), message, ComplainantKind.CUSTOMER)
                assertFalse(intake.toString().contains(phone))
            } catch (e: ComplaintOfficeException) {
                assertTrue(e.code().startsWith("intake.email_"), e.code())
                assertFalse(e.message.orEmpty().contains(phone))
            }
        }
        assertEquals(50_000, intakeEmail(Policy(), manyParts, ComplainantKind.CUSTOMER).attachments.size)
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
    @Test
    fun `a policy key that is data is never shown, a misspelt one is`() {
        for (pasted in listOf("13812345678", "zhang.san@example.com", "110101199003071234", "張三")) {
            val cases = listOf(
                Triple({ Policy.fromToml("[deadlines]\n\"$pasted\" = \"3 days\"\n") }, "policy.unknown_key", "deadlines.?"),
                Triple({ Policy.fromJson("{\"$pasted\": 1}") }, "policy.unknown_key", "?"),
                Triple(
                    { Policy.fromJson("{\"calendar_of\": {\"departments\": {\"$pasted\": \"default\"}}}") },
                    "policy.contradiction",
                    "calendar_of.departments.?",
                ),
                Triple({ Policy.fromJson("{\"reminders\": {\"stages\": {\"$pasted\": []}}}") }, "policy.invalid_value", "reminders.stages.?"),
            )
            for ((load, code, key) in cases) {
                val e = assertThrows<ComplaintOfficeException> { load() }
                assertEquals(code to key, e.code() to e.key())
                for (shown in listOf(e.message.orEmpty(), e.toString())) {
                    assertFalse(shown.contains(pasted) || shown.contains("1381234"), shown)
                }
            }
        }
        val typo = assertThrows<ComplaintOfficeException> { Policy.fromToml("[deadlines]\nPlan = \"15 days\"\n") }
        assertEquals("deadlines.Plan", typo.key())
    }
}
