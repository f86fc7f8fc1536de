package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Tamper-evident histories (§6.1.2) as a JVM host's store uses them: append, verify, replay. */
class HistoryTest {
    private val name = "張三"
    private val phone = "13812345678"
    private val events = listOf(
        """{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline", "complainant_kind": "customer",
            "name": "$name", "contact": "$phone", "content": "The replacement part broke again."}""",
        """{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}""",
        """{"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"}""",
    ).map { Event.fromJson(it) }

    @Test
    fun `appending one event at a time gives the chain of the whole history`() {
        val chained = chainHistory(events)
        var head = ChainHash.genesis()
        assertEquals("0".repeat(64), head.toHex())
        val appended = events.map { e -> linkEvent(head, e).also { head = it.hash } }
        assertEquals(chained, appended)
        assertEquals(head, historyHead(chained))
        assertEquals(ChainHash.genesis(), historyHead(emptyList()))
        // What is stored is the canonical text of each event: its hash reads back in either case.
        assertEquals(chained[0].event, canonicalJson(chained[0].event))
        assertEquals(head, ChainHash.fromHex(head.toHex().uppercase()))
        assertEquals(head.toHex(), head.toString())
        assertEquals(head, verifyHistory(chained, head))
        val case = replayVerified(Policy(), chained, head)
        assertEquals(Status.REGISTERED, case.status())
        assertEquals(3L, case.eventCount())
        assertEquals(events.map { it.toJson() }, verifiedEvents(chained, head).map { it.toJson() })
    }

    @Test
    fun `a copy whose keys a database reordered still verifies`() {
        val chained = chainHistory(events)
        val reordered = chained.map {
            ChainedEvent(canonicalJson(it.event).let { text ->
                // Same object, keys in reverse order and spaced out, as jsonb hands it back.
                val fields = text.removePrefix("{").removeSuffix("}").split(Regex(""",(?=")""")).reversed()
                fields.joinToString(", ", "{ ", " }")
            }, it.hash)
        }
        assertNotEquals(chained.map { it.event }, reordered.map { it.event })
        assertEquals(historyHead(chained), verifyHistory(reordered, historyHead(chained)))
    }

    @Test
    fun `an edit, a swap, a deletion and a cut tail are found where they are`() {
        val chained = chainHistory(events)
        val head = historyHead(chained)
        fun broken(history: List<ChainedEvent>, code: String, index: Int) {
            val e = assertThrows<ComplaintOfficeException> { verifyHistory(history, head) }
            assertTrue(e is ComplaintOfficeException.History, e.toString())
            assertEquals(code, e.code())
            assertEquals(index, e.index())
            assertEquals("§6.1.2", e.clause())
            assertFalse(e.message.orEmpty().contains(name) || e.message.orEmpty().contains(phone))
            // Replaying reports the tampering, not the case.
            val r = assertThrows<ComplaintOfficeException> { replayVerified(Policy(), history, head) }
            assertEquals(code, r.code())
        }
        val edited = chained.toMutableList().also { it[1] = it[1].copy(event = it[1].event.replace("25090001", "25090002")) }
        broken(edited, "history.chain_broken", 1)
        broken(listOf(chained[1], chained[0], chained[2]), "history.chain_broken", 0)
        broken(listOf(chained[0], chained[2]), "history.chain_broken", 1)
        broken(chained.take(2), "history.head_mismatch", 2)
        // Without the head a cut tail cannot be told from a shorter history.
        assertEquals(chained[1].hash, verifyHistory(chained.take(2), null))
    }

    @Test
    fun `an intact history whose case is refused reports the case's code and index`() {
        val chained = chainHistory(listOf(events[0], events[2]))
        val e = assertThrows<ComplaintOfficeException> { replayVerified(Policy(), chained, historyHead(chained)) }
        assertTrue(e is ComplaintOfficeException.Case, e.toString())
        assertEquals("case.transition_not_allowed", e.code())
        assertEquals(1, e.index())
    }

    @Test
    fun `stored text that is not JSON, and hashes that are not hashes, are coded errors`() {
        val chained = chainHistory(events)
        val garbled = chained.toMutableList().also { it[2] = it[2].copy(event = "{\"type\": \"classi") }
        val e = assertThrows<ComplaintOfficeException> { verifyHistory(garbled, null) }
        assertEquals("case.invalid_event", e.code())
        assertEquals(2, e.index())
        for (text in listOf("abc", "g".repeat(64), "0".repeat(63), "")) {
            val h = assertThrows<ComplaintOfficeException> { ChainHash.fromHex(text) }
            assertTrue(h is ComplaintOfficeException.History)
            assertEquals("history.invalid_hash", h.code())
        }
        assertEquals("case.invalid_event", assertThrows<ComplaintOfficeException> { canonicalJson("{") }.code())
    }

    @Test
    fun `a chained event prints its hash, never the event`() {
        val linked = chainHistory(events).first()
        val text = linked.toString()
        assertTrue(text.contains(linked.hash.toHex()), text)
        assertFalse(text.contains(name) || text.contains(phone), text)
    }
}
