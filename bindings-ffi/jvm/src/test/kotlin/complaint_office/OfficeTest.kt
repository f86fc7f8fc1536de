package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Duration as JavaDuration
import java.time.OffsetDateTime
import kotlin.random.Random

/**
 * The office at work from Kotlin, beyond the vectors: a caseload built every way a host holds
 * its cases, the reminder job over consecutive windows, the views of §1.3.4, statistics from
 * cases.
 */
class OfficeTest {
    private val name = "張三豐"
    private val phone = "13812345678"

    private fun received(at: String, channel: String = "hotline") = """{"type": "received", "at": "$at",
        "channel": "$channel", "complainant_kind": "customer", "name": "$name", "contact": "$phone",
        "content": "$name says the kettle leaks"}"""

    /** Four histories as a host stores them: registered and classified, only received, assessed as an emergency, withdrawn. */
    private val histories: List<List<String>> = listOf(
        listOf(
            received("2025-09-26T10:00:00+08:00"),
            """{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}""",
            """{"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"}""",
        ),
        listOf(received("2025-10-20T16:00:00+08:00")),
        listOf(
            received("2025-10-09T14:00:00+08:00"),
            """{"type": "registered", "at": "2025-10-09T15:00:00+08:00", "number": "25100001"}""",
            """{"type": "classified", "at": "2025-10-09T15:10:00+08:00", "category": "service_attitude"}""",
            """{"type": "assessed", "at": "2025-10-09T15:20:00+08:00", "severity": "serious", "urgency": "urgent", "complexity": "simple"}""",
        ),
        listOf(
            received("2025-10-10T09:00:00+08:00"),
            """{"type": "registered", "at": "2025-10-10T09:30:00+08:00", "number": "25100002"}""",
            """{"type": "withdrawn", "at": "2025-10-15T10:00:00+08:00", "reason": "settled"}""",
        ),
    )

    private fun events(history: List<String>) = history.map { Event.fromJson(it) }

    private fun jsonText(): String = histories.joinToString(",", "[", "]") { h -> h.joinToString(",", "[", "]") }

    private val now = OffsetDateTime.parse("2025-10-22T10:00:00+08:00")

    @Test
    fun `a caseload from JSON text, from events and from replayed cases gives the same worklist`() {
        val policy = Policy()
        val fromJson = Caseload.fromJson(policy, jsonText())
        val fromEvents = Caseload.replay(policy, histories.map(::events))
        val fromCases = Caseload.fromCases(histories.map { Case.replay(policy, events(it)) })
        val pushed = Caseload()
        for (h in histories) pushed.pushHistory(policy, events(h), CaseKeys())
        val options = WorklistOptions(Role.OFFICE)
        val lists = listOf(fromJson, fromEvents, fromCases, pushed).map { it.worklist(now, options) }
        for (list in lists.drop(1)) assertEquals(lists[0], list)
        val list = lists[0]
        // The withdrawn case is not open; the emergency comes first.
        assertEquals(3L, list.counts.total)
        assertEquals(listOf(2L, 0L, 1L), list.entries.map { it.index })
        assertTrue(list.entries[0].emergency)
        assertEquals("25100001", list.entries[0].number.toString())
        assertEquals(Actor.COMPLAINT_OFFICE, list.entries[2].act)
        assertEquals(Stage.REGISTRATION, list.entries[2].stage)
        assertEquals(4L, fromJson.len())
        assertEquals(listOf(0L, 1L, 2L, 3L), fromJson.indices())
        assertEquals(Status.WITHDRAWN, fromJson.get(3)!!.status())
        assertNull(fromJson.get(4))
        assertNull(fromJson.get(-1))
    }

    @Test
    fun `only the complaint office sees who complained (§1_3_4)`() {
        val caseload = Caseload.fromJson(Policy(), jsonText())
        val office = caseload.worklist(now, WorklistOptions(Role.OFFICE))
        assertTrue(office.entries.all { it.complainant?.complainantName == name })
        for (role in listOf(Role.DEPARTMENT, Role.INVESTIGATION_TEAM, Role.STATISTICS)) {
            val list = caseload.worklist(now, WorklistOptions(role))
            assertEquals(office.entries.size, list.entries.size)
            assertTrue(list.entries.all { it.complainant == null }, role.toString())
        }
        // The printed office worklist names the fields present, never their values.
        val text = office.toString()
        assertFalse(text.contains(name) || text.contains(phone), text)
        assertTrue(text.contains("complainant_name: true"), text)
    }

