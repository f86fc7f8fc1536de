package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.OffsetDateTime
import java.time.ZoneOffset

/**
 * Every public type prints as what it is (issue 23 item 3): `toString()` shows the content, never
 * `Name@1a2b3c` (an object's or a payload enum's identity hash), and never personal data in full.
 */
class PrintableTest {
    private val name = "張三豐"
    private val phone = "13812345678"
    private val idNumber = "110101199003071234"
    private val received = """{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
        "complainant_kind": "customer", "name": "$name", "contact": "$phone",
        "content": "$name ($idNumber) says the part broke again"}"""
    private val csv = "number,received_at,channel,category,department,severity,closed_at,satisfied\n" +
        "25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n" +
        "25020001,2025-02-03 10:00:00,email,service_attitude,customer_service,serious,,\n"

    /** One value of each type whose printing this binding decides, with what it must print. */
    private fun values(): List<Pair<Any, Any>> {
        val policy = Policy()
        val case = Case.replay(policy, listOf(Event.fromJson(received),
            Event.fromJson("""{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}""")))
        val ledger = Ledger.fromCsv(csv, defaultCsvOptions(), policy)
        val allocator = NumberAllocator(ZoneOffset.ofHours(8))
        allocator.allocate(OffsetDateTime.parse("2025-09-26T10:00:00+08:00"))
        val deadline = periodEnd(Calendar.cn(), OffsetDateTime.parse("2025-09-20T09:00:00+08:00"), Duration.parse("15 days"))
        val personal = PersonalData(name, phone, "zhang@example.com", idNumber, "$name $phone")
        val caseload = Caseload.fromCases(listOf(case))
        val now = OffsetDateTime.parse("2025-09-29T09:00:00+08:00")
        val entry = caseload.worklist(now, WorklistOptions(Role.OFFICE)).entries.single()
        val reminder = caseload.reminders(now, OffsetDateTime.parse("2025-11-01T00:00:00+08:00")).first()
        val chained = chainHistory(listOf(Event.fromJson(received))).single()
        val mail = ("From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(name.toByteArray()) + "?= <$phone@example.com>\r\n" +
            "Subject: 投訴 $idNumber\r\nDate: Fri, 26 Sep 2025 09:57:40 +0800\r\n\r\n$name $phone\r\n").toByteArray()
        return listOf(
            Calendar.cn() to Regex("""Calendar\(covered_years=\d{4}\.\.\d{4}, offset=\+08:00\)"""),
            Event.fromJson(received) to "Event(type=received, at=2025-09-26T10:00:00+08:00)",
            case to "Case(status=registered, number=25090001, events=2)",
            case.view(Role.OFFICE) to Regex("""CaseView\(.*personal=PersonalData \{.*"""),
            case.schedule(OffsetDateTime.parse("2025-10-13T09:00:00+08:00")) to Regex("""Schedule\(.*"""),
            NumberSequences.fromIssued(listOf(ComplaintNumber.parse("25090002"), ComplaintNumber.parse("25080001")))
                to "NumberSequences(25080001, 25090002)",
            allocator to "NumberAllocator(office_offset=+08:00, last=[25090001])",
            policy to "Policy(name=default)",
            PolicySet(listOf(policy)) to "PolicySet(Policy(name=default))",
            ledger to "Ledger(2 records, 0 rejected)",
            Report.build(ledger, ReportOptions(Granularity.MONTH, null, null), policy)
                to "Report(granularity=month, periods=2025-01..2025-02)",
            deadline to Regex("""Deadline\(.*rules=\[start_day_excluded, .*"""),
            deadline.rules.first() to "start_day_excluded",
            personal to Regex("""PersonalData \{ complainant_name: true, .*"""),
            Complaint(Channel.HOTLINE, ComplainantKind.CUSTOMER, name, phone, null, "$name $phone", null)
                to Regex("""Complaint \{ channel: .*"""),
            Contact.parse(phone) to Regex("""Contact \{ kind: \w+, \.\. \}"""),
            Finding("E1024", Responsibility.DIRECT, Fault.NEGLIGENCE, Consequence.GENERAL, "told $name $phone", "", "one line")
                to Regex("""Finding \{ subject: "E1024".*"""),
            caseload to "Caseload(cases=1, refused=0)",
            entry to Regex("""WorklistEntry\(index=0, .*complainant=PersonalData \{ complainant_name: true, .*"""),
            reminder to Regex("""Reminder\(id=25090001/plan/0/\w+, at=.*"""),
            Actor.DEPARTMENT_HEAD to "department_head",
            chained.hash to Regex("[0-9a-f]{64}"),
            chained to Regex("""ChainedEvent \{ hash: ChainHash\([0-9a-f]{64}\), \.\. \}"""),
            intakeEmail(policy, mail, ComplainantKind.CUSTOMER)
                to Regex("""EmailIntake \{ complaint: Complaint \{ channel: Email, .*"""),
            Attachment("$name.pdf", 3) to "Attachment { name: true, size: 3 }",
            Calendar.cn().day(java.time.LocalDate.of(2025, 10, 7)) to Regex("""DayInfo\(.*reason=swapped_rest_day, .*"""),
        )
    }

    @Test
    fun `every public type prints its content, never an identity hash or personal data`() {
        for ((value, expected) in values()) {
            val text = value.toString()
            assertFalse(Regex("""@[0-9a-f]{4,}$""").containsMatchIn(text), text)
            for (p in listOf(name, phone, idNumber)) assertFalse(text.contains(p), "${value::class.simpleName} shows personal data: $text")
            when (expected) {
                is Regex -> assertTrue(expected.matches(text), "${value::class.simpleName}: $text")
                else -> assertEquals(expected, text)
            }
        }
    }

    @Test
    fun `a rule with its day prints both`() {
        val deadline = periodEnd(Calendar.cn(), OffsetDateTime.parse("2025-09-20T09:00:00+08:00"), Duration.parse("15 days"))
        assertEquals(listOf("start_day_excluded", "rolled_past_rest_days(from=2025-10-05)", "ends_at_midnight"),
            deadline.rules.map { it.toString() })
    }
}
