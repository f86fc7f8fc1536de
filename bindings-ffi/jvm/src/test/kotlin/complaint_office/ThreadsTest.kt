package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.YearMonth
import java.time.ZoneOffset
import java.util.Collections
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Objects shared by threads (issue 16 item 4): UniFFI objects used from many JVM threads at
 * once, with calls that succeed and calls that fail. Every failure is a coded
 * ComplaintOfficeException, never another exception, and the results stay consistent: a case
 * takes an event once, numbers are issued once each and without gaps.
 */
class ThreadsTest {
    private val threads = 8
    private val rounds = 400
    private val received =
        """{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline", "complainant_kind": "customer", "name": "Zhang San", "contact": "13812345678", "content": "The part broke again."}"""
    private val registered =
        """{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}"""

    /** Runs every call `rounds` times over `threads` threads: (name, result or exception). */
    private fun hammer(calls: List<Pair<String, () -> Any?>>): List<Triple<String, Any?, Throwable?>> {
        val pool = Executors.newFixedThreadPool(threads)
        try {
            val tasks = (0 until rounds * calls.size).map { i ->
                val (name, call) = calls[i % calls.size]
                Callable {
                    try {
                        Triple(name, call(), null)
                    } catch (e: Throwable) {
                        Triple<String, Any?, Throwable?>(name, null, e)
                    }
                }
            }
            val outcomes = pool.invokeAll(tasks).map { it.get() }
            for ((name, _, e) in outcomes) {
                if (e != null) {
                    assertTrue(e is ComplaintOfficeException, "$name: ${e::class.simpleName}: ${e.message}")
                    assertTrue((e as ComplaintOfficeException).code().isNotEmpty())
                }
            }
            return outcomes
        } finally {
            pool.shutdown()
            pool.awaitTermination(1, TimeUnit.MINUTES)
        }
    }

    @Test
    fun `a shared case takes an event once while others read it`() {
        val case = Case.open(Policy(), Event.fromJson(received))
        val now = OffsetDateTime.parse("2025-10-01T09:00:00+08:00")
        val outcomes = hammer(
            listOf(
                "register" to { case.apply(Event.fromJson(registered)) },
                "received again" to { case.apply(Event.fromJson(received)) },
                "status" to { case.status() },
                "schedule" to { case.schedule(now) },
                "view" to { case.view(Role.DEPARTMENT) },
                "count" to { case.eventCount() },
            ),
        )
        val registrations = outcomes.filter { it.first == "register" && it.third == null }
        assertEquals(1, registrations.size)
        assertTrue(outcomes.filter { it.first == "received again" }.all { it.third != null })
        for (reader in listOf("status", "schedule", "view", "count")) {
            assertTrue(outcomes.filter { it.first == reader }.all { it.third == null }, reader)
        }
        assertEquals(Status.REGISTERED, case.status())
        assertEquals(2L, case.eventCount())
    }

    @Test
    fun `shared number sequences issue every number once and without gaps`() {
        val sequences = NumberSequences()
        val may = YearMonth.of(2025, 5)
        val outcomes = hammer(
            listOf(
                "issue" to { sequences.issue(may).toString() },
                "out of range" to { sequences.issue(YearMonth.of(1999, 5)) },
                "peek" to { sequences.peek(may) },
                "last" to { sequences.last(may) },
            ),
        )
        val issued = outcomes.filter { it.first == "issue" }.map { it.second as String }.sorted()
        assertEquals((1..rounds).map { "2505%04d".format(it) }, issued)
        assertEquals(setOf("out of range"), outcomes.filter { it.third != null }.map { it.first }.toSet())
    }

    @Test
    fun `a shared allocator and calendar`() {
        val allocator = NumberAllocator(ZoneOffset.ofHours(8))
        val calendar = Calendar.cn()
        val expected = calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 3)
        val numbers = Collections.synchronizedList(mutableListOf<String>())
        val outcomes = hammer(
            listOf(
                "allocate" to { numbers.add(allocator.allocate(OffsetDateTime.parse("2025-03-01T09:00:00+08:00")).toString()) },
                "add" to { calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 3) },
                "out of range" to { calendar.addWorkingDays(LocalDate.of(2999, 12, 30), 10) },
            ),
        )
        assertEquals(rounds, numbers.toSet().size)
        assertTrue(outcomes.filter { it.first == "add" }.all { it.second == expected })
        assertEquals(setOf("out of range"), outcomes.filter { it.third != null }.map { it.first }.toSet())
    }
}