    @Test
    fun `filters by department and by who should act`() {
        val caseload = Caseload.fromJson(Policy(), jsonText())
        val quality = caseload.worklist(now, WorklistOptions(Role.DEPARTMENT, department = "quality"))
        assertEquals(listOf("25090001"), quality.entries.map { it.number.toString() })
        assertEquals(mapOf("quality" to 1L), quality.counts.byDepartment)
        val office = caseload.worklist(now, WorklistOptions(Role.OFFICE, role = Actor.COMPLAINT_OFFICE))
        assertTrue(office.entries.all { it.act == Actor.COMPLAINT_OFFICE })
        assertEquals(office.entries.size.toLong(), office.counts.byActor["complaint_office"])
        assertEquals(Actor.MANAGEMENT, actorForStatus(Status.PLAN_DRAFTED))
        assertEquals(Actor.DEPARTMENT_HEAD, parseActor("department_head"))
        val e = assertThrows<ComplaintOfficeException> { parseActor("ceo") }
        assertEquals("office.unknown_actor", e.code())
    }

    @Test
    fun `reminders over consecutive windows give each reminder exactly once, whatever the window size`() {
        val caseload = Caseload.fromJson(Policy(), jsonText())
        val start = OffsetDateTime.parse("2025-09-26T00:00:00+08:00")
        val end = OffsetDateTime.parse("2025-11-20T00:00:00+08:00")
        val all = caseload.reminders(start, end)
        val ids = all.map { it.id }
        assertTrue(all.size >= 12, "expected a ladder of reminders, got $ids")
        assertEquals(ids.size, ids.toSet().size, "an id twice: $ids")
        // Every reminder goes out in office hours on a working day (09:00 by default), never at night.
        val calendar = Calendar.cn()
        for (r in all) {
            assertTrue(calendar.isWorkingDay(r.at.toLocalDate()), r.toString())
            assertTrue(r.at.hour in 9..17, r.toString())
            assertTrue(!r.at.isBefore(start) && r.at.isBefore(end))
        }
        val random = Random(18)
        val steps = listOf(JavaDuration.ofMinutes(29), JavaDuration.ofHours(1), JavaDuration.ofMinutes(313), JavaDuration.ofDays(1))
        for (step in steps + listOf<JavaDuration?>(null)) {
            val sent = mutableListOf<String>()
            var from = start
            while (from.isBefore(end)) {
                // A fixed step, or (null) an irregular scheduler: anything from a second to two days.
                val size = step ?: JavaDuration.ofSeconds(random.nextLong(1, 2 * 86_400))
                val to = minOf(from.plus(size), end)
                sent += caseload.reminders(from, to).map { it.id }
                from = to
            }
            assertEquals(ids, sent, "windows of ${step ?: "random size"}")
        }
    }

    @Test
    fun `a reminder explains itself and keeps its id`() {
        val caseload = Caseload.fromJson(Policy(), jsonText())
        val all = caseload.reminders(OffsetDateTime.parse("2025-09-26T00:00:00+08:00"), OffsetDateTime.parse("2025-11-20T00:00:00+08:00"))
        val plan = all.filter { it.index == 0L && it.stage == Stage.PLAN }
        assertEquals(listOf("half_period", "one_working_day_left", "due", "department_head", "management"), plan.map { it.rung })
        assertEquals("25090001/plan/0/due", plan[2].id)
        assertEquals("§4.1.2", plan[2].clause)
        assertEquals(Actor.DEPARTMENT_HEAD, plan[3].to)
        assertEquals("quality", plan[3].department)
        // The withdrawn case's clocks stopped at its withdrawal: nothing after it.
        val withdrawn = OffsetDateTime.parse("2025-10-15T10:00:00+08:00")
        assertTrue(all.filter { it.index == 3L }.all { it.at.isBefore(withdrawn) })
        // The same caseload built again gives the same ids (a host can record what it sent).
        val again = Caseload.fromJson(Policy(), jsonText())
            .reminders(OffsetDateTime.parse("2025-09-26T00:00:00+08:00"), OffsetDateTime.parse("2025-11-20T00:00:00+08:00"))
        assertEquals(all.map { it.id }, again.map { it.id })
        val e = assertThrows<ComplaintOfficeException> { caseload.reminders(now, now.minusSeconds(1)) }
        assertTrue(e is ComplaintOfficeException.Office)
        assertEquals("office.invalid_window", e.code())
        assertEquals(emptyList<Reminder>(), caseload.reminders(now, now))
    }

