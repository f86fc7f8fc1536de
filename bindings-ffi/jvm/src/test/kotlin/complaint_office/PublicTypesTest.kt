package complaint_office

import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.lang.reflect.Modifier
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset

/**
 * Every public type of the generated package prints its content (issue 23 item 3), found by
 * reflection over the compiled classes: a type the binding gains without a readable
 * `toString()`, or that no value below reaches, fails this test.
 *
 * The values come from real calls with planted personal data (a name, a phone, an e-mail and
 * an ID number in every field that takes them); every value reachable from them (fields of
 * records and variants, elements of lists and maps) is checked: its `toString()` has no
 * `Name@1a2b3c` identity hash and none of the planted data in full.
 */
class PublicTypesTest {
    private val name = "張三豐"
    private val phone = "13812345678"
    private val email = "zhang.sanfeng@example.com"
    private val idNumber = "110101199003071234"
    private val planted = listOf(name, phone, email, idNumber)
    private val at = OffsetDateTime.parse("2025-09-26T10:00:00+08:00")

    /** The generated package's public API types, from target/classes. */
    private fun publicTypes(): List<Class<*>> = publicApiTypes()

    /** Values from real calls, with planted personal data; the walk reaches the rest. */
    private fun roots(): List<Any?> {
        val policy = Policy()
        val received = """{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "$name", "contact": "$phone",
            "content": "$name ($idNumber, $email) says the part broke again"}"""
        val events = mutableListOf(Event.fromJson(received))
        val later = File(DocPage.repoRoot(), "tests/vectors").listFiles { f -> f.name.endsWith(".json") }!!
            .flatMap { f -> Regex(""""type": "(\w+)"""").findAll(f.readText()).map { it.groupValues[1] }.toList() }.toSet()
        val case = Case.replay(policy, events + listOf(
            Event.fromJson("""{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}"""),
            Event.fromJson("""{"type": "classified", "at": "2025-09-26T11:00:00+08:00", "category": "product_quality"}"""),
            Event.fromJson("""{"type": "assessed", "at": "2025-09-26T11:00:00+08:00", "severity": "serious", "urgency": "urgent", "complexity": "complex"}"""),
            Event.fromJson("""{"type": "emergency_procedure_started", "at": "2025-09-26T11:30:00+08:00", "measures": "$name called"}"""),
            Event.fromJson("""{"type": "team_formed", "at": "2025-09-26T12:00:00+08:00", "members": [{"id": "s-1", "role": "department_head"}]}"""),
            Event.fromJson("""{"type": "plan_submitted", "at": "2025-09-28T12:00:00+08:00", "analysis": "$name", "responsibility": "E1", "measures": "fix",
                "time_points": [{"what": "$phone", "due": "2025-10-20"}],
                "findings": [{"subject": "E1024", "responsibility": "direct", "fault": "negligence", "consequence": "general", "nature": "$name", "degree": "", "scope": ""}]}"""),
        ))
        val now = OffsetDateTime.parse("2025-10-13T09:00:00+08:00")
        val caseload = Caseload.fromCases(listOf(case))
        caseload.pushHistory(policy, listOf(Event.fromJson(received), Event.fromJson("""{"type": "closed", "at": "2025-09-26T10:00:00+08:00"}""")),
            CaseKeys("rec-2", "ck-$phone".hashCode().toString()))
        val csv = "number,received_at,channel,category,department,severity,closed_at,satisfied\n" +
            "25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n" +
            "25020001,2025-02-03 10:00:00,email,service_attitude,customer_service,serious,,\n" +
            "2502x001,2025-02-03 10:00:00,email,service_attitude,customer_service,serious,,\n"
        val ledger = Ledger.fromCsv(csv, defaultCsvOptions().copy(leniency = Leniency.LENIENT), policy)
        val report = Report.build(caseload.ledger(now), ReportOptions(Granularity.MONTH, null, null), policy)
        val file = ArchiveFile(ComplaintNumber.parse("25090001"), LocalDate.of(2025, 11, 1),
            listOf(ArchivedDocument(Document.REGISTRATION_FORM, "e-1", null)), false, Approval("L-1", LocalDate.of(2026, 1, 5)))
        val personal = PersonalData(name, phone, email, idNumber, "$name $phone")
        val complaint = Complaint(Channel.EMAIL, ComplainantKind.CUSTOMER, name, phone, at, "$name $idNumber", "投訴 $email")
        val mail = ("From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(name.toByteArray()) + "?= <$email>\r\n" +
            "Subject: 投訴 $idNumber\r\nDate: Fri, 26 Sep 2025 09:57:40 +0800\r\n" +
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n$name $phone\r\n" +
            "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"$name.pdf\"\r\n\r\nPDF\r\n--b--\r\n").toByteArray()
        val chained = chainHistory(events)
        val triage = assess(policy, Severity.SERIOUS, Urgency.URGENT, Complexity.COMPLEX)
        val errors = listOf<() -> Any?>(
            { parseInstant("2025-09-26T10:00:00") }, { Duration.parse("5 weeks") }, { ComplaintNumber.parse("23130001") },
            { Policy.fromToml("[[[") }, { Calendar.cn().day(LocalDate.of(1800, 1, 1)) }, { parseSeverity("zzz") },
            { checkIntake(policy, Complaint(Channel.OA, ComplainantKind.CUSTOMER, name, phone, at, null, null)); Contact.parse("$name!") },
            { suggest(policy, "") ; category(policy, "zzz") }, { Event.fromJson("{}") },
            { verifyHistory(chained, ChainHash.genesis()) }, { caseload.get(-1) }, { checkFinding(Finding("", Responsibility.DIRECT, Fault.NEGLIGENCE, Consequence.GENERAL, name, "", "")) },
            { archiveFileCheckComplete(file) }, { ReportPeriod.parse("2025-13") }, { panicProbe() },
            { periodEnd(Calendar.cn(), at, Duration.parse("99999 years")) }, { mask(MaskKind.PHONE, "") },
            { queueOrder(listOf()) ; QueueKey(triage, OffsetDateTime.parse("1800-01-01T00:00:00+08:00")) },
            { Caseload.fromJson(policy, "[[{\"type\": \"closed\"}]]") },
            { Calendar.cn().withHolidayCn("{\"year\": 2027}") },
            { caseload.reminders(now, at) },
        ).mapNotNull { call -> try { call(); null } catch (e: ComplaintOfficeException) { e } }
        return listOf(
            policy, policy.deadlines(), policy.sla(), policy.retention(), policy.language(), policy.calendar(),
            PolicySet(listOf(policy)), Festival.NATIONAL_DAY.labels(), Calendar.cn().coveredRange(),
            Calendar.cn().day(LocalDate.of(2025, 10, 7)), Calendar.cn().day(LocalDate.of(2025, 9, 28)),
            case, case.view(Role.OFFICE), case.view(Role.DEPARTMENT), case.schedule(now), case.compliance(now), case.record(),
            case.complaint(), case.intake(), case.assessment(), case.pauses(), case.findings(), case.decisions(), case.documents(),
            caseload, caseload.worklist(now, WorklistOptions(Role.OFFICE)), caseload.reminders(at, OffsetDateTime.parse("2025-12-01T00:00:00+08:00")),
            caseload.refused(), ledger, ledger.rejected(), report, report.overview(), report.growth(), report.charts(policy),
            Report.build(ledger, ReportOptions(Granularity.MONTH, null, null), policy).periods(),
            ReportOptions(Granularity.QUARTER, ReportPeriod.parse("2025-Q1"), null), defaultCsvOptions(),
            periodEnd(Calendar.cn(), OffsetDateTime.parse("2025-09-20T09:00:00+08:00"), Duration.parse("15 days")),
            periodEnd(Calendar.cn(), OffsetDateTime.parse("2024-02-29T09:00:00+08:00"), Duration.parse("3 years")),
            periodEnd(Calendar.cn(), OffsetDateTime.parse("2025-05-30T16:00:00+08:00"), Duration.parse("24 hours")),
            periodEnd(Policy.fromJson("""{"calendar": {"extra_off_days": ["2025-06-30"]}}""").calendar(),
                OffsetDateTime.parse("2025-06-13T10:00:00+08:00"), Duration.parse("15 days")),
            NumberSequences.fromIssued(listOf(ComplaintNumber.parse("25090002"))), NumberAllocator(ZoneOffset.ofHours(8)),
            file, mayDestroy(policy, file, LocalDate.of(2026, 3, 1)), expiry(policy, LocalDate.of(2025, 11, 1)),
            sweep(policy, listOf(file, file.copy(legalHold = true)), LocalDate.of(2040, 1, 1)), missingDocuments(listOf()),
            suggest(policy, "$name: the product quality is bad, 質量差"), category(policy, "product_quality"), departmentOf(policy, "product_quality"),
            triage, QueueKey(triage, at), decide(policy, Finding("E1024", Responsibility.DIRECT, Fault.INTENTIONAL, Consequence.SERIOUS, name, "", "")),
            disciplineTable(policy), policy.discipline(), decideDiscipline(policy, ResponsibilityAssessment(Responsibility.LEADERSHIP, Fault.NEGLIGENCE, Consequence.GENERAL)),
            personal, personalDataView(personal, Role.DEPARTMENT), visibility(Role.DEPARTMENT, PersonalField.CONTACT_PHONE),
            complaint, checkIntake(policy, complaint), checkIntake(policy, Complaint(Channel.HOTLINE, ComplainantKind.CUSTOMER, null, null, at, null, null)),
            Contact.parse(phone), Contact.parse(email), intakeEmail(policy, mail, ComplainantKind.CUSTOMER),
            chained, ChainHash.genesis(), Duration.parse("5 working days"),
            later.mapNotNull { t -> runCatching { parseEventKind(t) }.getOrNull() },
            File(DocPage.repoRoot(), "tests/vectors").listFiles { f -> f.name.startsWith("case") && f.name.endsWith(".json") }!!
                .flatMap { f -> Regex("""\{"type": "[a-z_]+", "at"[^{}]*(?:\{[^{}]*\}[^{}]*)*\}""").findAll(f.readText()).mapNotNull { m -> runCatching { eventFromJson(m.value) }.getOrNull() }.toList() },
            eventFromJson("""{"type": "problem_raised", "at": "2025-10-09T10:00:00+08:00", "description": "$name"}"""),
            eventFromJson("""{"type": "information_supplied", "at": "2025-10-09T10:00:00+08:00", "name": "$name", "contact": "$phone"}"""),
            eventFromJson("""{"type": "investigation_planned", "at": "2025-10-09T10:00:00+08:00", "steps": [{"description": "$name", "due": null, "owner": "s-1"}]}"""),
            errors,
            // What a host builds itself.
            events, CaseKeys("rec-1", null), WorklistOptions(Role.DEPARTMENT, "quality", null),
            PeriodRule.Other("a_newer_rule", "Art. 0", "a rule of a newer core"),
            ComplaintOfficeException.Input("input.too_deep", null, "nested too deep", null, null),
            ComplaintOfficeException.Privacy("privacy.unknown_kind", null, "unknown kind", null, null),
            ComplaintOfficeException.Triage("triage.no_rule", "§2.2.4", "no rule", null, null),
            // Answers that need more than one case.
            checkIntake(policy, Complaint(Channel.OA, ComplainantKind.CUSTOMER, name, phone, at, "$name $idNumber", null)),
            intakeEmail(policy, ("From: <$email>\r\nSubject: 投訴\r\nDate: Fri, 26 Sep 2025 09:57:40 +0800\r\n" +
                "Content-Type: text/html; charset=utf-8\r\n\r\n<p>$name $phone</p>\r\n").toByteArray(), ComplainantKind.CUSTOMER),
            Caseload.fromCases(listOf(Case.replay(policy, events + Event.fromJson(
                """{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090002"}"""))))
                .reminders(at, OffsetDateTime.parse("2025-11-01T00:00:00+08:00")),
            caseload.records(now), report.growth(), Report.build(ledger, ReportOptions(Granularity.MONTH, null, null), policy).growth(),
            vectorCases().flatMap { c -> listOf(c, c.pauses(), c.schedule(c.lastEventAt()), c.record()) },
        )
    }

    /** Every case of the case vectors that replays (under its policy or policy set). */
    private fun vectorCases(): List<Case> = complaint_office.conformance.Vectors.load().filter { it.op.startsWith("case.") }.mapNotNull { v ->
        val input = complaint_office.conformance.inputOf(v.input)
        val events = input["events"] as? List<*> ?: return@mapNotNull null
        runCatching {
            val json = complaint_office.conformance.Json.write(events)
            val policies = input["policies"] as? List<*>
            if (policies != null) {
                Case.replayIn(PolicySet(policies.map { Policy.fromJson(complaint_office.conformance.Json.write(it)) }), eventsFromJson(json))
            } else {
                Case.replayJson(with(complaint_office.conformance.Json) { input["policy"]?.let { Policy.fromJson(write(it)) } } ?: Policy(), json)
            }
        }.getOrNull()
    }

    /** Every value reachable from [value] whose type is of the generated package. */
    private fun walk(value: Any?, out: MutableList<Any>, seen: MutableSet<Int> = mutableSetOf()) {
        when (value) {
            null -> return
            is Iterable<*> -> value.forEach { walk(it, out, seen) }
            is Map<*, *> -> value.forEach { (k, v) -> walk(k, out, seen); walk(v, out, seen) }
            is Array<*> -> value.forEach { walk(it, out, seen) }
            else -> {
                val cls = value.javaClass
                if (cls.packageName != "complaint_office" || !seen.add(System.identityHashCode(value))) return
                out.add(value)
                if (value is Disposable && value !is Throwable && cls.declaredFields.any { it.name == "handle" || it.name == "pointer" }) return
                var c: Class<*>? = cls
                while (c != null && c.packageName == "complaint_office") {
                    for (f in c.declaredFields) {
                        if (Modifier.isStatic(f.modifiers)) continue
                        f.isAccessible = true
                        walk(f.get(value), out, seen)
                    }
                    c = c.superclass
                }
            }
        }
    }

    @Test
    fun `every public type is reached and prints its content, never an identity hash or planted personal data`() {
        val values = mutableListOf<Any>()
        walk(roots(), values)
        // Enum constants and data-less variants (Kotlin objects) are values of their own.
        val types = publicTypes()
        for (cls in types) {
            cls.enumConstants?.let { values.addAll(it) }
            runCatching { cls.getField("INSTANCE").get(null) }.getOrNull()?.let { values.add(it) }
        }
        val reached = values.map { it.javaClass }.toSet()
        val missing = types.filter { it !in reached }.map { it.name.removePrefix("complaint_office.") }.sorted()
        assertTrue(missing.isEmpty(), "no value of these public types: add a call that returns one: $missing")
        val problems = values.mapNotNull { v ->
            val text = v.toString()
            when {
                Regex("""[\w$.]+@[0-9a-f]{5,}""").containsMatchIn(text) -> "${v.javaClass.name}: identity hash: $text"
                planted.any { text.contains(it) } -> "${v.javaClass.name}: personal data: $text"
                else -> null
            }
        }
        assertTrue(problems.isEmpty(), problems.joinToString("\n"))
        assertTrue(types.size > 100, "only ${types.size} public types found")
    }
}

/**
 * The generated package's public API types, from target/classes (also walked by
 * HostileGeneratedTest): no converters, FFI plumbing, file facades or companions.
 */
internal fun publicApiTypes(): List<Class<*>> {
    val dir = File("target/classes/complaint_office")
    val files = dir.listFiles { f -> f.name.endsWith(".class") } ?: error("no compiled classes in $dir")
    return files.map { Class.forName("complaint_office." + it.name.removeSuffix(".class"), false, PublicTypesTest::class.java.classLoader) }
        .filter { cls ->
            val simple = cls.name.substringAfterLast('.')
            generateSequence(cls) { it.enclosingClass }.all { Modifier.isPublic(it.modifiers) } &&
                !cls.isInterface && !cls.isAnnotation && !cls.isSynthetic && !cls.isAnonymousClass &&
                !Modifier.isAbstract(cls.modifiers) &&
                // The generated plumbing: converters, the FFI loader and buffers, file facades.
                listOf("FfiConverter", "Uniffi", "RustBuffer", "ForeignBytes", "NoPointer", "NoHandle", "InternalException", "IntegrityChecking")
                    .none { simple.substringAfterLast('$').startsWith(it) || simple.startsWith(it) } &&
                !simple.endsWith("Kt") && !simple.endsWith("\$Companion") && !simple.endsWith("\$WhenMappings") &&
                !simple.endsWith("\$ErrorHandler") && !simple.contains("\$DefaultImpls")
        }
}
