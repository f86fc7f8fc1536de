package complaint_office

import complaint_office.conformance.Json
import complaint_office.conformance.Vectors
import complaint_office.conformance.inputOf
import complaint_office.conformance.policy
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.time.OffsetDateTime

/**
 * Typed events (issue 23 item 7): `CaseEvent` is the same event as the JSON form, for every
 * history of the case vectors, and replaying typed events gives what replaying JSON gives.
 */
class TypedEventTest {
    /** Every history of the `case.*` vectors (`input.events`), named after its vector. */
    private fun histories(): List<Triple<String, Policy, List<String>>> =
        Vectors.load().filter { it.op.startsWith("case.") }.mapNotNull { vector ->
            val input = inputOf(vector.input)
            val events = input["events"] as? List<*> ?: return@mapNotNull null
            if (input.containsKey("policies")) return@mapNotNull null // a policy set: below
            val policy = try { input.policy() } catch (e: ComplaintOfficeException) { return@mapNotNull null }
            Triple("${vector.file} :: ${vector.op} :: ${vector.name}", policy, events.map { Json.write(it) })
        }

    /** What a replayed case says, or the error it was refused with, as one comparable text. */
    private fun outcome(replay: () -> Case): String = try {
        val case = replay()
        val at = case.lastEventAt()
        listOf(case.toString(), case.status(), case.category(), case.department(), case.track(),
            case.schedule(at).stages, case.compliance(at).checks, case.record(), case.view(Role.OFFICE).personal,
            case.allowedNext()).joinToString("\n")
    } catch (e: ComplaintOfficeException) {
        "refused ${e.code()} at ${e.index()} (${e.clause()})"
    }

    @TestFactory
    fun `every case vector's history reads, writes back and replays the same typed`(): List<DynamicTest> {
        val histories = histories()
        assertTrue(histories.size > 50, "found only ${histories.size} histories")
        return histories.map { (name, policy, events) ->
            DynamicTest.dynamicTest(name) {
                // JSON -> typed -> JSON is the same value as the core's own normalised JSON.
                val typed = events.mapNotNull { json ->
                    val stored = try { Event.fromJson(json) } catch (e: ComplaintOfficeException) {
                        val code = try { eventFromJson(json); "read" } catch (t: ComplaintOfficeException) { t.code() }
                        assertEquals(e.code(), code, json)
                        return@mapNotNull null
                    }
                    val event = eventFromJson(json)
                    assertEquals(Json.parse(stored.toJson()), Json.parse(eventToJson(event)), json)
                    assertEquals(event, stored.typed())
                    assertEquals(stored, Event.fromTyped(event))
                    event
                }
                if (typed.size < events.size) return@dynamicTest // a history with an unreadable event
                assertEquals(
                    outcome { Case.replay(policy, events.map { Event.fromJson(it) }) },
                    outcome { Case.replayEvents(policy, typed) },
                    name,
                )
            }
        }
    }

    @Test
    fun `a typed history is built, applied and printed without its personal data`() {
        val at = OffsetDateTime.parse("2025-09-26T10:00:00+08:00")
        val case = Case.replayEvents(Policy(), listOf(
            CaseEvent.Received(at, Channel.HOTLINE, ComplainantKind.CUSTOMER, name = "張三豐", contact = "13812345678", content = "it broke"),
            CaseEvent.Registered(at.plusHours(1), ComplaintNumber.parse("25090001"), by = "r-001", role = ActorRole.COMPLAINT_OFFICE),
        ))
        case.applyEvent(CaseEvent.Classified(at.plusHours(2), "product_quality"))
        case.applyEvent(CaseEvent.Assessed(at.plusHours(2), Severity.SERIOUS, Urgency.URGENT, Complexity.COMPLEX))
        assertEquals(Status.REGISTERED, case.status())
        assertEquals("quality", case.department())
        val refused = try {
            case.applyEvent(CaseEvent.Closed(at.plusHours(3))); null
        } catch (e: ComplaintOfficeException) { e.code() }
        assertTrue(refused != null && refused.startsWith("case."), "closing an open case: $refused")
        val printed = CaseEvent.Received(at, Channel.HOTLINE, ComplainantKind.CUSTOMER, name = "張三豐", contact = "13812345678", content = "it broke").toString()
        assertEquals("Received(at=2025-09-26T10:00:00+08:00, channel=hotline, complainant_kind=customer, " +
            "received_at=2025-09-26T10:00:00+08:00, text=[contact, content, name])", printed)
    }

    /** The catalogue in bindings-ffi/README.md: one row per variant, with its fields in order. */
    @Test
    fun `the README's event catalogue lists every variant with its fields`() {
        val readme = File(System.getProperty("repo.root") ?: "../..", "bindings-ffi/README.md").readText()
        val rows = Regex("""^\| `([a-z_]+)` \| `CaseEvent\.(\w+)` \| ([^|]*) \|""", RegexOption.MULTILINE)
            .findAll(readme).associate { m ->
                m.groupValues[2] to (m.groupValues[1] to Regex("""`(\w+)""").findAll(m.groupValues[3]).map { it.groupValues[1] }.toList())
            }
        val variants = CaseEvent::class.java.declaredClasses
            .filter { CaseEvent::class.java.isAssignableFrom(it) }
        assertEquals(EventKind.values().size, variants.size, "one variant per event type")
        val actual = variants.associate { cls ->
            val fields = cls.declaredFields.filter { !java.lang.reflect.Modifier.isStatic(it.modifiers) }.map { it.name }
            cls.simpleName to fields
        }
        assertEquals(actual.keys.sorted(), rows.keys.sorted(), "README catalogue rows")
        for ((variant, fields) in actual) {
            val (type, documented) = rows.getValue(variant)
            assertEquals(fields, documented, "README fields of $variant")
            assertEquals(variant, parseEventKind(type).toString().split('_').joinToString("") { it.replaceFirstChar(Char::uppercase) })
        }
    }
}