    @Test
    fun `the host's keys name reminders and count repeat complaints`() {
        val policy = Policy()
        val caseload = Caseload()
        assertEquals(0L, caseload.push(Case.replay(policy, events(histories[0])), CaseKeys("crm-1", "k-zhang")))
        assertEquals(1L, caseload.pushHistory(policy, events(histories[2]), CaseKeys(key = "crm-2", complainantKey = "k-zhang")))
        val reminders = caseload.reminders(OffsetDateTime.parse("2025-09-26T00:00:00+08:00"), OffsetDateTime.parse("2025-11-20T00:00:00+08:00"))
        assertTrue(reminders.isNotEmpty())
        assertTrue(reminders.all { it.id.startsWith(it.key!! + "/") }, reminders.map { it.id }.toString())
        val records = caseload.records(now)
        assertEquals(listOf("k-zhang", "k-zhang"), records.map { it.complainantKey })
        val report = Report.build(caseload.ledger(now), ReportOptions(Granularity.YEAR, null, null), policy)
        val indicators = report.periods().single().indicators!!
        // The second complaint of the same key within the repeat window (30 days by default).
        assertEquals(1L, indicators.repeat)
        assertEquals(0.5, indicators.repeatRate)
    }

    @Test
    fun `statistics from cases - the ledger, its rejected rows and the report indicators`() {
        val policy = Policy()
        val json = jsonText().dropLast(1) + """, [{"type": "registered", "at": "2025-10-10T09:30:00+08:00", "number": "25100003"}]]"""
        val caseload = Caseload.fromJson(policy, json)
        assertEquals(listOf(4L), caseload.refused().map { it.index })
        assertEquals("case.not_received_first", caseload.refused()[0].code)
        assertEquals("Caseload(cases=4, refused=1)", caseload.toString())
        val ledger = caseload.ledger(now)
        assertTrue(ledger.hasCaseColumns())
        assertEquals(3L, ledger.len())
        // The case not yet numbered and the refused history are rejected rows, by line and code only.
        assertEquals(listOf(2L to "stats.missing_value", 5L to "case.not_received_first"), ledger.rejected().map { it.line to it.code })
        val records = ledger.records()
        assertEquals(listOf("open", "open", "withdrawn"), records.map { it.outcome })
        assertNotNull(records[0].registration?.metAt)
        // The records make the same ledger again, judged as of the same instant.
        val again = Ledger.fromRecords(caseload.records(now), Leniency.STRICT).withAsOf(now)
        val options = ReportOptions(Granularity.MONTH, null, null)
        val a = Report.build(ledger, options, policy).periods()
        val b = Report.build(again, options, policy).periods()
        assertEquals(a.map { it.indicators }, b.map { it.indicators })
        val october = a.single { it.period.toString() == "2025-10" }.indicators!!
        assertEquals(mapOf("open" to 1L, "withdrawn" to 1L), october.byOutcome)
        // Both October cases were registered within the day (the withdrawn one before it withdrew).
        assertEquals(2L, october.onTime["registration"]!!.onTime)
        assertEquals(1.0, october.onTime["registration"]!!.rate)
        assertNotNull(Report.build(ledger, options, policy).overview().indicators)
        // A classic ledger has no indicators.
        val classic = Ledger.fromRecords(listOf(LedgerRecord(ComplaintNumber.parse("25090001"),
            OffsetDateTime.parse("2025-09-26T10:00:00+08:00"), null, "product_quality", "quality", null, null, null)), Leniency.STRICT)
        assertFalse(classic.hasCaseColumns())
        assertNull(Report.build(classic, options, policy).periods().single().indicators)
    }

    @Test
    fun `a caseload that is not a list is an error with its code`() {
        for (text in listOf("""{"events": []}""", "not json", "")) {
            val e = assertThrows<ComplaintOfficeException> { Caseload.fromJson(Policy(), text) }
            assertTrue(e is ComplaintOfficeException.Office)
            assertEquals("office.invalid_caseload", e.code())
        }
        // An element that is no history is refused, the others read.
        val caseload = Caseload.fromJson(Policy(), """[42, {"key": "crm-9", "events": [${histories[1][0]}]}, {"evnts": []}]""")
        assertEquals(listOf(0L, 2L), caseload.refused().map { it.index })
        assertEquals(1L, caseload.len())
        assertTrue(caseload.refused().all { it.code == "case.invalid_event" })
    }
}

