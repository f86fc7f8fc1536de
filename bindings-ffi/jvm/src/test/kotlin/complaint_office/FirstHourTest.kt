package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.time.OffsetDateTime

/**
 * docs/first-hour/kotlin.md and the Kotlin blocks of bindings-ffi/README.md, run: each block on
 * those pages is a region of this file (checked verbatim), and each test asserts that the
 * block prints what the page says.
 */
class FirstHourTest {
    private val source = DocPage.testSource("FirstHourTest.kt")
    private val page = DocPage("docs/first-hour/kotlin.md", source)
    private val readme = DocPage("bindings-ffi/README.md", source)

    @Test
    fun `every block of the pages is a region of this file, verbatim`() {
        val problems = page.check("first-hour-") + readme.check("readme-")
        assertTrue(problems.isEmpty(), problems.joinToString("\n\n"))
        assertTrue(page.blocks.keys.count { it.startsWith("first-hour-") } >= 3, "blocks: ${page.blocks.keys}")
    }

    @Test
    fun `the dependency on the page is the package this project builds`() {
        val pom = File(DocPage.repoRoot(), "bindings-ffi/jvm/pom.xml").readText()
        val xml = page.blocks["first-hour-dependency"]?.second ?: error("no dependency block")
        for (tag in listOf("groupId", "artifactId", "version")) {
            val want = Regex("<$tag>([^<]+)</$tag>").find(pom)!!.groupValues[1]
            assertTrue(xml.contains("<$tag>$want</$tag>"), "the page's $tag is not $want:\n$xml")
        }
    }

    @Test
    fun `from receipt to deadlines`() {
        val out = DocPage.printed("first-hour-receipt") {
            // region first-hour-receipt
            val policy = Policy()
            val received = OffsetDateTime.parse("2025-09-26T10:00:00+08:00")
            val case = Case.replayEvents(policy, listOf(
                CaseEvent.Received(
                    received, Channel.HOTLINE, ComplainantKind.CUSTOMER,
                    name = "張三", contact = "13812345678",
                    content = "The replacement part broke again",
                ),
                CaseEvent.Registered(received.plusHours(1), ComplaintNumber.parse("25090001")),
            ))
            case.applyEvent(CaseEvent.Classified(received.plusHours(2), "product_quality"))
            case.applyEvent(CaseEvent.Assessed(received.plusHours(2), Severity.SERIOUS, Urgency.NORMAL, Complexity.SIMPLE))
            println(case)

            val now = OffsetDateTime.parse("2025-09-29T09:00:00+08:00")
            for (stage in case.schedule(now).stages) {
                val limit = stage.lastDay?.let { "last day $it" } ?: "not started"
                println("${stage.stage} ${stage.state}: $limit (${stage.clause})")
            }
            // endregion
        }
        assertEquals(page.output("first-hour-receipt"), out)
    }

    @Test
    fun `a stored history replayed, with its overdue stages and violations`() {
        val out = DocPage.printed("first-hour-history") {
            // region first-hour-history
            val stored = """[
              {"type": "received", "at": "2025-09-01T09:00:00+08:00", "channel": "email",
               "complainant_kind": "customer", "name": "李小龍", "contact": "li@example.com",
               "subject": "投訴: late delivery", "content": "Ordered in August, still nothing"},
              {"type": "registered", "at": "2025-09-05T16:00:00+08:00", "number": "25090007"},
              {"type": "classified", "at": "2025-09-05T16:10:00+08:00", "category": "product_quality"},
              {"type": "assessed", "at": "2025-09-05T16:10:00+08:00",
               "severity": "general", "urgency": "normal", "complexity": "simple"}
            ]"""
            val events = eventsFromJsonTyped(stored)
            val case = Case.replayEvents(Policy(), events)
            val now = OffsetDateTime.parse("2025-10-20T09:00:00+08:00")

            val overdue = case.schedule(now).stages.filter { it.state == SlaState.OVERDUE }
            for (stage in overdue) println("overdue: ${stage.stage}, ${stage.lateWorkingDays} working days late")
            val violations = case.compliance(now).checks.filter { it.result == CheckResult.VIOLATION }
            for (check in violations) println("violation: ${check.rule} (${check.clause}): ${check.detail}")
            // endregion
        }
        assertEquals(page.output("first-hour-history"), out)
    }

    @Test
    fun `a monthly report written to an HTML file`() {
        val out = DocPage.printed("first-hour-report") {
            // region first-hour-report
            val policy = Policy()
            val histories = listOf(
                """[{"type": "received", "at": "2025-09-02T10:00:00+08:00", "channel": "hotline", "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "Broken on arrival"},
                    {"type": "registered", "at": "2025-09-02T11:00:00+08:00", "number": "25090001"},
                    {"type": "classified", "at": "2025-09-02T11:00:00+08:00", "category": "product_quality"}]""",
                """[{"type": "received", "at": "2025-10-09T15:00:00+08:00", "channel": "on_site", "complainant_kind": "customer", "name": "王五", "contact": "13900001111", "content": "Rude at the desk"},
                    {"type": "registered", "at": "2025-10-09T16:00:00+08:00", "number": "25100001"},
                    {"type": "classified", "at": "2025-10-09T16:00:00+08:00", "category": "service_attitude"}]""",
            )
            val caseload = Caseload.replay(policy, histories.map { eventsFromJson(it) })
            val ledger = caseload.ledger(OffsetDateTime.parse("2025-10-31T18:00:00+08:00"))
            val report = Report.build(ledger, ReportOptions(Granularity.MONTH, null, null), policy)
            println(report)
            for (period in report.periods()) println("${period.period}: ${period.total} received, by category ${period.byCategory}")

            val file = File("target/complaints-report.html")
            file.writeText(report.html(policy))
            println("wrote ${file.path}: open it in a browser")
            // endregion
        }
        assertEquals(page.output("first-hour-report"), out)
        assertTrue(File("target/complaints-report.html").readText().contains("<html"))
    }

    @Test
    fun `the README's typed events block`() {
        val out = DocPage.printed("readme-typed-events") {
            // region readme-typed-events
            val at = OffsetDateTime.parse("2025-09-26T11:00:00+08:00")
            val registered = CaseEvent.Registered(at, ComplaintNumber.parse("25090001"), by = "r-001")
            println(registered)
            println(eventToJson(registered))
            val read = eventFromJson("""{"type": "plan_extended", "at": "2025-10-08T09:00:00+08:00", "until": "2025-10-24"}""")
            if (read is CaseEvent.PlanExtended) println("extended until ${read.until.dayOfWeek}")
            // endregion
        }
        assertEquals(readme.output("readme-typed-events"), out)
    }
}
