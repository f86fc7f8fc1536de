package complaint_office

import complaint_office.conformance.Json
import complaint_office.conformance.Vectors
import complaint_office.conformance.inputOf
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.lang.reflect.Modifier
import java.time.OffsetDateTime

/**
 * The privacy suite (issue 16, "Everywhere"): recognisable personal values are planted in
 * every free-text field of every event of every case history of the vectors (the complaint,
 * the superseding `information_supplied` values, plans, findings, feedback, objections, …),
 * and every output a role outside the office gets is searched for them — every string inside
 * it, found by reflection, not its `toString()` (which never prints personal data anyway): the
 * department's and the statistics role's view of each case, the case's ledger record, the
 * department's worklist, the ledger and the report (overview, periods, growth, charts). None
 * may appear, whole or with its separators changed.
 */
class PrivacyTest {
    private val planted = mapOf(
        "name" to "歐陽震華",
        "phone" to "13987654321",
        "email" to "ouyang.zhenhua@example.com",
        "id" to idNumber("44030419851122331"),
        "newName" to "司馬相如",
        "newPhone" to "15811112222",
    )
    private val text = "${planted["name"]}（電話 ${planted["phone"]}，郵箱 ${planted["email"]}，身份證 ${planted["id"]}）"
    private val freeText = setOf("content", "analysis", "measures", "what", "nature", "degree", "scope", "reason",
        "process", "result", "suggestions", "description", "note", "summary")

    private fun idNumber(body: String): String {
        val weights = intArrayOf(7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        val sum = body.mapIndexed { i, c -> (c - '0') * weights[i] }.sum()
        return body + "10X98765432"[sum % 11]
    }

    private val needles: List<String> = planted.values.flatMap { v ->
        if (v.all(Char::isDigit) && v.length == 11) listOf(v, "${v.take(3)}-${v.substring(3, 7)}-${v.drop(7)}", "${v.take(3)} ${v.substring(3, 7)} ${v.drop(7)}") else listOf(v)
    } + listOf("欧阳震华", "司马相如", "ouyang.zhenhua")

    /** A copy of stored JSON data with the planted text in every free-text and personal field. */
    private fun plant(value: Any?, key: String? = null): Any? = when (value) {
        is List<*> -> value.map { plant(it, key) }
        is Map<*, *> -> {
            val out = linkedMapOf<String, Any?>()
            for ((k, v) in value) out[k.toString()] = plant(v, k.toString())
            // Personal fields are replaced where the history has them (a missing one is what
            // an information request asks for).
            fun put(k: String, v: String?) { if (k in out) out[k] = v }
            when (out["type"]) {
                "received" -> { put("name", planted["name"]); put("contact", planted["phone"]); put("content", text) }
                "information_supplied" -> { put("name", planted["newName"]); put("contact", planted["newPhone"]); put("content", text) }
            }
            out
        }
        is String -> if (key in freeText) text else value
        else -> value
    }

    /** Every string inside a value of the package (fields of records, elements of lists and maps). */
    private fun strings(value: Any?, out: MutableList<String> = mutableListOf(), seen: MutableSet<Int> = mutableSetOf()): List<String> {
        when (value) {
            null -> {}
            is String -> out.add(value)
            is Iterable<*> -> value.forEach { strings(it, out, seen) }
            is Map<*, *> -> value.forEach { (k, v) -> strings(k, out, seen); strings(v, out, seen) }
            is Array<*> -> value.forEach { strings(it, out, seen) }
            else -> {
                val cls = value.javaClass
                if (cls.packageName != "complaint_office" || !seen.add(System.identityHashCode(value))) return out
                var c: Class<*>? = cls
                while (c != null && c.packageName == "complaint_office") {
                    for (f in c.declaredFields) {
                        if (Modifier.isStatic(f.modifiers)) continue
                        f.isAccessible = true
                        strings(f.get(value), out, seen)
                    }
                    c = c.superclass
                }
            }
        }
        return out
    }

    private fun leaks(label: String, output: Any?): List<String> {
        val all = strings(output)
        return needles.filter { n -> all.any { it.contains(n) } }.map { "$label: shows $it" }
    }

    private fun plantedHistories(policy: Policy): List<List<Event>> = Vectors.load().filter { it.op.startsWith("case.") }.mapNotNull { v ->
        val input = inputOf(v.input)
        val events = input["events"] as? List<*> ?: return@mapNotNull null
        if (input["policies"] != null) return@mapNotNull null
        runCatching {
            val typed = eventsFromJson(Json.write(plant(events)))
            Case.replay(policy, typed)
            typed
        }.getOrNull()
    }

    @Test
    fun `no output of a role outside the office shows a planted personal value`() {
        val policy = Policy()
        val histories = plantedHistories(policy)
        assertTrue(histories.size >= 20, "only ${histories.size} planted histories replay")
        val found = mutableListOf<String>()
        var outputs = 0
        fun check(label: String, output: Any?) {
            outputs++
            found.addAll(leaks(label, output))
        }
        val cases = histories.map { Case.replay(policy, it) }
        assertTrue(leaks("office", cases.first().view(Role.OFFICE)).isNotEmpty(), "the office view shows nothing planted")
        val now = OffsetDateTime.parse("2026-06-01T09:00:00+08:00")
        cases.forEachIndexed { i, c ->
            for (role in listOf(Role.DEPARTMENT, Role.STATISTICS)) check("case $i view($role)", c.view(role))
            check("case $i record", c.record())
        }
        val caseload = Caseload.fromCases(cases)
        for (department in listOf(null, "quality", "customer_service")) {
            check("worklist(department $department)", caseload.worklist(now, WorklistOptions(Role.DEPARTMENT, department, null)))
            check("worklist(statistics $department)", caseload.worklist(now, WorklistOptions(Role.STATISTICS, department, null)))
        }
        val ledger = caseload.ledger(now)
        check("ledger", ledger)
        check("ledger records", caseload.records(now))
        check("ledger rejected", ledger.rejected())
        for (granularity in Granularity.values()) {
            val report = Report.build(ledger, ReportOptions(granularity, null, null), policy)
            check("report $granularity", listOf(report.overview(), report.periods(), report.growth()))
            check("charts $granularity", report.charts(policy))
        }
        val personal = PersonalData(planted["name"], planted["phone"], planted["email"], planted["id"], text)
        for (role in listOf(Role.DEPARTMENT, Role.STATISTICS)) check("personalDataView($role)", personalDataView(personal, role))
        println("privacy (JVM): ${histories.size} planted histories, $outputs outputs searched for ${needles.size} forms of ${planted.size} values")
        assertEquals(listOf<String>(), found)
    }

    @Test
    fun `the search finds a planted value where there is one (it can fail)`() {
        val personal = PersonalData(planted["name"], planted["phone"], null, null, null)
        assertTrue(leaks("office", personalDataView(personal, Role.OFFICE)).isNotEmpty())
    }
}