/** The office, policy and statistics calls the parity check found missing in Kotlin (issue 17 item 3). */
class OfficeParityTest {
    private val csv = "number,received_at,channel,category,department,severity,closed_at,satisfied\n" +
        "25010001,2025-01-02 09:00:00,hotline,product_quality,production,general,2025-01-03 09:00:00,true\n" +
        "25020002,2025-02-10 10:00:00,hotline,product_quality,quality_assurance,major,2025-02-12 22:00:00,\n"

    @Test
    fun `Caseload fromHistories is fromJson`() {
        val json = """[[{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "broken"}],
            [{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}]]"""
        val a = Caseload.fromHistories(Policy(), json)
        val b = Caseload.fromJson(Policy(), json)
        assertEquals(b.toString(), a.toString())
        assertEquals(b.refused(), a.refused())
        val e = assertThrows<ComplaintOfficeException.Office> { Caseload.fromHistories(Policy(), "{}") }
        assertEquals("office.invalid_caseload", e.code())
    }

    @Test
    fun `Policy default is the documented defaults`() {
        assertEquals(Policy().toJson(), Policy.default().toJson())
    }

    @Test
    fun `Ledger fromCsvText and report are fromCsv and Report build`() {
        val policy = Policy()
        val ledger = Ledger.fromCsvText(csv, defaultCsvOptions(), policy)
        assertEquals(Ledger.fromCsv(csv, defaultCsvOptions(), policy).records(), ledger.records())
        val options = ReportOptions(Granularity.MONTH, null, null)
        assertEquals(Report.build(ledger, options, policy).toJson(), ledger.report(options, policy).toJson())
        // Without case columns there are no indicators.
        assertEquals(null, ledger.report(options, policy).indicators())
        val bad = assertThrows<ComplaintOfficeException.Stats> {
            ledger.report(ReportOptions(Granularity.MONTH, ReportPeriod.parse("2025-03"), ReportPeriod.parse("2025-01")), policy)
        }
        assertEquals("stats.invalid_range", bad.code())
    }

    @Test
    fun `Report indicators are the overview's`() {
        val policy = Policy()
        val now = OffsetDateTime.parse("2025-10-22T10:00:00+08:00")
        val json = """[[{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "broken"},
            {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}]]"""
        val report = Caseload.fromJson(policy, json).ledger(now).report(ReportOptions(Granularity.YEAR, null, null), policy)
        val indicators = report.indicators()
        assertNotNull(indicators)
        assertEquals(report.overview().indicators, indicators)
        assertEquals(MeasuredStage.entries.map { it.asStr() }.toSet(), indicators!!.onTime.keys)
    }

    @Test
    fun `ReportPeriod ofDate, firstDay and lastDay`() {
        val q = ReportPeriod.ofDate(java.time.LocalDate.of(2024, 2, 29), Granularity.QUARTER)
        assertEquals(ReportPeriod.parse("2024-Q1"), q)
        assertEquals(java.time.LocalDate.of(2024, 1, 1), q.firstDay())
        assertEquals(java.time.LocalDate.of(2024, 3, 31), q.lastDay())
        val m = ReportPeriod.ofDate(java.time.LocalDate.of(2024, 2, 10), Granularity.MONTH)
        assertEquals(java.time.LocalDate.of(2024, 2, 29), m.lastDay())
        assertEquals(m.succ().firstDay(), m.lastDay().plusDays(1))
    }

    @Test
    fun `Outcome and MeasuredStage are vocabularies`() {
        assertEquals(Outcome.RESOLVED, parseOutcome("resolved"))
        assertEquals("follow_up", parseMeasuredStage("follow_up").asStr())
        assertEquals(6, Outcome.entries.size)
        assertEquals("stats.unknown_outcome", assertThrows<ComplaintOfficeException> { parseOutcome("won") }.code())
        assertEquals("stats.unknown_stage", assertThrows<ComplaintOfficeException> { parseMeasuredStage("lunch") }.code())
    }
}
